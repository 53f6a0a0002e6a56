import { describe, expect, it } from "vitest";
import { readFingerprint, readSeedEssay } from "../../scripts/essay-fingerprint.ts";
import { HOW_TO } from "../catalog/how-to.ts";
import { VARIANTS } from "../catalog/index.ts";
import { variantWords } from "../catalog/words.ts";
import { RULES, type RuleId } from "../rules.ts";
import { isSourceId } from "../sources.ts";
import { WARNING_SIGN_IDS, WARNING_SIGNS } from "../triage/signs.ts";
import {
  copiedRuns,
  fingerprintOf,
  type PlacedText,
  RUN_WORDS,
  runsOf,
} from "./essay-fingerprint.ts";
import { LESSONS, lessonForRule } from "./lessons.ts";

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const RULE_IDS = Object.keys(RULES) as RuleId[];
/** The essay Limber grew from, when it is beside the repository (LIMBER_SEED_DIR or ../shared/seed). */
const essay = readSeedEssay();
const fingerprint = readFingerprint();

/** Every piece of text a lesson shows, with a label for failure messages. */
function texts(): PlacedText[] {
  return LESSONS.flatMap((lesson) => [
    { where: `${lesson.id} title`, text: lesson.title },
    { where: `${lesson.id} summary`, text: lesson.summary },
    ...lesson.screens.flatMap((screen, s) => [
      { where: `${lesson.id} screen ${s + 1} heading`, text: screen.heading },
      ...screen.paragraphs.map((text, p) => ({
        where: `${lesson.id} screen ${s + 1} paragraph ${p + 1}`,
        text,
      })),
    ]),
  ]);
}

describe("LESSONS", () => {
  it("has unique kebab-case ids", () => {
    const ids = LESSONS.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(KEBAB);
  });

  it("gives every lesson 1 to 4 screens of 1 to 3 non-empty paragraphs, and a one-sentence summary", () => {
    for (const lesson of LESSONS) {
      expect(lesson.screens.length, lesson.id).toBeGreaterThanOrEqual(1);
      expect(lesson.screens.length, lesson.id).toBeLessThanOrEqual(4);
      for (const screen of lesson.screens) {
        expect(screen.heading.trim(), lesson.id).not.toBe("");
        expect(screen.paragraphs.length, screen.heading).toBeGreaterThanOrEqual(1);
        expect(screen.paragraphs.length, screen.heading).toBeLessThanOrEqual(3);
        for (const p of screen.paragraphs) expect(p.trim(), screen.heading).not.toBe("");
      }
      expect(lesson.summary.trim().endsWith("."), lesson.id).toBe(true);
      expect(lesson.summary.trim().slice(0, -1), lesson.id).not.toMatch(/[.?]\s/);
    }
  });

  it("cites only known rules and sources, each lesson at least one rule", () => {
    for (const lesson of LESSONS) {
      expect(lesson.rules.length, lesson.id).toBeGreaterThan(0);
      for (const rule of lesson.rules) expect(Object.hasOwn(RULES, rule), rule).toBe(true);
      for (const source of lesson.sources) expect(isSourceId(source), source).toBe(true);
    }
  });

  it("explains every rule in at least one lesson, so each reason can link to a lesson", () => {
    const unexplained = RULE_IDS.filter((rule) => lessonForRule(rule) === undefined);
    expect(unexplained).toEqual([]);
  });

  it("lessonForRule returns a lesson that lists the rule", () => {
    for (const rule of RULE_IDS) expect(lessonForRule(rule)?.rules).toContain(rule);
    expect(lessonForRule("R-HONEST")?.id).toBe("hamstrings-and-pelvis");
    expect(lessonForRule("R-TRIAGE-A")?.id).toBe("when-to-slow-down");
  });

  it("uses no exclamation marks", () => {
    for (const { where, text } of texts()) expect(text, where).not.toContain("!");
  });

  it("copies no run of 8 or more words from the seed essay (its fingerprint, kept in the repository)", () => {
    expect(copiedRuns(texts(), new Set(fingerprint.hashes))).toEqual([]);
  });
});

