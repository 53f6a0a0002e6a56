import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { RULES, type RuleId } from "../rules.ts";
import { isSourceId } from "../sources.ts";
import { LESSONS, lessonForRule } from "./lessons.ts";

/** The essay sits in shared/ beside the repository (as on every machine and in CI). */
const SEED_DIR =
  process.env.LIMBER_SEED_DIR ??
  fileURLToPath(new URL("../../../../../shared/seed", import.meta.url));
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const RULE_IDS = Object.keys(RULES) as RuleId[];

/** Lower case, curly quotes and dashes unified, punctuation dropped, split into words. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^a-z0-9'\s]+/g, " ")
    .replace(/'/g, "")
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

function ngrams(list: string[], n: number): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + n <= list.length; i++) out.add(list.slice(i, i + n).join(" "));
  return out;
}

function readEssay(): string {
  if (!existsSync(SEED_DIR)) {
    throw new Error(
      `The seed essay folder ${SEED_DIR} is missing: the copy check needs the essay to compare lessons against.`,
    );
  }
  const files = readdirSync(SEED_DIR).filter((f) => f.endsWith(".txt"));
  if (files.length === 0) throw new Error(`No .txt essay found in ${SEED_DIR}.`);
  return files.map((f) => readFileSync(join(SEED_DIR, f), "utf8")).join("\n");
}

/** Every piece of text a lesson shows, with a label for failure messages. */
function texts(): { where: string; text: string }[] {
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

  it("copies no run of 8 or more words from the seed essay", () => {
    const essay = ngrams(words(readEssay()), 8);
    const copied = texts().flatMap(({ where, text }) =>
      [...ngrams(words(text), 8)].filter((g) => essay.has(g)).map((g) => `${where}: "${g}"`),
    );
    expect(copied).toEqual([]);
  });
});
