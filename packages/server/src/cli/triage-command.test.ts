import { describe, expect, it } from "vitest";
import { exampleLog, limber } from "./cli-testing.ts";

const logs = { ...exampleLog("three-weeks.ndjson"), ...exampleLog("emergency.ndjson") };
const triageOf = async (...argv: string[]) => {
  const run = await limber(["triage", ...argv], logs);
  expect(run).toMatchObject({ status: 0, stderr: "" });
  return run.stdout;
};

describe("limber triage", () => {
  it("gives the emergency tier, the sign and the region's number as JSON", async () => {
    const triage = JSON.parse(await triageOf("--log", "examples/emergency.ndjson", "--json"));
    expect(Object.keys(triage)).toEqual(["date", "tier", "signs", "emergencyNumber", "reasons"]);
    expect(triage).toMatchObject({
      date: "2026-11-24",
      tier: "emergency",
      signs: ["saddle-numbness"],
      emergencyNumber: { number: "911" },
    });
    expect(triage.reasons.map((r: { rule: string }) => r.rule)).toEqual([
      "R-TRIAGE-A",
      "R-EMERGENCY-NUMBER",
    ]);
  });

  it("reads an earlier, ordinary day of the same log as clear", async () => {
    const argv = ["--log", "examples/emergency.ndjson", "--date", "2026-11-21", "--json"];
    expect(JSON.parse(await triageOf(...argv))).toMatchObject({ tier: "clear", signs: [] });
  });

  it("shows the emergency message before anything else, as text", async () => {
    const lines = (await triageOf("--log", "examples/emergency.ndjson")).split("\n");
    expect(lines.slice(1, 4)).toEqual([
      "SEEK EMERGENCY CARE NOW",
      expect.stringMatching(/^You reported: numbness/),
      "Call 911 or go to the nearest emergency department.",
    ]);
    expect(lines).toContain(
      "  - Numbness or changed feeling around the groin, genitals or back passage",
    );
  });

  it("says a clear day is clear, with the number for the person's region (GB)", async () => {
    const text = await triageOf("--log", "examples/three-weeks.ndjson");
    expect(text).toMatch(/^Wednesday 25 November 2026 · clear\n/);
    expect(text).toContain("In an emergency: Call 999.");
  });
});
