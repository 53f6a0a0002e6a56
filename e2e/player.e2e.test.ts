import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appUrl, axeViolations, launch, openApp } from "./support/browser.ts";
import {
  checkIn,
  completeFirstRun,
  eventsInForce,
  finishSession,
  installMorningClock,
  openCalmSession,
  rateSession,
  startCalmSession,
  storedEvents,
} from "./support/flows.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const MINUTE = 60_000;
const IN_PROGRESS = "limber.session-in-progress.v1";

const savedInProgress = (page: Page) =>
  page.evaluate((key) => localStorage.getItem(key), IN_PROGRESS);
const meta = (page: Page) => page.locator(".player > p.small").first().textContent();

/** Where every control of the player is: buttons, the ring and the session's progress. */
async function controlBoxes(page: Page) {
  const controls = page.locator(".player button, .player progress, .player .step-ring");
  const boxes = [];
  for (const control of await controls.all()) {
    // The primary control by its place, not its label; the ring by its class, not its time.
    const name = await control.evaluate((el) =>
      el.tagName === "BUTTON"
        ? (el.getAttribute("aria-label") ??
          el.textContent?.replace(/Start|Pause|Resume/, "primary"))
        : el.tagName.toLowerCase(),
    );
    boxes.push({ name, box: await control.boundingBox() });
  }
  return boxes;
}

