/**
 * `npm run bench`: every benchmark in one run, printed as one table and written as markdown to
 * bench/results.md and into docs/benchmarks.md (between its results markers), with the date and
 * the machine. Sizes are exact; timings and rates vary with the machine and its load, so they
 * are reported and never asserted. Run lengths are scaled to finish in a few minutes on two
 * cores: `--seconds N` sets each server scenario (5 by default), `--cycles N` the crash cycles
 * (20), `--runs N` the convergence runs (1,000) and `--audit-runs N` the Lighthouse runs per
 * screen (5, the median kept).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkConvergence } from "../tests/convergence/convergence-run.ts";
import { runCrashCycles } from "../tests/reliability/crash-run.ts";
import { type AuditResult, auditScreens } from "./audits.ts";
import { GOAL_RATIO as CLI_GOAL, type CliFigures, measureCli, PLAN_ARGS } from "./cli-figures.ts";
import { GOAL_RATIO as CORE_GOAL, type CoreFigures, measureCore } from "./core-figures.ts";
import {
  IMPORT_EVENTS,
  GOAL_P99_MS as IMPORT_GOAL_P99_MS,
  measureImportYield,
} from "./import-yield.ts";
import {
  CPU_SLOWDOWN,
  GOAL_RATIO as MORNING_GOAL,
  type MorningFigure,
  measureMorning,
} from "./morning.ts";
import { measurePushParts, type PushParts } from "./push-parts.ts";
import {
  type BackendFigures,
  benchServer,
  CONNECTIONS,
  GOAL_RATIO as PUSH_GOAL,
  readSeconds,
} from "./server-figures.ts";
import { BUDGETS_KB, buildWeb, type ScreenSize, screenSizes } from "./web-sizes.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const RESULTS_FILE = join(ROOT, "bench/results.md");
const DOCS_FILE = join(ROOT, "docs/benchmarks.md");
const START_MARK = "<!-- npm run bench: results start -->";
const END_MARK = "<!-- npm run bench: results end -->";

const args = process.argv.slice(2);
const serverSeconds = readSeconds(args, 5);
const crashCycles = readCount(args, "--cycles", 20);
const convergenceRuns = readCount(args, "--runs", 1000);
const auditRuns = readCount(args, "--audit-runs", 5);

/** Lighthouse goals on every audited screen (docs/benchmarks.md). */
const AUDIT_GOALS = { performance: 95, accessibility: 100, tbtMs: 100, cls: 0.02 };

function readCount(list: string[], flag: string, fallback: number): number {
  const at = list.indexOf(flag);
  if (at === -1) return fallback;
  const value = Number(list[at + 1]);
  if (!Number.isInteger(value) || value < 1 || value > 100_000) {
    throw new Error(`${flag} takes a whole number from 1 to 100000`);
  }
  return value;
}

type Row = [area: string, measure: string, result: string, goal: string, status: string];
const rows: Row[] = [];
const notes: string[] = [];
const started = Date.now();
const mark = (met: boolean) => (met ? "met" : "NOT met");
const ms = (value: number) => `${Math.round(value).toLocaleString("en-GB")} ms`;
const kb = (value: number) => `${value.toFixed(2)} KB`;
const step = (what: string) =>
  console.error(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${what}`);

// Core first, while nothing else has run in this process.
step("core: parse and plan a ten-year log");
addCore(measureCore());
step("cli: limber plan beside a bare node");
addCli(measureCli());

const webDist = mkdtempSync(join(tmpdir(), "limber-bench-web-"));
try {
  step("web: production build");
  await buildWeb(webDist);
  addWeb(screenSizes(webDist));
  const hasProgress = existsSync(join(webDist, ".vite/manifest.json"))
    ? "src/screens/progress.tsx" in
      JSON.parse(readFileSync(join(webDist, ".vite/manifest.json"), "utf8"))
    : false;
  step(`web: the morning screen with a week, a year and ten years of log, ${CPU_SLOWDOWN}× CPU`);
  addMorning(await measureMorning(webDist));
  step(`browser audits: Lighthouse, ${auditRuns} runs a screen`);
  addAudits(await auditScreens({ webDist, hasProgress, runs: auditRuns }));
} finally {
  rmSync(webDist, { recursive: true, force: true });
}

step(`server: sync throughput, ${serverSeconds} s a scenario`);
const serverFigures = await benchServer(serverSeconds);
addServer(serverFigures);
step("server: a push's parts, in-process");
addPushParts(await measurePushParts(), serverFigures);

step(
  `server: another person's syncs while ${IMPORT_EVENTS.toLocaleString("en-GB")} events are imported`,
);
const importYield = await measureImportYield();
rows.push([
  "server",
  `SQLite: another person's sync while a ${IMPORT_EVENTS.toLocaleString("en-GB")}-event import runs (p50 / p99 / max)`,
  `${ms(importYield.duringImport.p50)} / ${ms(importYield.duringImport.p99)} / ${ms(importYield.duringImport.max)} (alone: ${ms(importYield.alone.p50)} / ${ms(importYield.alone.p99)} / ${ms(importYield.alone.max)})`,
  `p99 ≤ ${IMPORT_GOAL_P99_MS} ms`,
  mark(importYield.duringImport.p99 <= IMPORT_GOAL_P99_MS),
]);
notes.push(
  `Import: ${importYield.imported.toLocaleString("en-GB")} events (${(importYield.importBytes / 1_000_000).toFixed(1)} MB of JSON) in ${ms(importYield.importMs)}, while another person's 4 devices made ${importYield.duringImport.requests.toLocaleString("en-GB")} syncs.`,
);

