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
