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
  byAddress: string;
  byAccount: string;
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
} as const satisfies Record<keyof SignInKeys, RateLimitPolicy>;

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
  const account = normaliseEmail(email) ?? email.trim().toLowerCase();
  return {
    byAddress: `sign-in:address:${sha256(addressBlock(ip))}`,
    byAccount: `sign-in:account:${sha256(account)}`,
  };
}

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
