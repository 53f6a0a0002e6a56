import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appUrl, launch, openApp } from "./support/browser.ts";
import { checkIn, completeFirstRun, storedEvents } from "./support/flows.ts";

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
