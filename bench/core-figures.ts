/**
 * What it costs to read a ten-year log and plan its last day: the median of several runs of
 * `parseLog` against `project` + `planSession`. Used by `npm run bench:core` and `npm run bench`;
 * asserts nothing, since timings depend on the machine.
 */
import { parseLog, planSession, project } from "@limber/core";
import { syntheticLog } from "./synthetic-log.ts";

export const WARM_UP_RUNS = 5;
export const MEASURED_RUNS = 15;
/** The goal: planning (project + plan) costs no more than 3× the parse. */
export const GOAL_RATIO = 3;

export interface CoreFigures {
  events: number;
  ndjsonBytes: number;
  /** The day planned: the log's last check-in. */
  day: string;
  parseMs: number;
  planMs: number;
  /** planMs / parseMs. */
  ratio: number;
}

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

export function measureCore(): CoreFigures {
  const text = `${syntheticLog()
    .map((event) => JSON.stringify(event))
    .join("\n")}\n`;
  const events = parseLog(text);
  const lastCheckIn = project(events).checkIns.at(-1);
  if (!lastCheckIn) throw new Error("the synthetic log has no check-in to plan");
  const parseMs = medianMs(() => parseLog(text));
  const planMs = medianMs(() => planSession(project(events), lastCheckIn.data, lastCheckIn.day));
  return {
    events: events.length,
    ndjsonBytes: Buffer.byteLength(text),
    day: lastCheckIn.day,
    parseMs,
    planMs,
    ratio: planMs / parseMs,
  };
}
