/**
 * What `limber plan` costs as a process, beside a bare `node -e 0` measured in the same run:
 * wall time (the median of several runs, the two taking turns) and peak memory. Used by
 * `npm run bench:cli` and `npm run bench`; asserts nothing, since timings depend on the machine.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { median } from "./median.ts";

export const WARM_UP_RUNS = 2;
export const MEASURED_RUNS = 10;
/** The goal: `limber plan` on the example log takes at most 3× a bare `node -e 0`. */
export const GOAL_RATIO = 3;

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const LAUNCHER = fileURLToPath(new URL("../packages/server/bin/limber.mjs", import.meta.url));
export const PLAN_ARGS = ["plan", "--log", "examples/three-weeks.ndjson"];

// Writes the process's peak resident memory (KiB) to file descriptor 3 as it exits. Used only in
// the memory runs, which are not timed. On Linux it is VmHWM, the peak of this program alone:
// getrusage's maxRSS also counts the pages the process shared with the bench before it began.
const REPORT_PEAK = `import { readFileSync, writeSync } from "node:fs";
process.on("exit", () => {
  let kib = process.resourceUsage().maxRSS;
  try {
    kib = Number(/VmHWM:\\s+(\\d+)/.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? kib);
  } catch {}
  writeSync(3, String(kib));
});`;

export interface ProcessFigures {
  /** Median wall time, from spawning to exit. */
  ms: number;
  /** Peak resident memory. */
  mib: number;
}

export interface CliFigures {
  runs: number;
  bare: ProcessFigures;
  plan: ProcessFigures;
  /** plan.ms / bare.ms. */
  ratio: number;
}

function run(argv: string[], extra: string[] = []) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [...extra, ...argv], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe", "pipe"],
    timeout: 60_000,
  });
  const ms = performance.now() - started;
  if (result.status !== 0) {
    throw new Error(`node ${argv.join(" ")} exited ${result.status}: ${result.stderr}`);
  }
  return { ms, peak: result.output[3] ?? "" };
}

function peakMib(argv: string[]): number {
  const { peak } = run(argv, [
    "--import",
    `data:text/javascript,${encodeURIComponent(REPORT_PEAK)}`,
  ]);
  const kib = Number(peak);
  if (!Number.isFinite(kib) || kib <= 0) throw new Error(`no peak memory from node ${argv[0]}`);
  return kib / 1024;
}

export function measureCli(runs = MEASURED_RUNS): CliFigures {
  const bareArgs = ["-e", "0"];
  const planArgs = [LAUNCHER, ...PLAN_ARGS];
  // The first run also brings the compiled CLI up to date, so it is never timed.
  for (let warm = 0; warm < WARM_UP_RUNS; warm++) {
    run(bareArgs);
    run(planArgs);
  }
  const bareMs: number[] = [];
  const planMs: number[] = [];
  for (let turn = 0; turn < runs; turn++) {
    bareMs.push(run(bareArgs).ms);
    planMs.push(run(planArgs).ms);
  }
  const bare = { ms: median(bareMs), mib: peakMib(bareArgs) };
  const plan = { ms: median(planMs), mib: peakMib(planArgs) };
  return { runs, bare, plan, ratio: plan.ms / bare.ms };
}
