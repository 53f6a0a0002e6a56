/**
 * `npm run essay-fingerprint`: writes packages/core/src/learn/essay-fingerprint.json, the hashes
 * of the seed essay's 8-word runs that the lessons' copy check compares against, from the essay
 * in LIMBER_SEED_DIR (by default the `shared/seed` folder beside the repository). Run it when
 * the essay or the check's normalisation changes; the check itself then proves the file current.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { fingerprintOf, RUN_WORDS } from "../src/learn/essay-fingerprint.ts";

/** Where the essay is looked for. */
export const SEED_DIR =
  process.env.LIMBER_SEED_DIR ?? fileURLToPath(new URL("../../../../shared/seed", import.meta.url));

export const FINGERPRINT_FILE = fileURLToPath(
  new URL("../src/learn/essay-fingerprint.json", import.meta.url),
);

/** The fingerprint file's contents. */
export interface EssayFingerprint {
  runWords: number;
  normalisation: string;
  hashes: string[];
}

const NORMALISATION =
  "wordsOf in essay-fingerprint.ts: lower case, accents dropped, curly quotes straightened, apostrophes dropped, other marks a space; each run of 8 words joined by spaces, hashed with 64-bit FNV-1a";

/** The essay's text (every .txt file of the seed folder), or undefined when it is not at hand. */
export function readSeedEssay(dir = SEED_DIR): string | undefined {
  if (!existsSync(dir)) return undefined;
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".txt"))
    .sort();
  if (files.length === 0) return undefined;
  return files.map((name) => readFileSync(join(dir, name), "utf8")).join("\n");
}

/** The fingerprint as the repository holds it. */
export function readFingerprint(): EssayFingerprint {
  return JSON.parse(readFileSync(FINGERPRINT_FILE, "utf8")) as EssayFingerprint;
}

/** The fingerprint of an essay, as the file holds it. */
export function fingerprintFile(essay: string): EssayFingerprint {
  return { runWords: RUN_WORDS, normalisation: NORMALISATION, hashes: fingerprintOf(essay) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const essay = readSeedEssay();
  if (essay === undefined) {
    console.error(`No essay (.txt) in ${SEED_DIR}; set LIMBER_SEED_DIR to its folder.`);
    process.exit(2);
  }
  const file = fingerprintFile(essay);
  writeFileSync(FINGERPRINT_FILE, `${JSON.stringify(file, null, 2)}\n`);
  console.log(`Wrote ${file.hashes.length} run hashes to ${FINGERPRINT_FILE}.`);
}
