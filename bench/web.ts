/**
 * `npm run bench:web`: the gzipped JavaScript and CSS each screen needs, from a production
 * build made in a temporary folder. Sizes do not vary with the machine, so these figures are exact.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BUDGETS_KB, budgetProblems, buildWeb, screenSizes } from "./web-sizes.ts";

const outDir = mkdtempSync(join(tmpdir(), "limber-bench-web-"));
let sizes: ReturnType<typeof screenSizes>;
try {
  sizes = screenSizes(await buildWeb(outDir));
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
console.log("Limber web: gzipped bytes each screen adds, from a production build");
console.log(
  `  ${"screen".padEnd(28)}${"JS KB".padStart(9)}${"CSS KB".padStart(9)}${"budget".padStart(9)}`,
);
for (const { screen, jsKb, cssKb } of sizes) {
  const budget = BUDGETS_KB[screen];
  console.log(
    `  ${screen.padEnd(28)}${jsKb.toFixed(2).padStart(9)}${cssKb.toFixed(2).padStart(9)}${(budget === undefined ? "-" : `${budget}`).padStart(9)}`,
  );
}
const problems = budgetProblems(sizes);
console.log(
  problems.length === 0 ? "Budgets: all met." : `Budgets NOT met: ${problems.join("; ")}.`,
);
