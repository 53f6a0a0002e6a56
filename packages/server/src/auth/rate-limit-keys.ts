import { createHash } from "node:crypto";
import { isIPv6 } from "node:net";
import { normaliseEmail } from "./emails.ts";

/** How many failures a key may have within a window, and how long it is then blocked for. */
export interface RateLimitPolicy {
  windowMs: number;
  maxFailures: number;
  /** The first block; each block in a row after it doubles, up to maxBlockMs. */
  baseBlockMs: number;
  maxBlockMs: number;
}

export interface SignInKeys {
  /** Every attempt from this address block. */
  byAddress: string;
  /** Every attempt at this account, cleared when it signs in. */
  byAccount: string;
  /** Wrong passwords from this address block: an address with none recently is a fresh one. */
  failedFromAddress: string;
  /** Attempts at this account, once it is blocked, from fresh addresses (see SIGN_IN_POLICIES). */
  freshAtAccount: string;
  /** Sign-ins to this account from this address block. */
  knownAddress: string;
}

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;

export const SIGN_IN_POLICIES = {
  // Looser than per account, because a household, office or mobile carrier may share one
  // address, yet tight enough that one machine cannot try a list of accounts.
  byAddress: {
    windowMs: 15 * MINUTE_MS,
    maxFailures: 20,
    baseBlockMs: MINUTE_MS,
    maxBlockMs: HOUR_MS,
  },
  // Five slips are plenty for a person who mistypes, while capped doubling blocks leave
  // someone guessing at one account only a handful of tries an hour.
  byAccount: {
    windowMs: 15 * MINUTE_MS,
    maxFailures: 5,
    baseBlockMs: MINUTE_MS,
    maxBlockMs: HOUR_MS,
  },
  // Never blocks: it tells whether this address got a password wrong in the last quarter of an
  // hour. An address that did not (a fresh one) may still try an account the account policy
  // has blocked, once, so a stranger guessing at someone's account cannot lock its owner out.
  failedFromAddress: {
    windowMs: 15 * MINUTE_MS,
    maxFailures: Number.MAX_SAFE_INTEGER,
    baseBlockMs: MINUTE_MS,
    maxBlockMs: MINUTE_MS,
  },
  // ...but only so often: fresh addresses get ten tries a day at a blocked account between
  // them, so someone with many addresses cannot go on guessing. Past that, the account stays
  // blocked for a day except from addresses it signed in from before (knownAddress).
  freshAtAccount: {
    windowMs: 24 * HOUR_MS,
    maxFailures: 10,
    baseBlockMs: 24 * HOUR_MS,
    maxBlockMs: 24 * HOUR_MS,
  },
  // Never blocks: it remembers, for 30 days, that the account signed in from this address
  // block. Those addresses may always try (within their own address limit).
  knownAddress: {
    windowMs: 30 * 24 * HOUR_MS,
    maxFailures: Number.MAX_SAFE_INTEGER,
    baseBlockMs: MINUTE_MS,
    maxBlockMs: MINUTE_MS,
  },
} as const satisfies Record<keyof SignInKeys, RateLimitPolicy>;

/**
 * New accounts from one address block: a household signs up a few people at once; someone
 * making accounts to fill the server's disk gets twenty an hour at most.
 */
export const SIGN_UP_POLICY: RateLimitPolicy = {
  windowMs: HOUR_MS,
  maxFailures: 20,
  baseBlockMs: HOUR_MS,
  maxBlockMs: 24 * HOUR_MS,
};

/**
 * Imports into one account: each can carry a whole history, and a person restores theirs a few
 * times at most; more than ten an hour is a client gone wrong or someone loading the server.
 */
export const IMPORT_POLICY: RateLimitPolicy = {
  windowMs: HOUR_MS,
  maxFailures: 10,
  baseBlockMs: 10 * MINUTE_MS,
  maxBlockMs: HOUR_MS,
};

/** How long the next block lasts after `blocksInARow` earlier blocks: doubling, capped. */
export function blockDurationMs(policy: RateLimitPolicy, blocksInARow: number): number {
  const doublings = Number.isInteger(blocksInARow) && blocksInARow > 0 ? blocksInARow : 0;
  return Math.min(policy.maxBlockMs, policy.baseBlockMs * 2 ** doublings);
}

/**
 * The rate-limit keys for one sign-in attempt: one for where it comes from and one for the
 * account it names. Both are hashed so the counters table never becomes a second list of
 * addresses and emails (mistyped ones included), and stays fixed-width whatever is sent.
 */
export function signInKeys(ip: string, email: string): SignInKeys {
  const account = sha256(normaliseEmail(email) ?? email.trim().toLowerCase());
  const address = sha256(addressBlock(ip));
  return {
    byAddress: `sign-in:address:${address}`,
    byAccount: `sign-in:account:${account}`,
    failedFromAddress: `sign-in:failed-from:${address}`,
    freshAtAccount: `sign-in:fresh-at:${account}`,
    knownAddress: `sign-in:known:${sha256(`${account} ${address}`)}`,
  };
}

/** The key that counts sign-ups from the address block of `ip`. */
export const signUpKey = (ip: string) => `sign-up:address:${sha256(addressBlock(ip))}`;

/** The key that counts imports into an account. */
export const importKey = (userId: string) => `import:account:${sha256(userId)}`;

/**
 * The block of addresses one client controls: an IPv4 address itself, an IPv6 address's
 * /64 (a single home or phone is usually handed a whole /64 to pick addresses from).
 */
export function addressBlock(ip: string): string {
  const address = ip.trim().toLowerCase();
  // Anything but IPv6 is kept as it is: IPv4 needs nothing more, and a value that is no
  // address at all (a misconfigured proxy) still counts on its own rather than crashing.
  if (!isIPv6(address)) return address;
  const groups = ipv6Groups(address);
  // A dual-stack server sees IPv4 clients as ::ffff:a.b.c.d. Their /64 would be every IPv4
  // client at once, so they are keyed by their IPv4 address instead.
  const isMappedIPv4 = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
  if (isMappedIPv4) return ipv4From(groups[6] ?? 0, groups[7] ?? 0);
  return `${groups.slice(0, 4).map(hex).join(":")}::/64`;
}

const hex = (group: number) => group.toString(16);
const ipv4From = (high: number, low: number) =>
  [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");

const DOTTED_TAIL = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/;
const asGroup = (high: string, low: string) => hex((Number(high) << 8) | Number(low));

/** The eight 16-bit groups of an address that isIPv6 has already accepted. */
function ipv6Groups(address: string): number[] {
  const [withoutZone = ""] = address.split("%");
  // An address may end in dotted IPv4 ("::ffff:192.0.2.1"): two groups written as four bytes.
  const hexOnly = withoutZone.replace(
    DOTTED_TAIL,
    (_: string, a: string, b: string, c: string, d: string) => `${asGroup(a, b)}:${asGroup(c, d)}`,
  );
  const [head = "", tail] = hexOnly.split("::");
  const headGroups = groupsIn(head);
  if (tail === undefined) return headGroups;
  const tailGroups = groupsIn(tail);
  const zeros = Array<number>(8 - headGroups.length - tailGroups.length).fill(0);
  return [...headGroups, ...zeros, ...tailGroups];
}

function groupsIn(part: string): number[] {
  return part === "" ? [] : part.split(":").map((group) => Number.parseInt(group, 16));
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
