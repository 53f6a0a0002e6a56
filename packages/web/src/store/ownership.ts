import { SentenceError } from "../sentence-for.ts";
import type { EventStore } from "./event-store.ts";

/**
 * Whose log this device holds. A log made before any sign-in is nobody's yet; once it signs in
 * it is that account's, by the email the server answered with, until it is removed from the
 * device. Signing out keeps the owner: the copy left on the device is still that person's.
 */
export type DeviceOwner =
  | { kind: "nobody" }
  | { kind: "account"; email: string; signedIn: boolean }
  /** Signed out before Limber kept the owner: whose it is cannot be known, so it is nobody else's. */
  | { kind: "unknown" };

/** What signing in to `email` does to the log on this device. */
export type Claim =
  /** The log is already this account's: it carries on syncing. */
  | { kind: "yours" }
  /** Entries made before any sign-in: they join the account. */
  | { kind: "adopt"; entries: number }
  /** Nothing on the device: it starts as this account's. */
  | { kind: "fresh" }
  /** Someone else's entries: they are never sent to this account; the person decides first. */
  | { kind: "another"; owner?: string };

/** A claim that goes ahead: the device's log is (now) this account's. */
export type GrantedClaim = Exclude<Claim, { kind: "another" }>;

/**
 * The ownership rule: a device's entries go only to the account they belong to. Entries of
 * nobody join the first account signed in to; entries of another account (or of an account
 * that signed out before owners were kept) refuse every other account.
 */
export function claimFor(owner: DeviceOwner, entries: number, email: string): Claim {
  if (owner.kind === "account" && owner.email === email) return { kind: "yours" };
  if (entries === 0) return { kind: "fresh" };
  if (owner.kind === "nobody") return { kind: "adopt", entries };
  return owner.kind === "account" ? { kind: "another", owner: owner.email } : { kind: "another" };
}

/** Whether this device's log may be sent to, and take in, `email`'s account right now. */
export function syncsWith(owner: DeviceOwner, email: string): boolean {
  return owner.kind === "account" && owner.signedIn && owner.email === email;
}

/** A stored owner record, checked as it is read; anything else reads as unknown, never as nobody. */
export function readOwner(value: unknown): DeviceOwner {
  if (value === undefined) return { kind: "nobody" };
  const v = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  if (v.kind === "nobody") return { kind: "nobody" };
  if (v.kind === "account" && typeof v.email === "string" && typeof v.signedIn === "boolean") {
    return { kind: "account", email: v.email, signedIn: v.signedIn };
  }
  return { kind: "unknown" };
}

/** Refused: the log, or this browser's session, is no longer `email`'s, so nothing goes either way. */
export class NotThisAccount extends SentenceError {
  constructor(readonly email: string) {
    super(
      `This device is no longer signed in to ${email}, so nothing was synced. Please sign in again.`,
    );
    this.name = "NotThisAccount";
  }
}

/** Refused at sign-in: the device holds another account's entries. */
export class OwnedByAnother extends SentenceError {
  constructor(readonly claim: Extract<Claim, { kind: "another" }>) {
    super(
      claim.owner
        ? `This device holds the entries of ${claim.owner}. They are never sent to another account.`
        : "This device holds the entries of an account that signed out here. They are never sent to another account.",
    );
    this.name = "OwnedByAnother";
  }
}

/**
 * The log as sync sees it while signed in as `email`: every call first checks that the log is
 * still that account's and signed in here, so a sign-out or a removal in another tab stops a
 * sync that is under way, and no event goes to (or comes from) an account it does not belong to.
 */
export function syncingAs(
  store: EventStore,
  email: string,
  owner: () => Promise<DeviceOwner>,
): EventStore {
  const check = async () => {
    if (!syncsWith(await owner(), email)) throw new NotThisAccount(email);
  };
  return {
    load: () => check().then(() => store.load()),
    append: (type, data, at) => check().then(() => store.append(type, data, at)),
    unsent: (limit) => check().then(() => store.unsent(limit)),
    acknowledge: (ids) => check().then(() => store.acknowledge(ids)),
    receive: (events) => check().then(() => store.receive(events)),
    requeueAll: () => check().then(() => store.requeueAll()),
    getSetting: <T>(key: string) => check().then(() => store.getSetting<T>(key)),
    setSetting: (key, value) => check().then(() => store.setSetting(key, value)),
  };
}
