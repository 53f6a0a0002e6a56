/** The longest address SMTP can carry (RFC 5321's 256-octet path less its angle brackets). */
export const MAX_EMAIL_LENGTH = 254;

// Spaces, control and format characters (such as U+200B, zero-width space), private-use,
// unassigned and lone surrogate code points, and anything else Unicode says draws nothing
// (Hangul fillers, the braille blank) are refused: they never belong in an address, and
// invisible ones would let two addresses that look identical name two different accounts.
const UNWANTED_CHARACTER =
  /[\s\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Default_Ignorable_Code_Point}\u2800]/u;

/**
 * The scripts told apart when looking for look-alikes: the ones with letters that pass for
 * Latin ones (Cyrillic "а", Greek "ο", Armenian "օ", Cherokee "Ꭺ") and the other scripts people
 * write addresses in. A letter of any other script counts as a script of its own.
 */
const SCRIPTS = [
  "Latin",
  "Greek",
  "Cyrillic",
  "Armenian",
  "Georgian",
  "Cherokee",
  "Hebrew",
  "Arabic",
  "Devanagari",
  "Bengali",
  "Tamil",
  "Telugu",
  "Thai",
  "Ethiopic",
  "Han",
  "Hiragana",
  "Katakana",
  "Bopomofo",
  "Hangul",
].map((name) => ({ name, pattern: new RegExp(`\\p{Script=${name}}`, "u") }));
const NEUTRAL = /[\p{Script=Common}\p{Script=Inherited}]/u;

/** Scripts written together in one word (Unicode's "highly restrictive" level, UTS #39). */
const MIXES_ALLOWED = [
  new Set(["Latin", "Han", "Hiragana", "Katakana"]),
  new Set(["Latin", "Han", "Bopomofo"]),
  new Set(["Latin", "Han", "Hangul"]),
];

/** Whether a part of an address mixes scripts the way a look-alike of another address does. */
function mixesScripts(part: string): boolean {
  const scripts = new Set<string>();
  for (const character of part) {
    if (NEUTRAL.test(character)) continue;
    scripts.add(SCRIPTS.find(({ pattern }) => pattern.test(character))?.name ?? character);
  }
  if (scripts.size <= 1) return false;
  return !MIXES_ALLOWED.some((allowed) => [...scripts].every((script) => allowed.has(script)));
}

/**
 * The canonical form of an email address (trimmed, NFKC, lower-cased), or undefined when it
 * cannot be one.
 *
 * NFKC folds the forms that only look different (fullwidth "ａｎａ", ligatures, mathematical
 * letters) into one. An address whose local part or any label of its domain mixes scripts, as
 * "pаypal" with a Cyrillic "а" does, is refused, so no one can make an account that reads as
 * another person's.
 *
 * Pragmatic, not RFC 5322-complete: it refuses quoted local parts and IP-literal domains,
 * which people signing up for a self-care app do not use, and it lower-cases the local part
 * although RFC 5321 lets servers treat it case-sensitively, because in practice no mail
 * provider does and "Ana@…" and "ana@…" must not become two accounts. Whether the address
 * receives mail is only ever proven by sending to it.
 */
export function normaliseEmail(input: string): string | undefined {
  const email = input.trim().normalize("NFKC").toLowerCase().normalize("NFKC");
  if ([...email].length > MAX_EMAIL_LENGTH || UNWANTED_CHARACTER.test(email)) return undefined;

  const parts = email.split("@");
  if (parts.length !== 2) return undefined;
  const [localPart = "", domain = ""] = parts;
  if (localPart === "") return undefined;

  // "example.com" but not "localhost", ".com", "example." or "example..com".
  const labels = domain.split(".");
  if (labels.length < 2 || labels.some((label) => label === "")) return undefined;
  if ([localPart, ...labels].some(mixesScripts)) return undefined;

  return email;
}
