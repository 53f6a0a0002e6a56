/**
 * `npm run bench:cli`: `limber plan` on the example log beside a bare `node -e 0`
 * (bench/cli-figures.ts). Prints figures for docs/benchmarks.md; asserts nothing.
 */
import { GOAL_RATIO, measureCli, PLAN_ARGS, WARM_UP_RUNS } from "./cli-figures.ts";

const figures = measureCli();
console.log(
  `Limber CLI: the median of ${figures.runs} runs each, taking turns, after ${WARM_UP_RUNS} warm-up runs; Node ${process.version}`,
);
const rows: [string, string, string][] = [
  ["node -e 0", `${figures.bare.ms.toFixed(0)} ms`, `${figures.bare.mib.toFixed(0)} MiB`],
  [
    `limber ${PLAN_ARGS.join(" ")}`,
    `${figures.plan.ms.toFixed(0)} ms`,
    `${figures.plan.mib.toFixed(0)} MiB`,
  ],
];
const width = Math.max(...rows.map(([label]) => label.length));
for (const [label, ms, mib] of rows)
  console.log(`  ${label.padEnd(width)}  ${ms.padStart(7)}  ${mib.padStart(8)}`);
console.log(
  `Goal: limber plan at most ${GOAL_RATIO}× a bare node: ${figures.ratio.toFixed(2)}×, ${figures.ratio <= GOAL_RATIO ? "met" : "NOT met"}.`,
);