step(`reliability: ${crashCycles} crash cycles`);
const crash = await runCrashCycles({ cycles: crashCycles });
rows.push([
  "reliability",
  `SIGKILL mid-sync: ${crash.cycles} cycles, ${crash.devices} devices (seed ${crash.seed})`,
  `${crash.acknowledged.toLocaleString("en-GB")} events acknowledged, ${crash.lost} lost; file ${crash.integrity}`,
  "0 lost",
  mark(crash.lost === 0 && crash.problems.length === 0 && crash.integrity === "ok"),
]);
notes.push(
  `Crash test: ${crash.cutOffPushes} pushes cut off by a kill (${crash.keptAfterCutOff} of their events stored anyway, never acknowledged); ${crash.seconds.toFixed(0)} s.`,
);
if (crash.problems.length > 0) notes.push(`Crash test problems: ${crash.problems.join("; ")}.`);

step(`reliability: ${convergenceRuns} convergence runs`);
const convergence = await checkConvergence(convergenceRuns);
rows.push([
  "reliability",
  "sync convergence: 3 devices, offline, replays, repeats, restores from backups",
  `${convergence.runs.toLocaleString("en-GB")} runs, ${convergence.events.toLocaleString("en-GB")} events, ${convergence.restores.toLocaleString("en-GB")} restores survived, ${convergence.failed ? "a failure" : "all converged"}`,
  "all converge",
  mark(!convergence.failed),
]);
if (convergence.failure)
  notes.push(`Convergence failure (seed ${convergence.seed}): ${convergence.failure}`);

const elapsed = (Date.now() - started) / 1000;
const cpu = cpus();
const machine = `${cpu.length} cores (${cpu[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node.js ${process.version.slice(1)}`;
const date = new Date().toISOString().slice(0, 10);
const table = markdownTable(["area", "measure", "result", "goal", ""], rows);
const markdown = [
  `Measured ${date} on ${machine}; the whole run took ${Math.round(elapsed)} s.`,
  "",
  table,
  "",
  ...notes.map((note) => `- ${note}`),
].join("\n");

console.log(`\nLimber benchmarks, ${date}, ${machine}\n`);
console.log(table);
console.log("");
for (const note of notes) console.log(`- ${note}`);
console.log(`\n${Math.round(elapsed)} s in all.`);

writeFileSync(RESULTS_FILE, `# Latest \`npm run bench\`\n\n${markdown}\n`);
const docs = readFileSync(DOCS_FILE, "utf8");
const from = docs.indexOf(START_MARK);
const to = docs.indexOf(END_MARK);
if (from !== -1 && to > from) {
  writeFileSync(
    DOCS_FILE,
    `${docs.slice(0, from + START_MARK.length)}\n${markdown}\n${docs.slice(to)}`,
  );
  console.log("Written to bench/results.md and docs/benchmarks.md.");
} else {
  console.log("Written to bench/results.md (docs/benchmarks.md has no results markers).");
}

