/**
 * Browser audits: Lighthouse 12.2.3 (mobile emulation, its default simulated throttling) on the
 * production build served by the real server, for the first run, today's plan, the running
 * player and progress. Chrome is Debian's Chromium (CHROMIUM_PATH) launched by chrome-launcher;
 * the states after the first run are set up by driving that same Chrome with playwright-core,
 * and kept for Lighthouse with `disableStorageReset`. Timings are reported, never asserted.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../e2e/support/chromium.ts";
import { checkIn, completeFirstRun } from "../e2e/support/flows.ts";
import { startServer } from "../packages/server/src/serve/start.ts";

export interface AuditResult {
  screen: string;
  url: string;
  /** Category scores from 0 to 100. */
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** How many Lighthouse runs this median is taken from. */
  runs: number;
  /** Failed audits worth reading: accessibility and best-practices failures, the slowest opportunities. */
  findings: string[];
}

const CATEGORIES = ["performance", "accessibility", "best-practices"] as const;

/** Whether the build has the progress screen (another screen's chunk stands in until it does). */
export interface AuditOptions {
  webDist: string;
  hasProgress: boolean;
  /** A folder to keep each full Lighthouse report in (JSON), to read beyond the figures. */
  reportDir?: string;
  /** Lighthouse runs per screen; the median run (by performance score, then TBT) is kept. */
  runs?: number;
}

/** Runs every audit against `webDist` served by `startServer` on a temporary SQLite folder. */
export async function auditScreens({
  webDist,
  hasProgress,
  reportDir,
  runs = 5,
}: AuditOptions): Promise<AuditResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), "limber-audit-"));
  // One browser profile for the whole audit, so what the first run and check-in store stays.
  const profileDir = mkdtempSync(join(tmpdir(), "limber-audit-profile-"));
  const server = await startServer(
    { host: "127.0.0.1", port: 0, dataDir, trustProxy: false },
    { webDist, logger: false },
  );
  try {
    const origin = server.address;
    const run = async (screen: string, path: string, keepStorage: boolean) => {
      const all: AuditResult[] = [];
      for (let attempt = 1; attempt <= runs; attempt++) {
        const dir = reportDir && join(reportDir, `run-${attempt}`);
        all.push(
          await withChrome(profileDir, (port) =>
            audit(port, screen, `${origin}${path}`, keepStorage, dir),
          ),
        );
      }
      return medianRun(all);
    };
    const results: AuditResult[] = [];
    // A new person: nothing stored, so Lighthouse's own storage reset is the right start.
    results.push(await run("first run", "/", false));
    await withChrome(profileDir, (port) => setUpToday(port, origin));
    results.push(await run("today's plan", "/", true));
    results.push(await run("player (running)", "/#/player", true));
    results.push(
      hasProgress
        ? await run("progress", "/#/progress", true)
        : await run("history (no progress screen yet)", "/#/history", true),
    );
    return results;
  } finally {
    server.app.server.closeAllConnections();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
  }
}

/**
 * Each Lighthouse run gets a Chrome of its own on the shared profile, as a person reopening the
 * app would: in one long-lived Chrome every run pays for tearing down the pages and injected
 * audit scripts of the runs before it, in a task that grew from 45 to 120 ms over three runs.
 * Chrome is closed through the DevTools protocol, so what the page stored is on disk for the next.
 */
async function withChrome<T>(profileDir: string, work: (port: number) => Promise<T>): Promise<T> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: CHROMIUM_ARGS,
    userDataDir: profileDir,
    logLevel: "silent",
  });
  try {
    return await work(chrome.port);
  } finally {
    const exited = new Promise<void>((resolve) => {
      if (chrome.process.exitCode !== null) resolve();
      else chrome.process.once("exit", () => resolve());
    });
    try {
      const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
      const session = await browser.newBrowserCDPSession();
      await session.send("Browser.close").catch(() => {
        // Chrome may close before it answers.
      });
    } catch {
      // Not reachable any more: it is gone or going, and the kill below makes sure.
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    chrome.kill();
  }
}

/**
 * The median of several runs, as Lighthouse's own guidance recommends on a noisy machine: one
 * run's figures move with whatever else the machine is doing.
 */
function medianRun(all: AuditResult[]): AuditResult {
  const sorted = [...all].sort((a, b) => a.performance - b.performance || b.tbtMs - a.tbtMs);
  const median = sorted[Math.floor((sorted.length - 1) / 2)] as AuditResult;
  return { ...median, runs: all.length };
}

/** Lighthouse's own failures to record a trace (NO_NAVSTART and the like) are retried twice. */
const ATTEMPTS = 3;

async function lighthouseRun(port: number, screen: string, url: string, keepStorage: boolean) {
  let failure = "";
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const result = await lighthouse(url, {
      port,
      output: "json",
      logLevel: "error",
      onlyCategories: [...CATEGORIES],
      disableStorageReset: keepStorage,
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${screen}`);
    if (!result.lhr.runtimeError) return result.lhr;
    failure = `${result.lhr.runtimeError.code}: ${result.lhr.runtimeError.message}`;
  }
  throw new Error(`Lighthouse could not audit ${screen} in ${ATTEMPTS} attempts (${failure})`);
}

/** A person's first run and a calm check-in, in the same Chrome Lighthouse then uses. */
async function setUpToday(port: number, origin: string): Promise<void> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const context = browser.contexts()[0] ?? (await browser.newContext());
    const page = await context.newPage();
    await page.goto(origin);
    await completeFirstRun(page);
    await checkIn(page, { back: "Calm", leg: "None" });
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    await page.close();
  } finally {
    // Over CDP this only disconnects: Chrome and its storage stay for Lighthouse.
    await browser.close();
  }
}

async function audit(
  port: number,
  screen: string,
  url: string,
  keepStorage: boolean,
  reportDir: string | undefined,
): Promise<AuditResult> {
  const lhr = await lighthouseRun(port, screen, url, keepStorage);
  if (reportDir) {
    mkdirSync(reportDir, { recursive: true });
    const name = screen.replace(/[^a-z]+/gi, "-").replace(/^-|-$/g, "");
    writeFileSync(join(reportDir, `${name}.json`), JSON.stringify(lhr));
  }
  const score = (id: (typeof CATEGORIES)[number]) =>
    Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const value = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const findings: string[] = [];
  for (const id of ["accessibility", "best-practices"] as const) {
    for (const ref of lhr.categories[id]?.auditRefs ?? []) {
      const found = lhr.audits[ref.id];
      if (found && found.score !== null && found.score < 1 && ref.weight > 0) {
        findings.push(`${id}: ${found.id} (${found.title})`);
      }
    }
  }
  for (const found of Object.values(lhr.audits)) {
    const saving = (found.details as { overallSavingsMs?: number } | undefined)?.overallSavingsMs;
    if (found.score !== null && found.score < 0.9 && saving && saving >= 50) {
      findings.push(`performance: ${found.id} (${found.title}), about ${Math.round(saving)} ms`);
    }
  }
  return {
    screen,
    url: new URL(url).pathname + new URL(url).hash,
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    lcpMs: value("largest-contentful-paint"),
    tbtMs: value("total-blocking-time"),
    cls: value("cumulative-layout-shift"),
    runs: 1,
    findings,
  };
}
