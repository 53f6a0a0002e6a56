/**
 * The morning screen with a short log and a long one: the production build served by the real
 * server, opened in Chromium at 4× CPU throttling, timed from navigation to the moment today's
 * plan and the week card are on the screen. The app is opened once first, as a person opens it
 * every morning, so whatever it keeps between starts is in place. Each size is reloaded `runs`
 * times and the median kept; sizes are measured in one run, so their ratio is what counts.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addDays, type LimberEvent } from "@limber/core";
import { chromium, type Page } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../e2e/support/chromium.ts";
import { startServer } from "../packages/server/src/serve/start.ts";
import { median } from "./median.ts";
import { syntheticLog } from "./synthetic-log.ts";

export const MORNING_SIZES = [
  { label: "one week", days: 7 },
  { label: "one year", days: 365 },
  { label: "ten years", days: 3653 },
] as const;

/** Goal: the morning screen with ten years of log at most 1.2× its time with one week. */
export const GOAL_RATIO = 1.2;
export const CPU_SLOWDOWN = 4;
/** Time left after each start for the app to keep its checkpoint, as it would while in use. */
const KEPT_MS = 3000;

export interface MorningFigure {
  label: string;
  events: number;
  /** Median milliseconds from navigation to the plan and the week card on screen. */
  medianMs: number;
}

/** Resolves with `performance.now()` when today's plan and the week card are both shown. */
const WATCH = `
  window.__limberMorning = new Promise((resolve) => {
    const seen = () => document.querySelector("ol.blocks") && document.querySelector("section.week");
    const check = () => { if (seen()) { resolve(performance.now()); observer.disconnect(); } };
    const observer = new MutationObserver(check);
    document.addEventListener("DOMContentLoaded", () => {
      observer.observe(document.body, { childList: true, subtree: true });
      check();
    });
  });
`;

/** Writes `events` into the app's store, as page source (this file has no DOM types). */
const SEED = `(all) => new Promise((resolve, reject) => {
  const open = indexedDB.open("limber");
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const tx = db.transaction(["events"], "readwrite");
    for (const e of all) tx.objectStore("events").put(e);
    tx.oncomplete = () => { db.close(); resolve(); };
    tx.onerror = () => reject(tx.error);
  };
})`;

async function seed(page: Page, events: readonly LimberEvent[]): Promise<void> {
  await page.evaluate(`(${SEED})(${JSON.stringify(events)})`);
}

/** Times the morning screen for each size of log against `webDist`. */
export async function measureMorning(webDist: string, runs = 5): Promise<MorningFigure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), "limber-morning-"));
  const server = await startServer(
    { host: "127.0.0.1", port: 0, dataDir, trustProxy: false },
    { webDist, logger: false },
  );
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const figures: MorningFigure[] = [];
    for (const size of MORNING_SIZES) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      await context.addInitScript(WATCH);
      const page = await context.newPage();
      await page.goto(server.address);
      await page.getByRole("heading", { name: "Welcome to Limber" }).waitFor();
      const today = await page.evaluate(() => {
        const now = new Date();
        return new Date(now.getTime() - now.getTimezoneOffset() * 60_000)
          .toISOString()
          .slice(0, 10);
      });
      const events = syntheticLog({ start: addDays(today, 1 - size.days), days: size.days });
      await seed(page, events);
      // The first start after the entries arrived, as on any morning before this one.
      await page.reload();
      await page.evaluate("window.__limberMorning");
      // A person's app stays open longer than the moment it takes to keep its checkpoint.
      await page.waitForTimeout(KEPT_MS);
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
      const times: number[] = [];
      for (let run = 0; run < runs; run++) {
        await page.reload();
        times.push((await page.evaluate("window.__limberMorning")) as number);
        await page.waitForTimeout(KEPT_MS);
      }
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
      figures.push({ label: size.label, events: events.length, medianMs: median(times) });
      await context.close();
    }
    return figures;
  } finally {
    await browser.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