function addCore(core: CoreFigures) {
  rows.push([
    "core",
    `plan a ten-year log (${core.events.toLocaleString("en-GB")} events) against its parse`,
    `parse ${core.parseMs.toFixed(1)} ms, project + plan ${core.planMs.toFixed(1)} ms: ${core.ratio.toFixed(2)}×`,
    `≤ ${CORE_GOAL}×`,
    mark(core.ratio <= CORE_GOAL),
  ]);
}

function addCli(cli: CliFigures) {
  rows.push([
    "cli",
    `limber ${PLAN_ARGS.join(" ")} against a bare node -e 0: wall time (median of ${cli.runs}), peak memory`,
    `${ms(cli.plan.ms)}, ${cli.plan.mib.toFixed(0)} MiB against ${ms(cli.bare.ms)}, ${cli.bare.mib.toFixed(0)} MiB: ${cli.ratio.toFixed(2)}×`,
    `≤ ${CLI_GOAL}×`,
    mark(cli.ratio <= CLI_GOAL),
  ]);
}

function addWeb(sizes: ScreenSize[]) {
  for (const { screen, jsKb, cssKb } of sizes) {
    const budget = BUDGETS_KB[screen];
    rows.push([
      "web",
      `${screen}: JS + CSS, gzipped`,
      `${kb(jsKb)} + ${kb(cssKb)}`,
      budget === undefined ? "–" : `JS ≤ ${budget} KB`,
      budget === undefined ? "" : mark(jsKb <= budget),
    ]);
  }
}

function addMorning(figures: MorningFigure[]) {
  const week = figures[0];
  for (const figure of figures) {
    const ratio = week ? figure.medianMs / week.medianMs : 1;
    const last = figure === figures.at(-1);
    rows.push([
      "web",
      `morning screen (plan and week card), ${figure.label} of log (${figure.events.toLocaleString("en-GB")} events), ${CPU_SLOWDOWN}× CPU`,
      `${ms(figure.medianMs)}: ${ratio.toFixed(2)}× one week`,
      last ? `≤ ${MORNING_GOAL}× one week` : "–",
      last ? mark(ratio <= MORNING_GOAL) : "",
    ]);
  }
  notes.push(
    `Morning screen: the production build in Chromium at ${CPU_SLOWDOWN}× CPU throttling, from navigation to today's plan and the week card on screen, the median of 5 reloads after a first start (the app keeps its checkpoint between starts, as on any morning).`,
  );
}

function addAudits(results: AuditResult[]) {
  for (const audit of results) {
    const scoresMet =
      audit.performance >= AUDIT_GOALS.performance &&
      audit.accessibility >= AUDIT_GOALS.accessibility;
    rows.push([
      "audit",
      `${audit.screen} (${audit.url}): performance / accessibility / best practices`,
      `${audit.performance} / ${audit.accessibility} / ${audit.bestPractices}`,
      `≥ ${AUDIT_GOALS.performance} / ${AUDIT_GOALS.accessibility} / –`,
      mark(scoresMet),
    ]);
    const timingsMet = audit.tbtMs < AUDIT_GOALS.tbtMs && audit.cls < AUDIT_GOALS.cls;
    rows.push([
      "audit",
      `${audit.screen}: LCP / TBT / CLS`,
      `${ms(audit.lcpMs)} / ${ms(audit.tbtMs)} / ${audit.cls.toFixed(3)}`,
      `– / < ${AUDIT_GOALS.tbtMs} ms / < ${AUDIT_GOALS.cls}`,
      mark(timingsMet),
    ]);
    if (audit.findings.length > 0) {
      notes.push(`Lighthouse, ${audit.screen}: ${audit.findings.join("; ")}.`);
    }
  }
  notes.push(
    `Lighthouse 12.2.3, mobile emulation with its default simulated throttling, on the production build served by the real server; the median of ${auditRuns} runs a screen.`,
  );
}

