import { type Algorithm, hash, parseOptions, verify } from "@node-rs/argon2";
import { COMMON_PASSWORDS } from "./common-passwords.ts";

// Algorithm is a const enum, which verbatimModuleSyntax cannot inline, hence its value here.
const ARGON2ID: Algorithm = 2;

/** OWASP's minimum for argon2id: 19 MiB of memory, 2 passes, 1 lane. */
export const PASSWORD_HASHING = {
  algorithm: ARGON2ID,
  memoryCost: 19 * 1024, // KiB
  timeCost: 2,
  parallelism: 1,
} as const;

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

// Passwords are hashed and compared in NFC, so "é" typed as one character on one keyboard
// and as "e" plus an accent on another is the same password.
const canonical = (password: string) => password.normalize("NFC");

/** The argon2id hash of a password, in PHC string form, ready to store. */
export function hashPassword(password: string): Promise<string> {
  return hash(canonical(password), PASSWORD_HASHING);
}

/** Whether a password matches a stored hash; false (never an error) for a malformed hash. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, canonical(password));
  } catch {
    return false;
  }
}

/**
 * Whether a stored hash was made with weaker settings than today's, so it is worth redoing
 * the next time the person signs in and the password is at hand.
 */
export function needsRehash(storedHash: string): boolean {
  try {
    const used = parseOptions(storedHash);
    return (
      used.algorithm !== PASSWORD_HASHING.algorithm ||
      used.memoryCost < PASSWORD_HASHING.memoryCost ||
      used.timeCost < PASSWORD_HASHING.timeCost
    );
  } catch {
    return true;
  }
}

/**
 * Why a new password is refused, as one sentence for the person choosing it, or undefined
 * when it is fine. Follows NIST SP 800-63B: a length range and a list of known-weak
 * passwords, no rules about mixing character kinds.
 */
export function passwordProblem(password: string, email?: string): string | undefined {
  const candidate = canonical(password);
  // Characters as a person counts them: "🧘" is one, though JavaScript's .length says 2.
  const length = [...candidate].length;
  if (length < MIN_PASSWORD_LENGTH) {
    return `Please use at least ${MIN_PASSWORD_LENGTH} characters; a short phrase works well.`;
  }
  if (length > MAX_PASSWORD_LENGTH) {
    return `Please use at most ${MAX_PASSWORD_LENGTH} characters.`;
  }
  const lowered = candidate.toLowerCase();
  if (COMMON_PASSWORDS.has(lowered)) {
    return "That password is one of the most common, so it is easy to guess; try a phrase of your own.";
  }
  if (email !== undefined && isEmailOrItsName(lowered, email)) {
    return "A password that matches your email address is easy to guess; try something else.";
  }
  return undefined;
}

function isEmailOrItsName(loweredPassword: string, email: string): boolean {
  const address = canonical(email).trim().toLowerCase();
  const at = address.lastIndexOf("@");
  const localPart = at > 0 ? address.slice(0, at) : undefined;
  return loweredPassword === address || loweredPassword === localPart;
}
