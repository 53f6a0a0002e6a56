import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appUrl, launch, openApp } from "./support/browser.ts";
import {
  checkIn,
  completeFirstRun,
  eventsInForce,
  finishSession,
  rateSession,
} from "./support/flows.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe("offline", () => {
  it("loads and completes a session with no network after the first visit", async () => {
    const { page, context } = await openApp(browser);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await completeFirstRun(page);

    await context.setOffline(true);
    await page.goto(appUrl());
    await page.getByRole("heading", { name: "How is your back today?" }).waitFor();
    await checkIn(page, { back: "Calm" });
    await page.getByRole("button", { name: "Start" }).click();
    // The player's code is loaded on demand: it must come from the offline cache too.
    await page.getByRole("button", { name: "Start" }).click();
    // A few seconds of breathing: a session with every step skipped is no practice (R-TIME).
    await page.waitForTimeout(3_000);
    await finishSession(page);
    await rateSession(page);
    await page.getByText(/Today is a practice day/).waitFor();
    expect((await eventsInForce(page)).map((e) => e.type).sort()).toEqual([
      "checkin",
      "session",
      "settings",
    ]);
    await context.close();
  });
});
