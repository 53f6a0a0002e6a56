import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Plugin } from "vite";
import { afterAll, describe, expect, it } from "vitest";
import { budgetProblems, buildWeb, screenSizes } from "./web-sizes.ts";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "limber-budget-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Adds 150 KB of incompressible data to one screen's module, as a careless import would. */
function oversizedImport(into = "/src/main.tsx"): Plugin {
  const id = "\0limber-oversized";
  return {
    name: "limber-oversized-import",
    resolveId: (source) => (source === "limber:oversized" ? id : undefined),
    load: (source) =>
      source === id
        ? `export const blob = ${JSON.stringify(randomBytes(150 * 1024).toString("base64"))};`
        : undefined,
    transform(code, file) {
      if (!file.endsWith(into)) return undefined;
      return `import { blob } from "limber:oversized";\nglobalThis.oversized = blob;\n${code}`;
    },
  };
}

describe("size budgets (docs/benchmarks.md)", () => {
  it("holds every screen of the production build within its budget", async () => {
    const sizes = screenSizes(await buildWeb(tempDir()));
    expect(budgetProblems(sizes)).toEqual([]);
  });

  it("measures the how-to screen, every progress screen, what the progress and report screens load on use, and the clinician's screens", async () => {
    const sizes = screenSizes(await buildWeb(tempDir()));
    expect(sizes.map((size) => size.screen)).toEqual([
      "first screen (check-in)",
      "+ today's plan (pictures)",
      "+ player",
      "+ how-to",
      "+ progress",
      "+ progress, on use",
      "+ journal",
      "+ goals",
      "+ range test",
      "+ clinician report",
      "+ clinician report, on use",
      "+ clinician page",
      "+ programme link",
    ]);
  });

  it("fails a build whose progress screen takes an oversized import", async () => {
    const sizes = screenSizes(
      await buildWeb(tempDir(), [oversizedImport("/src/screens/progress.tsx")]),
    );
    expect(budgetProblems(sizes)).toEqual([
      expect.stringMatching(/^\+ progress loads .* over its 7 KB budget$/),
    ]);
  });

  it("fails a build whose first screen takes an oversized import", async () => {
    const sizes = screenSizes(await buildWeb(tempDir(), [oversizedImport()]));
    expect(budgetProblems(sizes)).toEqual([
      expect.stringMatching(/^first screen \(check-in\) loads .* over its 60 KB budget$/),
    ]);
  });
});
