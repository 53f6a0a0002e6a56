/**
 * The copy check's arithmetic: Limber's text must never repeat a run of 8 words from the essay
 * Limber grew from. The repository keeps only a fingerprint of the essay (a hash of each of its
 * 8-word runs, in essay-fingerprint.json, no sentences), made and compared by these functions.
 */

/** How many words in a row count as copying. */
export const RUN_WORDS = 8;

/**
 * The words of a text, so that the same words compare equal however they are typed: lower case,
 * accents dropped, curly quotes straightened, apostrophes dropped inside words ("it's" is
 * "its"), and every other mark (dashes, commas, quotes, full stops) a space between words.
 */
export function wordsOf(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/'/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .split(" ")
    .filter((word) => word.length > 0);
}

/** Every run of `RUN_WORDS` words in a row in the text, each once, as its words joined by spaces. */
export function runsOf(text: string): Set<string> {
  const words = wordsOf(text);
  const runs = new Set<string>();
  for (let at = 0; at + RUN_WORDS <= words.length; at++) {
    runs.add(words.slice(at, at + RUN_WORDS).join(" "));
  }
  return runs;
}

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = (1n << 64n) - 1n;

/** A run's hash: 64-bit FNV-1a over its characters (all ASCII after `wordsOf`), 16 hex digits. */
export function runHash(run: string): string {
  let hash = FNV_OFFSET;
  for (let at = 0; at < run.length; at++) {
    hash = ((hash ^ BigInt(run.charCodeAt(at))) * FNV_PRIME) & MASK_64;
  }
  return hash.toString(16).padStart(16, "0");
}

/** A text's fingerprint: the hashes of all its runs, each once, sorted. */
export function fingerprintOf(text: string): string[] {
  return [...new Set([...runsOf(text)].map(runHash))].sort();
}

/** A text to check, with where it is shown, for the failure message. */
export interface PlacedText {
  where: string;
  text: string;
}

/** Each run of the texts whose hash is in the fingerprint, as `where: "the run"`. */
export function copiedRuns(texts: readonly PlacedText[], fingerprint: ReadonlySet<string>) {
  return texts.flatMap(({ where, text }) =>
    [...runsOf(text)]
      .filter((run) => fingerprint.has(runHash(run)))
      .map((run) => `${where}: "${run}"`),
  );
}
