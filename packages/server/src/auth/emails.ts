/** The longest address SMTP can carry (RFC 5321's 256-octet path less its angle brackets). */
export const MAX_EMAIL_LENGTH = 254;

// Spaces, control characters and invisible format characters (such as U+200B, zero-width
// space) are refused: they never belong in an address, and invisible ones would let two
// addresses that look identical name two different accounts.
const UNWANTED_CHARACTER = /[\s\p{Cc}\p{Cf}]/u;

/**
 * The canonical form of an email address (trimmed, NFC, lower-cased), or undefined when it
 * cannot be one.
 *
 * Pragmatic, not RFC 5322-complete: it refuses quoted local parts and IP-literal domains,
 * which people signing up for a self-care app do not use, and it lower-cases the local part
 * although RFC 5321 lets servers treat it case-sensitively, because in practice no mail
 * provider does and "Ana@…" and "ana@…" must not become two accounts. Whether the address
 * receives mail is only ever proven by sending to it.
 */
export function normaliseEmail(input: string): string | undefined {
  const email = input.trim().normalize("NFC").toLowerCase();
  if ([...email].length > MAX_EMAIL_LENGTH || UNWANTED_CHARACTER.test(email)) return undefined;

  const parts = email.split("@");
  if (parts.length !== 2) return undefined;
  const [localPart = "", domain = ""] = parts;
  if (localPart === "") return undefined;

  // "example.com" but not "localhost", ".com", "example." or "example..com".
  const labels = domain.split(".");
  if (labels.length < 2 || labels.some((label) => label === "")) return undefined;

  return email;
}
