import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, openApp } from "./support/browser.ts";
import { pageToday, seedEightWeeks } from "./support/seed.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** Counts how often the page reads every record of the events store (a whole read of the log). */
const COUNT_WHOLE_READS = `
  window.__wholeReads = 0;
  const getAll = IDBObjectStore.prototype.getAll;
  IDBObjectStore.prototype.getAll = function (...args) {
    if (this.name === "events" && args.length === 0) window.__wholeReads++;
    return getAll.apply(this, args);
  };
`;

const wholeReads = (page: Page) => page.evaluate("window.__wholeReads") as Promise<number>;

/** Today's plan and the week card, as text, once both are on the screen. */
async function morning(page: Page): Promise<string> {
  const plan = page.locator("ol.blocks");
  const week = page.locator("section.week");
  await plan.waitFor();
  await week.waitFor();
  return `${await plan.innerText()}\n${await week.innerText()}`;
}

/**
 * Whether the app has kept a checkpoint of every entry on the device: one kept before the
 * seeded entries were read (of an empty log) does not count.
 */
function hasCheckpoint(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open("limber");
        open.onsuccess = () => {
          const tx = open.result.transaction(["checkpoint", "events"]);
          const kept = tx.objectStore("checkpoint").get("read-model");
          const events = tx.objectStore("events").count();
          tx.oncomplete = () => {
            open.result.close();
            resolve(kept.result !== undefined && kept.result.entries === events.result);
          };
        };
      }),
  );
}

type Tamper = "another-build" | "malformed" | "one-entry-short";

/** Changes the stored checkpoint as `how` says. */
function tamper(page: Page, how: Tamper): Promise<void> {
  return page.evaluate(
    (kind) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("limber");
        open.onsuccess = () => {
          const tx = open.result.transaction("checkpoint", "readwrite");
          const store = tx.objectStore("checkpoint");
          const get = store.get("read-model");
          get.onsuccess = () => {
            const kept = get.result;
            if (kind === "another-build") kept.fold = "another-build";
            if (kind === "malformed") kept.model = null;
            if (kind === "one-entry-short") kept.entries -= 1;
            store.put(kept, "read-model");
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    how,
  );
}

/** Opens the app with eight weeks of history, read once, with its checkpoint kept. */
async function withCheckpoint() {
  const opened = await openApp(browser);
  await opened.context.addInitScript(COUNT_WHOLE_READS);
  await seedEightWeeks(opened.page);
  const whole = await morning(opened.page);
  await expect.poll(() => hasCheckpoint(opened.page), { timeout: 10_000 }).toBe(true);
  return { ...opened, whole };
}

describe("a start that reads only what arrived after its checkpoint", () => {
  it("shows the plan and the week a whole read shows, without reading the whole log", async () => {
    const { page, context, whole } = await withCheckpoint();
    await page.reload();
    expect(await morning(page)).toBe(whole);
    expect(await wholeReads(page)).toBe(0);
    await context.close();
  });

  it("folds on what was recorded after it", async () => {
    const { page, context } = await withCheckpoint();
    const before = await page.locator("section.week dl").innerText();
    await page
      .getByRole("group", { name: "Log a walk" })
      .getByRole("button", { name: "20 min" })
      .click();
    await page.getByText("Walk logged: 20 minutes.").waitFor();
    const after = await page.locator("section.week dl").innerText();
    expect(after).not.toBe(before);
    await page.waitForTimeout(1500); // the checkpoint is kept shortly after a change
    await page.reload();
    await morning(page);
    expect(await page.locator("section.week dl").innerText()).toBe(after);
    expect(await wholeReads(page)).toBe(0);
    await context.close();
  });
});

describe("a checkpoint that does not verify is read again from the log, never trusted", () => {
  it.each<[string, Tamper]>([
    ["made by another build of the coach", "another-build"],
    ["malformed", "malformed"],
    ["short of an entry the device holds", "one-entry-short"],
  ])("reads the log again when it is %s", async (_, change) => {
    const { page, context, whole } = await withCheckpoint();
    await tamper(page, change);
    await page.reload();
    expect(await morning(page)).toBe(whole);
    expect(await wholeReads(page)).toBe(1);
    await context.close();
  });

  it("reads an entry written behind its back", async () => {
    const { page, context } = await withCheckpoint();
    const today = await pageToday(page);
    await page.evaluate(
      (day) =>
        new Promise<void>((resolve) => {
          const open = indexedDB.open("limber");
          open.onsuccess = () => {
            const tx = open.result.transaction("events", "readwrite");
            tx.objectStore("events").put({
              id: "01900000-0000-7000-8000-00000000abcd",
              type: "checkin",
              v: 1,
              day,
              at: `${day}T23:30:00.000+00:00`,
              data: { back: "grumpy" },
            });
            tx.oncomplete = () => resolve();
          };
        }),
      today,
    );
    await page.reload();
    await morning(page);
    expect(await wholeReads(page)).toBe(1);
    await expect.poll(() => page.locator("main").innerText()).toMatch(/light|gentle/i);
    await context.close();
  });
});
