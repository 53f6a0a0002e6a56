import { describe, expect, it } from "vitest";
import { exampleLog, limber } from "./cli-testing.ts";

const threeWeeks = exampleLog("three-weeks.ndjson");
const emergency = exampleLog("emergency.ndjson");
const planOf = async (...argv: string[]) => {
  const run = await limber(["plan", ...argv], { ...threeWeeks, ...emergency });
  expect(run).toMatchObject({ status: 0, stderr: "" });
  return run.stdout;
};

describe("limber plan --json", () => {
  it("plans the last check-in's day by default, in the promised shape", async () => {
    const plan = JSON.parse(await planOf("--log", "examples/three-weeks.ndjson", "--json"));
    expect(Object.keys(plan)).toEqual([
      "date",
      "tier",
      "kind",
      "totalSeconds",
      "reasons",
      "suggestions",
      "blocks",
    ]);
    expect(plan).toMatchObject({ date: "2026-11-25", tier: "clear", kind: "standard" });
    expect(plan.totalSeconds).toBeLessThanOrEqual(600);
    expect(plan.blocks.map((b: { role: string }) => b.role)).toEqual([
      "warmup",
      "mobility",
      "stretch",
      "hinge",
      "strength",
    ]);
    expect(Object.keys(plan.blocks[2])).toEqual([
      "exercise",
      "variant",
      "name",
      "role",
      "knee",
      "mode",
      "side",
      "position",
      "intensity",
      "dose",
      "seconds",
      "step",
      "reasons",
    ]);
    expect(plan.blocks[0].reasons[0]).toEqual({
      rule: "R-WARMUP",
      text: expect.stringContaining("warm-up"),
      sources: ["ESSAY"],
    });
  });

  it("plans a grumpy day from the log as a light session with warmth suggested", async () => {
    const argv = ["--log", "examples/three-weeks.ndjson", "--date", "2026-11-12", "--json"];
    const plan = JSON.parse(await planOf(...argv));
    expect(plan).toMatchObject({ date: "2026-11-12", kind: "light" });
    expect(plan.suggestions.map((s: { id: string }) => s.id)).toContain("heat");
  });

  it("gives no session and the region's number on an emergency day", async () => {
    const plan = JSON.parse(await planOf("--log", "examples/emergency.ndjson", "--json"));
    expect(plan).toMatchObject({
      date: "2026-11-24",
      tier: "emergency",
      kind: "none",
      emergencyNumber: { number: "911", generic: false },
      totalSeconds: 0,
      blocks: [],
    });
  });

  it("reads a log written as a JSON array the same as NDJSON", async () => {
    const ndjson = threeWeeks["examples/three-weeks.ndjson"] ?? "";
    const array = `[${ndjson.trim().split("\n").join(",\n")}]`;
    const fromArray = await limber(["plan", "--log", "log.json", "--json"], { "log.json": array });
    expect(fromArray.stdout).toBe(await planOf("--log", "examples/three-weeks.ndjson", "--json"));
  });
});

describe("limber plan, as text", () => {
  it("reads like a session card: day, blocks with doses and reasons, why, extras, disclaimer", async () => {
    const lines = (await planOf("--log", "examples/three-weeks.ndjson")).trimEnd().split("\n");
    expect(lines[0]).toMatch(/^Wednesday 25 November 2026 · standard · about \d+ min · clear$/);
    // Doses in the shape of their work: timed, timed per side, holds per side, reps.
    expect(lines[1]).toMatch(/^1\. Box-breath hip rolls — \d:\d\d$/);
    expect(lines[2]).toMatch(/^ {3}Why: R-WARMUP Every session starts .* \[ESSAY\]$/);
    expect(lines).toContainEqual(
      expect.stringMatching(/^2\. Hamstring floss, .* — \d+ s each side$/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^3\. Strap stretch, .* — \d × \d+ s each side$/),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^4\. Hip hinge .* — 1 × \d+$/));
    expect(lines).toContain("Why this plan:");
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}R-DOSE-SESSION About \d+ min:/));
    expect(lines).toContainEqual(expect.stringMatching(/^Also today: A short walk/));
    expect(lines.at(-1)).toMatch(/^Limber is general information/);
  });

  it("puts the emergency message first, with the number, and lists no blocks", async () => {
    const text = await planOf("--log", "examples/emergency.ndjson");
    const lines = text.split("\n");
    expect(lines[1]).toBe("SEEK EMERGENCY CARE NOW");
    expect(lines[2]).toMatch(/^You reported: numbness .* seek emergency care now\.$/);
    expect(lines[3]).toBe("Call 911 or go to the nearest emergency department.");
    expect(text).toContain("Tuesday 24 November 2026 · no session · emergency");
    expect(text).not.toMatch(/^\d+\. /m);
  });
});

describe("limber plan and triage, the day after an emergency and on a day of high pain", () => {
  const dayAfter = exampleLog("the-day-after.ndjson");

  it("keeps the day after an emergency paused, asks whether the person was seen, and says why", async () => {
    const plan = await limber(["plan", "--log", "examples/the-day-after.ndjson"], dayAfter);
    expect(plan).toMatchObject({ status: 0, stderr: "" });
    expect(plan.stdout).toContain(
      "Wednesday 25 November 2026 · walk-only · about 6 min · see-clinician",
    );
    expect(plan.stdout).toMatch(
      /R-TRIAGE-FOLLOW-UP Yesterday you reported: numbness .*Until a clinician has seen you about it and said you can move, practice stays paused\..*call 911/,
    );
    const triage = await limber(
      ["triage", "--log", "examples/the-day-after.ndjson", "--json"],
      dayAfter,
    );
    expect(JSON.parse(triage.stdout)).toMatchObject({
      tier: "see-clinician",
      signs: ["saddle-numbness"],
    });
  });

  it("plans a light day with no step up when pain is 7 or more, and says why", async () => {
    const log = exampleLog("three-weeks.ndjson");
    const [path, text] = Object.entries(log)[0] as [string, string];
    const painful = JSON.stringify({
      id: "01a2130a-2a80-7b4c-8c11-6a3f0d2f5b18",
      at: "2026-11-25T09:10:00+00:00",
      day: "2026-11-25",
      type: "checkin",
      v: 1,
      data: { back: "calm", pain: 8 },
    });
    const run = await limber(["plan", "--log", path], {
      [path]: `${text.trimEnd()}\n${painful}\n`,
    });
    expect(run.stdout).toMatch(/· light ·/);
    expect(run.stdout).toMatch(
      /R-PAIN-HIGH With pain at 8 of 10, today is a light day with no step up/,
    );
    expect(run.stdout).not.toMatch(/One step up/);
  });
});
