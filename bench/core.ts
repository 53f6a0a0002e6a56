/**
 * `npm run bench:core`: what it costs to read a ten-year log and plan its last day. Prints
 * figures for docs/benchmarks.md; asserts nothing, since timings depend on the machine.
 */
import { parseLog, planSession, project } from "@limber/core";
import { syntheticLog } from "./synthetic-log.ts";

const WARM_UP_RUNS = 5;
const MEASURED_RUNS = 15;
/** The goal: planning (project + plan) costs no more than 3× the parse. */
const GOAL_RATIO = 3;

/** Median milliseconds of `work` over the measured runs, after warm-up runs the JIT may use. */
function medianMs(work: () => unknown): number {
  for (let run = 0; run < WARM_UP_RUNS; run++) work();
  const times: number[] = [];
  for (let run = 0; run < MEASURED_RUNS; run++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const text = `${syntheticLog()
  .map((event) => JSON.stringify(event))
  .join("\n")}\n`;
const events = parseLog(text);
const lastCheckIn = project(events).checkIns.at(-1);
if (!lastCheckIn) throw new Error("the synthetic log has no check-in to plan");

const parseMs = medianMs(() => parseLog(text));
const planMs = medianMs(() => planSession(project(events), lastCheckIn.data, lastCheckIn.day));
const ratio = planMs / parseMs;

const rows: [string, string][] = [
  ["events", events.length.toLocaleString("en-GB")],
  ["NDJSON size", `${(Buffer.byteLength(text) / 1_048_576).toFixed(2)} MB`],
  ["parse ms", parseMs.toFixed(2)],
  ["project + plan ms", planMs.toFixed(2)],
  ["(project + plan) / parse", `${ratio.toFixed(2)}×`],
];
const width = Math.max(...rows.map(([label]) => label.length));
console.log(`Limber core: a synthetic ten-year log, planned on its last day (${lastCheckIn.day})`);
console.log(
  `median of ${MEASURED_RUNS} runs after ${WARM_UP_RUNS} warm-up runs; Node ${process.version}`,
);
for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value.padStart(10)}`);
console.log(
  `Goal: planning costs no more than ${GOAL_RATIO}× the parse: ${ratio <= GOAL_RATIO ? "met" : "NOT met"}.`,
);
