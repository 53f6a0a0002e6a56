import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appUrl, launch, openApp } from "./support/browser.ts";
import { checkIn, completeFirstRun, storedEvents } from "./support/flows.ts";
import { seedEightWeeks } from "./support/seed.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe("the log on the device", () => {
  it("exports every entry as JSON from Settings", async () => {
    const { page, context } = await openApp(browser);
    await completeFirstRun(page, "GB");
    await checkIn(page, { back: "Calm" });
    await page.goto(appUrl("settings"));
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export all entries (JSON)" }).click(),
    ]);
    const path = await download.path();
    const exported = JSON.parse(await readFile(path, "utf8")) as { type: string }[];
    expect(exported.map((e) => e.type)).toEqual(["settings", "checkin"]);
    expect(exported).toEqual(await storedEvents(page));
    await context.close();
  });

  it("keeps a stored entry that fails validation aside, says so, and still works", async () => {
    const { page, context } = await openApp(browser);
    await completeFirstRun(page, "GB");
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open("limber");
          open.onsuccess = () => {
            const tx = open.result.transaction("events", "readwrite");
            tx.objectStore("events").put({
              id: "not-an-event",
              type: "checkin",
              data: { back: "fine" },
            });
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.reload();
    await page
      .getByText(/One stored entry could not be read and is kept aside, unchanged/)
      .waitFor();
    await checkIn(page, { back: "Calm" });
    await page.getByRole("heading", { name: /^Today · \d+ min$/ }).waitFor();
    expect(
      (await storedEvents(page)).some((e) => (e as { id?: string }).id === "not-an-event"),
    ).toBe(true);
    await context.close();
  });
});

/** Counts the app's calls to navigator.storage.persist() on every page of `context`. */
async function countPersistCalls(
  context: BrowserContext,
  page: Page,
): Promise<() => Promise<number>> {
  await context.addInitScript(() => {
    const storage = navigator.storage;
    const persist = storage.persist.bind(storage);
    storage.persist = () => {
      const calls = Number(sessionStorage.getItem("persist-calls") ?? 0) + 1;
      sessionStorage.setItem("persist-calls", String(calls));
      return persist();
    };
  });
  await page.reload();
  return () => page.evaluate(() => Number(sessionStorage.getItem("persist-calls") ?? 0));
}

/** The person (or the browser's own rules) lets Limber's storage be kept: Chromium's durable storage. */
async function grantDurableStorage(browser: Browser, context: BrowserContext, page: Page) {
  const target = await context.newCDPSession(page);
  const { targetInfo } = await target.send("Target.getTargetInfo");
  const session = await browser.newBrowserCDPSession();
  await session.send("Browser.grantPermissions", {
    origin: new URL(page.url()).origin,
    permissions: ["durableStorage"],
    ...(targetInfo.browserContextId ? { browserContextId: targetInfo.browserContextId } : {}),
  });
  // The grant lasts while this session does: it is left open until the context closes.
}

describe("keeping the only copy", () => {
  it("asks the browser to keep its storage after the first entry, and Settings says whether it does", async () => {
    const { page, context } = await openApp(browser);
    const persistCalls = await countPersistCalls(context, page);
    await page.getByRole("heading", { name: "Welcome to Limber" }).waitFor();
    expect(await persistCalls()).toBe(0);
    await completeFirstRun(page, "GB");
    await expect.poll(persistCalls).toBe(1);
    await checkIn(page, { back: "Calm" });
    await page.goto(appUrl("settings"));
    await page.getByText("This browser may clear Limber's storage on its own").waitFor();
    await page.getByText("Export a copy now and then, or sign in.").waitFor();
    await page.getByRole("button", { name: "Ask the browser to keep it" }).click();
    await page.getByText("The browser did not agree to keep it this time.").waitFor();
    expect(await persistCalls()).toBe(2);

    await grantDurableStorage(browser, context, page);
    await page.reload();
    await page.getByText("This browser keeps Limber's storage until you remove it.").waitFor();
    expect(await page.getByRole("button", { name: "Ask the browser to keep it" }).count()).toBe(0);
    await context.close();
  });

  it("suggests an export or a sign-in once a week while this device holds the only copy and the browser may clear it", async () => {
    const { page, context } = await openApp(browser);
    await seedEightWeeks(page);
    const suggestion = page.getByText(/Your entries are only on this device/);
    await suggestion.waitFor();
    await page.getByRole("link", { name: "export a copy, or sign in" }).waitFor();
    await page.getByRole("button", { name: "Not now" }).click();
    await suggestion.waitFor({ state: "hidden" });
    await page.reload();
    await page.getByRole("heading", { name: /^Today · \d+ min$/ }).waitFor();
    expect(await suggestion.count()).toBe(0);
    // A week later it comes once more. The date is set as the next page starts, before the app
    // runs: set from this page, a check of its own still under way could note it as shown.
    await context.addInitScript(() =>
      localStorage.setItem("limber.copy-reminded.v1", String(Date.now() - 8 * 24 * 3600 * 1000)),
    );
    await page.reload();
    await suggestion.waitFor();
    // Never where the browser keeps the storage.
    await grantDurableStorage(browser, context, page);
    await page.reload();
    await page.getByRole("button", { name: "Check in again" }).waitFor();
    await page.goto(appUrl("settings"));
    await page.getByText("This browser keeps Limber's storage until you remove it.").waitFor();
    await page.goto(appUrl());
    await page.getByRole("button", { name: "Check in again" }).waitFor();
    expect(await suggestion.count()).toBe(0);
    await context.close();
  });
});
