/**
 * `npm run bench:core`: what it costs to read a ten-year log and plan its last day
 * (bench/core-figures.ts). Prints figures for docs/benchmarks.md; asserts nothing.
 */
import { GOAL_RATIO, MEASURED_RUNS, measureCore, WARM_UP_RUNS } from "./core-figures.ts";

const figures = measureCore();
const rows: [string, string][] = [
  ["events", figures.events.toLocaleString("en-GB")],
  ["NDJSON size", `${(figures.ndjsonBytes / 1_048_576).toFixed(2)} MB`],
  ["parse ms", figures.parseMs.toFixed(2)],
  ["project + plan ms", figures.planMs.toFixed(2)],
  ["(project + plan) / parse", `${figures.ratio.toFixed(2)}×`],
];
const width = Math.max(...rows.map(([label]) => label.length));
console.log(`Limber core: a synthetic ten-year log, planned on its last day (${figures.day})`);
console.log(
  `median of ${MEASURED_RUNS} runs after ${WARM_UP_RUNS} warm-up runs; Node ${process.version}`,
);
for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value.padStart(10)}`);
console.log(
  `Goal: planning costs no more than ${GOAL_RATIO}× the parse: ${figures.ratio <= GOAL_RATIO ? "met" : "NOT met"}.`,
);