describe("the rest of what Limber says", () => {
  it("copies no run of 8 or more words from the seed essay either", () => {
    const said: PlacedText[] = [
      ...Object.entries(RULES).map(([rule, { text }]) => ({ where: rule, text })),
      ...Object.entries(WARNING_SIGNS).map(([sign, text]) => ({ where: sign, text })),
      ...VARIANTS.flatMap((v) => {
        const { setup, cues, feel, softenWhen } = variantWords(v.id);
        return [...setup, ...cues, feel, softenWhen].map((text, i) => ({
          where: `${v.id} ${i + 1}`,
          text,
        }));
      }),
      ...Object.entries(HOW_TO).flatMap(([id, howTo]) =>
        howTo.moves.map((move, i) => ({ where: `${id} how-to ${i + 1}`, text: move.text })),
      ),
    ];
    expect(said.length).toBeGreaterThan(150);
    expect(copiedRuns(said, new Set(fingerprint.hashes))).toEqual([]);
  });
});

describe("the essay's fingerprint", () => {
  it("holds one sorted, distinct 64-bit hash for each 8-word run of a whole essay", () => {
    expect(fingerprint.runWords).toBe(RUN_WORDS);
    for (const hash of fingerprint.hashes) expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect([...new Set(fingerprint.hashes)].sort()).toEqual(fingerprint.hashes);
    // The essay runs to about 1,700 words: a fingerprint far shorter is not of the whole essay.
    expect(fingerprint.hashes.length).toBeGreaterThan(1500);
  });

  it.runIf(essay !== undefined)(
    "still matches the essay (npm run essay-fingerprint makes it again)",
    () => {
      expect(fingerprintOf(essay ?? "")).toEqual(fingerprint.hashes);
    },
  );

  it.runIf(essay !== undefined)(
    "fails a lesson that takes 8 words in a row from the essay, however they are typed",
    () => {
      const [run] = [...runsOf(essay ?? "")].slice(100, 101);
      if (run === undefined) throw new Error("the essay has fewer than 101 runs");
      // In capitals, curly quotes, a dash and commas, between sentences of Limber's own.
      const [first, ...rest] = run.split(" ");
      const typed = `${first?.toUpperCase()} \u2014 ${rest.join(", ")}`;
      const lesson = `Move gently today. \u201c${typed}\u201d Then rest a while.`;
      const copied = copiedRuns(
        [{ where: "a new paragraph", text: lesson }],
        new Set(fingerprint.hashes),
      );
      expect(copied).toEqual([`a new paragraph: "${run}"`]);
    },
  );

  it("catches a copied run by the same words, not by their case, quotes or punctuation", () => {
    // Without the essay at hand: a fingerprint of text of Limber's own shows the comparison.
    const source = "Rest your back on the floor, knees bent, and let the breath slow down.";
    const copy = "\u201cRest your back on the floor \u2014 knees bent \u2014 and let\u201d it be.";
    const reworded = "Lie on the floor with your knees bent and let your breathing slow.";
    const own = new Set(fingerprintOf(source));
    expect(copiedRuns([{ where: "copy", text: copy }], own)).toEqual([
      'copy: "rest your back on the floor knees bent"',
      'copy: "your back on the floor knees bent and"',
      'copy: "back on the floor knees bent and let"',
    ]);
    expect(copiedRuns([{ where: "reworded", text: reworded }], own)).toEqual([]);
  });
});

describe("the lesson on when to slow down", () => {
  // Each warning sign of domain.md, by a few words the lesson must say for it.
  const SAYS: Record<string, string> = {
    "saddle-numbness": "groin",
    "bladder-change": "passing urine",
    "bowel-control": "bowel control",
    "sexual-dysfunction": "sexual function",
    "both-legs": "both legs",
    "leg-weakness": "foot that has started to drop",
    "fever-severe-pain": "fever with severe back pain",
    "major-trauma": "major injury",
    "sudden-severe-faint": "feeling faint",
    "cancer-history": "cancer",
    "weight-loss": "weight loss",
    "infection-risk": "weakened immune system",
    "steroids-osteoporosis": "osteoporosis",
    "night-pain": "pain at night",
    "first-episode-50plus": "first-ever episode at 50",
    "progressive-nerve": "nerve symptoms that keep spreading",
    "thoracic-pain": "upper or middle back",
    "fall-older": "70 or older",
    "recent-spine-procedure": "spine surgery",
    "anticoagulant-sudden": "blood thinner",
    "inflammatory-pattern": "morning stiffness",
  };

  it("names every warning sign", () => {
    const lesson = LESSONS.find((l) => l.id === "when-to-slow-down");
    const text = lesson?.screens.flatMap((s) => s.paragraphs).join(" ") ?? "";
    expect(Object.keys(SAYS).sort()).toEqual([...WARNING_SIGN_IDS].sort());
    for (const [sign, words] of Object.entries(SAYS)) expect(text, sign).toContain(words);
  });
});
