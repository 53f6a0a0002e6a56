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

/** Adds 150 KB of incompressible data to the first screen, as a careless import would. */
function oversizedImport(): Plugin {
  const id = "\0limber-oversized";
  return {
    name: "limber-oversized-import",
    resolveId: (source) => (source === "limber:oversized" ? id : undefined),
    load: (source) =>
      source === id
        ? `export const blob = ${JSON.stringify(randomBytes(150 * 1024).toString("base64"))};`
        : undefined,
    transform(code, file) {
      if (!file.endsWith("/src/main.tsx")) return undefined;
      return `import { blob } from "limber:oversized";\nglobalThis.oversized = blob;\n${code}`;
    },
  };
}

describe("size budgets (docs/benchmarks.md)", () => {
  it("holds every screen of the production build within its budget", async () => {
    const sizes = screenSizes(await buildWeb(tempDir()));
    expect(budgetProblems(sizes)).toEqual([]);
  });

  it("fails a build whose first screen takes an oversized import", async () => {
    const sizes = screenSizes(await buildWeb(tempDir(), [oversizedImport()]));
    expect(budgetProblems(sizes)).toEqual([
      expect.stringMatching(/^first screen \(check-in\) loads .* over its 60 KB budget$/),
    ]);
  });
});
