import { createHash, randomBytes } from "node:crypto";

const DAY_MS = 24 * 60 * 60 * 1000;

/** How long a session lasts after sign-in: a month, so a phone on the floor stays signed in. */
export const SESSION_LIFETIME_MS = 30 * DAY_MS;

const TOKEN_BYTES = 32;

/** A new session token: 256 random bits as base64url (43 characters), for the cookie only. */
export function newSessionToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

/**
 * The SHA-256 of a session token as hex: the only form the database ever holds, so a leaked
 * copy of it cannot be replayed as cookies. A fast unsalted hash is enough here (unlike for
 * passwords) because 256 random bits cannot be guessed or looked up in a table.
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

// 32 bytes are 256 bits; 42 base64url characters carry 252 of them and the 43rd the last 4,
// so its 2 low bits are always zero. Only these 16 characters can end a token we issued.
const WELL_FORMED_TOKEN = /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/;

/** Whether a value has exactly the shape of a token from newSessionToken. */
export function isWellFormedToken(value: unknown): value is string {
  return typeof value === "string" && WELL_FORMED_TOKEN.test(value);
}