describe("the guided session", () => {
  it("runs a calm day's session to the end on the clock, stores it, and shows it in history", async () => {
    const { page, context } = await openApp(browser);
    await startCalmSession(page);
    await page.clock.runFor(3_000);
    expect(
      await page
        .getByText(/Breathe in|Hold|Breathe out/)
        .first()
        .isVisible(),
    ).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await page.clock.fastForward(11 * MINUTE);
    await page.clock.runFor(1_000);
    await page.getByRole("heading", { name: /^Done: \d+ min, both sides\.$/ }).waitFor();
    await rateSession(page);
    await page.getByText(/Today is a practice day/).waitFor();

    const sessions = (await eventsInForce(page)).filter((e) => e.type === "session");
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.data).toMatchObject({
      kind: "standard",
      feel: "comfortable",
      breathChat: true,
      nerve: "none",
    });
    const blocks = (sessions[0]?.data.blocks ?? []) as { skipped?: boolean }[];
    expect(blocks.filter((b) => b.skipped)).toEqual([]);

    await page.getByRole("link", { name: "History" }).click();
    await page.locator("button.day.today").click();
    await page.getByText("A practice day; it felt comfortable.").waitFor();
    await context.close();
  });

  it("leaves a session answered after midnight on the day it was practised", async () => {
    const { page, context } = await openApp(browser);
    await startCalmSession(page);
    const practised = await page.evaluate(() => {
      const now = new Date();
      return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
    });
    await page.clock.fastForward(11 * MINUTE);
    await page.clock.runFor(1_000);
    await page.getByRole("heading", { name: /^Done: \d+ min, both sides\.$/ }).waitFor();
    await page.clock.fastForward(24 * 60 * MINUTE);
    await rateSession(page);
    const sessions = (await eventsInForce(page)).filter((e) => e.type === "session");
    expect(sessions.map((e) => [e.day, e.data.feel])).toEqual([[practised, "comfortable"]]);
    await context.close();
  });

  it("goes on past midnight, and keeps the session on the day it began", async () => {
    const { page, context } = await openApp(browser);
    await startCalmSession(page, new Date(2026, 10, 24, 23, 55));
    await page.clock.fastForward(11 * MINUTE);
    await page.clock.runFor(1_000);
    await page.getByRole("heading", { name: /^Done: \d+ min, both sides\.$/ }).waitFor();
    await rateSession(page);
    const sessions = (await eventsInForce(page)).filter((e) => e.type === "session");
    expect(sessions.map((e) => [e.day, e.data.feel])).toEqual([["2026-11-24", "comfortable"]]);
    await context.close();
  });

  it("sends a session not yet begun at midnight to the new day's check-in", async () => {
    const { page, context } = await openApp(browser);
    await openCalmSession(page, new Date(2026, 10, 24, 23, 58));
    await page.clock.fastForward(5 * MINUTE);
    await page.getByRole("button", { name: "Start" }).click();
    await page.getByRole("heading", { name: "How is your back today?" }).waitFor();
    expect((await storedEvents(page)).filter((e) => e.type === "session")).toEqual([]);
    await context.close();
  });

  it("keeps the answers whole or not at all: a refused write leaves the kept session alone", async () => {
    const { page, context } = await openApp(browser);
    await startCalmSession(page);
    await finishSession(page);
    // The device refuses the retract, the second of the answer's two entries, as a full disk would.
    await page.evaluate(() => {
      const add = IDBObjectStore.prototype.add;
      Object.assign(window, { refusing: true });
      IDBObjectStore.prototype.add = function (this: IDBObjectStore, value, key) {
        const { refusing } = window as unknown as { refusing: boolean };
        if (refusing && (value as { type?: string } | undefined)?.type === "retract") {
          throw new DOMException("the disk is full", "QuotaExceededError");
        }
        return add.call(this, value, key);
      };
    });
    await page.getByRole("heading", { name: "How did that feel?" }).waitFor();
    await page.getByRole("radio", { name: "Comfortable" }).click();
    await page.getByRole("button", { name: "Save" }).click();
    await page
      .getByRole("alert")
      .getByText(/Your answers were not saved/)
      .waitFor();
    const written = (await storedEvents(page)).filter(
      (e) => e.type !== "checkin" && e.type !== "settings",
    );
    expect(written.map((e) => [e.type, e.data.feel])).toEqual([["session", undefined]]);

    // Room again: the same answers are saved once, in place of the kept session.
    await page.evaluate(() => Object.assign(window, { refusing: false }));
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("heading", { name: "How did that feel?" }).waitFor({ state: "detached" });
    const sessions = (await eventsInForce(page)).filter((e) => e.type === "session");
    expect(sessions.map((e) => e.data.feel)).toEqual(["comfortable"]);
    await context.close();
  });

  it("asks the questions again after a reload, and not once they were passed over", async () => {
    const { page, context } = await openApp(browser);
    await startCalmSession(page);
    await finishSession(page);
    await page.reload();
    await rateSession(page);
    const sessions = (await eventsInForce(page)).filter((e) => e.type === "session");
    expect(sessions.map((e) => e.data.feel)).toEqual(["comfortable"]);

    // Another round, finished and left for Today: the questions are passed over for good.
    await page.getByRole("button", { name: "Start" }).click();
    await page.getByRole("heading", { name: /Box breathing/ }).waitFor();
    await page.getByRole("button", { name: "Start" }).click();
    await page.clock.runFor(20_000);
    await finishSession(page);
    await page.getByRole("heading", { name: "How did that feel?" }).waitFor();
    await page.goBack();
    await page.getByRole("heading", { name: /^Today · / }).waitFor();
    await page.goto(appUrl("player"));
    await page.getByRole("heading", { name: /Box breathing/ }).waitFor();
    expect(await page.getByRole("heading", { name: "How did that feel?" }).count()).toBe(0);
    await context.close();
  });

  it("keeps the session the moment Finish is pressed; Back and Start never reopen it", async () => {
    const { page, context } = await openApp(browser);
    await startCalmSession(page);
    await page.clock.runFor(20_000);
    // Finish asks once: cancelling it changes nothing.
    await page.getByRole("button", { name: "Finish" }).click();
    await page.getByRole("dialog", { name: "Finish the session now?" }).waitFor();
    await page.getByRole("button", { name: "Cancel" }).click();
    expect((await storedEvents(page)).filter((e) => e.type === "session")).toEqual([]);

    await finishSession(page);
    const kept = (await storedEvents(page)).filter((e) => e.type === "session");
    expect(kept).toHaveLength(1);
    expect(kept[0]?.data).toMatchObject({ kind: "standard" });
    expect(kept[0]?.data).not.toHaveProperty("feel");
    const [breathing] = (kept[0]?.data.blocks ?? []) as { seconds?: number }[];
    expect(breathing?.seconds).toBeGreaterThanOrEqual(19);
    expect(await savedInProgress(page)).toBeNull();
    expect(await axeViolations(page)).toEqual([]);

    await page.goBack();
    await page.getByText(/Today is a practice day/).waitFor();
    expect(await page.getByRole("heading", { name: /is waiting/ }).count()).toBe(0);
    await page.getByRole("button", { name: "Start" }).click();
    await page.getByRole("heading", { name: /Box breathing/ }).waitFor();
    expect(await page.getByRole("button", { name: "Start" }).isVisible()).toBe(true);
    expect(await meta(page)).toMatch(/^1 of 5 · \d+:\d\d left$/);
    await page.reload();
    await page.getByRole("heading", { name: /Box breathing/ }).waitFor();
    expect(await page.getByRole("button", { name: "Start" }).isVisible()).toBe(true);
    // Still one session, and no answers were asked for or given.
    expect((await eventsInForce(page)).filter((e) => e.type === "session")).toHaveLength(1);
    await context.close();
  });

  it("keeps nothing when Finish comes before anything was done, and says so first", async () => {
    const { page, context } = await openApp(browser);
    await completeFirstRun(page);
    await checkIn(page, { back: "Calm" });
    await page.getByRole("button", { name: "Start" }).click();
    await page.getByRole("button", { name: "Finish" }).click();
    const dialog = page.getByRole("dialog", { name: "Finish the session now?" });
    await dialog.getByText(/Nothing has been done yet, so nothing is saved/).waitFor();
    await dialog.getByRole("button", { name: "Finish", exact: true }).click();
    await page.getByRole("heading", { name: /^Today · / }).waitFor();
    expect((await storedEvents(page)).filter((e) => e.type === "session")).toEqual([]);
    expect(await savedInProgress(page)).toBeNull();
    await context.close();
  });

  it("keeps every control in its place, ready, running and paused", async () => {
    const { page, context } = await openApp(browser);
    await startCalmSession(page);
    await page.getByRole("button", { name: "Pause" }).click();
    await page.getByRole("button", { name: "Skip exercise" }).click();
    await page.getByRole("heading", { name: /floss/i }).waitFor();
    const pausedFirst = await controlBoxes(page);
    await page.getByRole("button", { name: "Resume" }).click();
    await page.clock.runFor(12_000);
    await page.getByRole("heading", { name: /floss.*Left leg/i }).waitFor();
    const running = await controlBoxes(page);
    await page.getByRole("button", { name: "Pause" }).click();
    await page
      .locator(".phase")
      .filter({ hasText: /^Paused$/ })
      .waitFor();
    const paused = await controlBoxes(page);
    expect(running.length).toBeGreaterThanOrEqual(8);
    expect(paused).toEqual(running);
    expect(pausedFirst).toEqual(running);
    // The primary control is the largest button.
    const area = async (name: string) => {
      const box = await page.getByRole("button", { name, exact: true }).boundingBox();
      return (box?.width ?? 0) * (box?.height ?? 0);
    };
    const primary = await area("Resume");
    for (const other of ["Soften", "Nerve-y?", "Back", "Skip exercise", "Finish"]) {
      expect(primary).toBeGreaterThan(await area(other));
    }
    await context.close();
  });

  it("softens a stretch and eases a nerve-y floss on the spot, says what changed, and records both", async () => {
    const { page, context } = await openApp(browser);
    await installMorningClock(page);
    await page.reload();
    await completeFirstRun(page);
    await checkIn(page, { back: "Calm" });
    await page.getByRole("button", { name: "Start" }).click();
    await page.getByRole("button", { name: "Start" }).click();
    await page.getByRole("button", { name: "Skip exercise" }).click();
    await page.getByRole("heading", { name: /floss/i }).waitFor();
    await page.clock.runFor(10_500);
    await page.getByRole("button", { name: "Nerve-y?" }).click();
    await page.getByRole("heading", { name: /Nerve slider/ }).waitFor();
    await page
      .getByRole("status")
      .filter({ hasText: /^Switched now to the nerve slider.*Now: Nerve slider/ })
      .waitFor();
    await page.getByRole("button", { name: "Skip exercise" }).click();
    await page.getByRole("heading", { name: /Strap stretch/ }).waitFor();
    await page.clock.runFor(10_500);
    await page.getByRole("button", { name: "Soften" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /^Softened now: .*Now: Strap stretch.* s each side\.$/ })
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Some of the softened hold done: a session with every step skipped is no practice (R-TIME).
    await page.clock.runFor(5_000);
    await finishSession(page);
    await rateSession(page);
    await page.getByText(/Today is a practice day/).waitFor();
    const [session] = (await eventsInForce(page)).filter((e) => e.type === "session");
    const blocks = session?.data.blocks as {
      variant: string;
      softened?: boolean;
      nerveSwitch?: boolean;
    }[];
    expect(blocks.find((b) => b.nerveSwitch)?.variant).toBe("floss-nerve-slider");
    expect(blocks.find((b) => b.softened)?.variant).toMatch(/^strap-/);
    expect(session?.data).toMatchObject({ feel: "comfortable" });
    await context.close();
  });

  it("resumes where it was after a reload mid-session", async () => {
    const { page, context } = await openApp(browser);
    await completeFirstRun(page);
    await checkIn(page, { back: "Calm" });
    await page.getByRole("button", { name: "Start" }).click();
    await page.getByRole("button", { name: "Start" }).click();
    await page.getByRole("button", { name: "Skip exercise" }).click();
    await page.getByRole("heading", { name: /floss/i }).waitFor();
    const before = await meta(page);
    await page.reload();
    await page.getByRole("heading", { name: /floss/i }).waitFor();
    expect(await page.getByRole("button", { name: "Pause" }).isVisible()).toBe(true);
    expect(await meta(page)).toMatch(/^2 of 5/);
    expect(before).toMatch(/^2 of 5/);
    await context.close();
  });

  it("offers Resume on Today after the tab was closed mid-session, and resumes there", async () => {
    // In dark mode, so axe checks the card there too.
    const { page, context } = await openApp(browser, { colorScheme: "dark" });
    await completeFirstRun(page);
    await checkIn(page, { back: "Calm" });
    await page.getByRole("button", { name: "Start" }).click();
    await page.getByRole("button", { name: "Start" }).click();
    await page.getByRole("button", { name: "Skip exercise" }).click();
    await page.getByRole("heading", { name: /floss/i }).waitFor();
    await page.close();

    const again = await context.newPage();
    await again.goto(appUrl());
    const card = again.getByRole("region", { name: "Your session is waiting" });
    await card.getByText(/^Hamstring floss.*: 2 of 5, \d+:\d\d left\.$/).waitFor();
    expect(await axeViolations(again)).toEqual([]);
    await card.getByRole("link", { name: "Resume" }).click();
    await again.getByRole("heading", { name: /floss/i }).waitFor();
    expect(await meta(again)).toMatch(/^2 of 5/);
    await context.close();
  });

  it("asks before discarding a session in progress, and then starts afresh", async () => {
    const { page, context } = await openApp(browser);
    await startCalmSession(page);
    await page.getByRole("button", { name: "Skip exercise" }).click();
    await page.getByRole("heading", { name: /floss/i }).waitFor();
    await page.goBack();
    const card = page.getByRole("region", { name: "Your session is waiting" });
    await card.waitFor();
    await card.getByRole("button", { name: "Discard" }).click();
    const dialog = page.getByRole("dialog", { name: "Discard this session?" });
    await dialog.getByText(/What you did in it is not recorded/).waitFor();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    expect(await savedInProgress(page)).not.toBeNull();
    await card.getByRole("button", { name: "Discard" }).click();
    await dialog.getByRole("button", { name: "Discard" }).click();
    await card.waitFor({ state: "detached" });
    expect(await savedInProgress(page)).toBeNull();
    await page.getByRole("button", { name: "Start" }).click();
    await page.getByRole("heading", { name: /Box breathing/ }).waitFor();
    expect(await meta(page)).toMatch(/^1 of 5/);
    await context.close();
  });

  it("asks a desk snack one question afterwards", async () => {
    const { page, context } = await openApp(browser, { colorScheme: "dark" });
    await installMorningClock(page);
    await page.reload();
    await completeFirstRun(page);
    await checkIn(page, { back: "Okay", context: { deskDay: true } });
    await page.getByRole("link", { name: "Start a desk snack" }).click();
    await page.getByRole("button", { name: "Start" }).click();
    await page.clock.fastForward(4 * MINUTE);
    await page.clock.runFor(1_000);
    await page.getByRole("heading", { name: /^Done: \d+ min(, both sides)?\.$/ }).waitFor();
    expect(await page.locator("main fieldset").count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("radio", { name: "Comfortable" }).click();
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("One desk snack done today.").waitFor();
    const [snack] = (await eventsInForce(page)).filter((e) => e.type === "session");
    expect(snack?.data).toMatchObject({ kind: "micro", feel: "comfortable" });
    expect(snack?.data).not.toHaveProperty("breathChat");
    expect(snack?.data).not.toHaveProperty("nerve");
    await context.close();
  });
});