function addServer(results: BackendFigures[]) {
  for (const result of results) {
    const [hello, push, pull] = result.rows;
    if (!hello || !push || !pull) continue;
    const backend = hello.backend;
    rows.push([
      "server",
      `${backend}: hello-world (context: HTTP alone)`,
      `${Math.round(hello.measured.rate).toLocaleString("en-GB")} req/s, p99 ${hello.measured.p99.toFixed(0)} ms, ${micros(hello.measured.nodeUs)} µs Node CPU a request`,
      "–",
      "",
    ]);
    const { reference } = result;
    if (reference) {
      rows.push([
        "server",
        `${backend}: reference push: a bare route inserting the pushed JSON, same WAL, synchronous=FULL and group commit`,
        `${Math.round(reference.measured.rate).toLocaleString("en-GB")} req/s (${(reference.measured.rate / hello.measured.rate).toFixed(3)}× hello), p99 ${reference.measured.p99.toFixed(0)} ms, ${micros(reference.measured.nodeUs)} µs Node CPU a push`,
        "–",
        "",
      ]);
    }
    rows.push([
      "server",
      `${backend}: durable push of 1 event${reference ? ", against the reference push" : ""}`,
      `${Math.round(push.measured.rate).toLocaleString("en-GB")} req/s (${reference ? `${reference.ratio.toFixed(2)}× the reference, ` : ""}${push.ratio.toFixed(3)}× hello), p99 ${push.measured.p99.toFixed(0)} ms, ${micros(push.measured.nodeUs)} µs Node CPU a push, ${push.measured.errors + push.measured.non2xx} errors`,
      reference ? `≥ ${PUSH_GOAL}× the reference` : "–",
      reference ? mark(reference.ratio >= PUSH_GOAL) : "",
    ]);
    rows.push([
      "server",
      `${backend}: pull of ${pull.scenario.replace(/^pull /, "")}`,
      `${Math.round(pull.measured.rate).toLocaleString("en-GB")} req/s, p99 ${pull.measured.p99.toFixed(0)} ms, ${pull.measured.errors + pull.measured.non2xx} errors`,
      "–",
      "",
    ]);
    if (result.pushesStored < result.pushesAcknowledged) {
      notes.push(
        `${backend}: ${result.pushesAcknowledged} pushes answered 200 but only ${result.pushesStored} events stored.`,
      );
    }
  }
  notes.push(
    `Server: autocannon, ${CONNECTIONS} connections, ${serverSeconds} s a scenario after a 1 s warm-up, the server in its own process; ${results.map((r) => r.detail).join("; ")}.`,
  );
}

function addPushParts(parts: PushParts, server: BackendFigures[]) {
  const fsyncShare = parts.commitUs / parts.group;
  const figures = [parts.parseBodyUs, parts.validateUs, parts.sessionUs, parts.writeUs];
  const sum = figures.reduce((total, us) => total + us, 0);
  rows.push([
    "server",
    "SQLite: a push's parts, in-process (µs a push): body JSON / validate / session / durable write and its page",
    `${figures.map((us) => us.toFixed(0)).join(" / ")}: ${sum.toFixed(0)} µs without HTTP; the reference's insert ${parts.referenceWriteUs.toFixed(0)} µs`,
    "–",
    "",
  ]);
  notes.push(
    `A push's parts: the session as most requests find it, remembered (${parts.sessionReadUs.toFixed(0)} µs when read from the database); the durable write shares one commit (${Math.round(parts.commitUs)} µs with its fsync) among a group of ${parts.group}, about ${fsyncShare.toFixed(0)} µs a push, and its page comes from memory for a device at its last cursor; a device five events behind reads its page, ${parts.pullUs.toFixed(0)} µs. The reference's insert: the bare route's, in a group of ${parts.group} with its commit.`,
  );
  const sqlite = server[0];
  const limberUs = sqlite?.rows[1]?.measured.nodeUs;
  const referenceUs = sqlite?.reference?.measured.nodeUs;
  if (limberUs !== undefined && referenceUs !== undefined) {
    notes.push(
      `Half the reference's rate allows a push about twice the reference's CPU (${Math.round(2 * referenceUs)} µs of the server process a push in this run) when the commit's wait is short; Limber's took ${Math.round(limberUs)} µs.`,
    );
  }
}

function micros(value: number | undefined): string {
  return value === undefined ? "–" : Math.round(value).toLocaleString("en-GB");
}

function markdownTable(header: string[], body: string[][]): string {
  const all = [header, ...body];
  const widths = header.map((_, column) =>
    Math.max(3, ...all.map((cells) => (cells[column] ?? "").length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] as number)).join(" | ")} |`;
  return [
    line(header),
    `| ${widths.map((width) => "-".repeat(width)).join(" | ")} |`,
    ...body.map(line),
  ].join("\n");
}
