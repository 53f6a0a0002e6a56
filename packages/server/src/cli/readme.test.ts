import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { exampleLog, limber, REPO_ROOT } from "./cli-testing.ts";

describe("the README's excerpt of limber plan", () => {
  it("is what limber plan prints for the example log", async () => {
    const readme = readFileSync(new URL("README.md", REPO_ROOT), "utf8");
    const after = readme.slice(readme.indexOf("An excerpt of the first:"));
    const start = after.indexOf("```\n") + 4;
    const excerpt = after.slice(start, after.indexOf("\n```", start));
    const lines = excerpt.split("\n").filter((line) => line !== "...");
    expect(lines.length).toBeGreaterThan(3);
    const run = await limber(
      ["plan", "--log", "examples/three-weeks.ndjson"],
      exampleLog("three-weeks.ndjson"),
    );
    const printed = run.stdout.split("\n");
    for (const line of lines) expect(printed).toContain(line);
  });
});
