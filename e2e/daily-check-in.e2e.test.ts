import { mkdirSync } from "node:fs";
import { addDays, type LimberEvent } from "@limber/core";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appUrl, axeViolations, launch, openApp } from "./support/browser.ts";
import {
  checkIn,
  completeFirstRun,
  installMorningClock,
  rateDeskSnack,
  storedEvents,
} from "./support/flows.ts";
import { event, seedEvents } from "./support/seed.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** A Wednesday morning: Monday and Tuesday of the same week come before it. */
const WEDNESDAY = "2026-12-02";
const MONDAY = addDays(WEDNESDAY, -2);
const TUESDAY = addDays(WEDNESDAY, -1);
const VIEWPORT_HEIGHT = 844;
const SHOTS = process.env.LIMBER_SCREENSHOTS;

const settings = (day: string) =>
  event("settings", day, "07:00", { disclaimerAccepted: true, region: "US", weeklyDays: 5 });
const calm = (day: string, signs: string[] = []) =>
  event("checkin", day, "07:30", { back: "calm", leg: "none", signs });

/**
 * The app opened on a Wednesday at 08:00 on the page's clock, with `events` already recorded:
 * first run done weeks ago, so nothing but the check-in stands between the person and the plan.
 */
async function openOnWednesday(events: LimberEvent[], colorScheme: "light" | "dark" = "light") {
  const opened = await openApp(browser, { colorScheme });
  const { page } = opened;
  await page.clock.install({ time: new Date(`${WEDNESDAY}T08:00:00`) });
  await page.reload();
  await page.getByRole("heading", { name: "Welcome to Limber" }).waitFor();
  await seedEvents(page, [settings("2026-11-10"), calm("2026-11-10"), ...events]);
  await page.getByRole("heading", { name: "How is your back today?" }).waitFor();
  return opened;
}

/**
 * Whether the button is wholly inside the phone's screen, unscrolled, and nothing (the sticky
 * action bar, the tabs) covers its top, middle or bottom edge.
 */
async function inFirstScreen(page: Page, name: string): Promise<boolean> {
  const button = page.getByRole("button", { name, exact: true });
  const box = await button.boundingBox();
  if (!box || box.y < 0 || box.y + box.height > VIEWPORT_HEIGHT) return false;
  const x = box.x + box.width / 2;
  const points = [box.y + 3, box.y + box.height / 2, box.y + box.height - 3];
  return button.evaluate(
    (el, [x, ...ys]) =>
      ys.every((y) => {
        const top = document.elementFromPoint(x as number, y as number);
        return top !== null && el.contains(top);
      }),
    [x, ...points],
  );
}

/** The check-in stored for the Wednesday. */
async function wednesdayCheckIn(page: Page): Promise<Record<string, unknown> | undefined> {
  const stored = (await storedEvents(page)) as { type: string; day?: string; data: object }[];
  return stored.find((e) => e.type === "checkin" && e.day === WEDNESDAY)?.data as
    | Record<string, unknown>
    | undefined;
}

const fullList = (page: Page) => page.getByRole("checkbox", { name: /Weight loss/ });

describe("the daily check-in (R-TRIAGE-ASK)", () => {
  it("asks the compact question on an ordinary day, and a calm day is three taps to the plan", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      const { page, context } = await openOnWednesday([calm(TUESDAY)], colorScheme);
      const lines = page.locator(".sign-lines li");
      expect(await lines.count()).toBeGreaterThan(0);
      expect(await lines.count()).toBeLessThanOrEqual(6);
      expect(await fullList(page).count()).toBe(0);
      // "None of these" is the first answer, and the largest, on the first screen.
      const answers = page.locator(".signs-question button");
      expect(await answers.first().textContent()).toBe("None of these");
      const none = await answers.first().boundingBox();
      const other = await answers.nth(1).boundingBox();
      expect(none && other && none.height * none.width > other.height * other.width).toBe(true);
      if (SHOTS) {
        mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: `${SHOTS}/check-in-compact-${colorScheme}.png` });
      }
      expect(await inFirstScreen(page, "None of these")).toBe(true);
      expect(await page.locator("details").first().getAttribute("open")).toBeNull();
      expect(await axeViolations(page)).toEqual([]);

      await page.getByRole("radio", { name: "Calm", exact: true }).click();
      await page.getByRole("button", { name: "None of these" }).click();
      expect(await inFirstScreen(page, "See today's plan")).toBe(true);
      await page.getByRole("button", { name: "See today's plan" }).click();
      await page.getByRole("heading", { name: /^Today · \d+ min$/ }).waitFor();
      expect(await wednesdayCheckIn(page)).toMatchObject({ back: "calm", leg: "none", signs: [] });
      await context.close();
    }
  });

  it("opens the full list from the compact question, so each sign is ticked for triage", async () => {
    const { page, context } = await openOnWednesday([calm(TUESDAY)]);
    await page.getByRole("radio", { name: "Okay", exact: true }).click();
    await page.getByRole("button", { name: "Something here is new or worse" }).click();
    // The list opens in place, focus on its first line; nothing is ticked for the person.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/Tick each/);
    expect(await page.getByRole("checkbox").count()).toBeGreaterThanOrEqual(15);
    expect(await page.getByRole("button", { name: "See today's plan" }).isDisabled()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/check-in-full-list.png`, fullPage: true });
    await fullList(page).check();
    await page.getByRole("button", { name: "See today's plan" }).click();
    await page.getByRole("heading", { name: "Please check with a clinician first" }).waitFor();
    expect((await wednesdayCheckIn(page))?.signs).toEqual(["weight-loss"]);
    await context.close();
  });

  it.each([
    ["a new week", [calm(addDays(MONDAY, -3))], /A new week/],
    [
      "a sign reported in the last week",
      [calm(MONDAY, ["inflammatory-pattern"]), calm(TUESDAY)],
      /reported a sign in the last week/,
    ],
  ])("shows the full list with its reason on %s", async (_, events, why) => {
    const { page, context } = await openOnWednesday(events);
    await page.getByText(why).waitFor();
    expect(await page.locator(".sign-lines").count()).toBe(0);
    expect(await fullList(page).isVisible()).toBe(true);
    expect(await page.getByRole("checkbox", { name: /Morning stiffness/ }).isVisible()).toBe(true);
    await context.close();
  });

  it("counts first run's answer as that day's: no second asking, unless first run said some apply", async () => {
    const { page, context } = await openApp(browser);
    await completeFirstRun(page);
    expect(await fullList(page).count()).toBe(0);
    await page.getByText(/none of them apply today/).waitFor();
    // Two taps to the plan: the back, and See today's plan.
    await page.getByRole("radio", { name: "Calm", exact: true }).click();
    await page.getByRole("button", { name: "See today's plan" }).click();
    await page.getByRole("heading", { name: /^Today · \d+ min$/ }).waitFor();
    await context.close();

    const some = await openApp(browser);
    await completeFirstRun(some.page, "US", true);
    await some.page.getByText(/Please tick each one/).waitFor();
    expect(await fullList(some.page).isVisible()).toBe(true);
    await some.context.close();

    // Opened again before checking in: the first check-in shows the whole list, and says why.
    const reloaded = await openApp(browser);
    await completeFirstRun(reloaded.page);
    await reloaded.page.reload();
    await reloaded.page.getByText(/Your first check-in shows the whole list/).waitFor();
    expect(await fullList(reloaded.page).isVisible()).toBe(true);
    await reloaded.context.close();
  });
});

describe("a clinician's clearance (R-TRIAGE-B)", () => {
  it("plans the day again at once, with no second check-in, and survives a reload", async () => {
    const { page, context } = await openOnWednesday([calm(TUESDAY)]);
    await checkIn(page, { back: "Calm", signs: ["Weight loss you cannot explain"] });
    await page.getByRole("heading", { name: "Please check with a clinician first" }).waitFor();
    await page.getByRole("button", { name: "A clinician has cleared me to practise" }).click();
    await page.getByRole("button", { name: "Yes, I have been cleared" }).click();
    await page.getByText("Warm up, move, stretch, then hinge and strengthen.").waitFor();
    expect(await page.getByRole("heading", { name: "How is your back today?" }).count()).toBe(0);
    const clearance = (await storedEvents(page)).find((e) => e.type === "clearance");
    expect(clearance?.data).toEqual({ signs: ["weight-loss"] });

    await page.reload();
    await page.getByText("Warm up, move, stretch, then hinge and strengthen.").waitFor();
    expect(await page.getByText("Please check with a clinician first").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Start" }).isVisible()).toBe(true);
    expect((await storedEvents(page)).filter((e) => e.type === "checkin")).toHaveLength(3);
    await context.close();
  });
});

describe("the person's words", () => {
  it("no rule id in any Why on Today", async () => {
    const { page, context } = await openOnWednesday([calm(TUESDAY)]);
    await checkIn(page, { back: "Okay", leg: "In one leg, steady" });
    await page.getByRole("heading", { name: /^Today · \d+ min/ }).waitFor();
    const whys = page.locator("main details > summary", { hasText: /^Why/ });
    expect(await whys.count()).toBeGreaterThan(3);
    for (const why of await whys.all()) await why.click();
    const sentences = await page.locator("main .why").allTextContents();
    expect(sentences.length).toBeGreaterThan(3);
    for (const sentence of sentences) {
      expect(sentence.length).toBeGreaterThan(20);
      expect(sentence).not.toMatch(/\bR-[A-Z]/);
    }
    expect(await page.locator("main").textContent()).not.toMatch(/\bR-[A-Z]/);
    await context.close();
  });

  it("says one desk snack the one way on Today, This week and History", async () => {
    const { page, context } = await openApp(browser);
    await installMorningClock(page);
    await page.reload();
    await completeFirstRun(page);
    await checkIn(page, { back: "Okay", context: { deskDay: true } });
    await page.getByRole("link", { name: "Start a desk snack" }).click();
    await page.getByRole("button", { name: "Start" }).click();
    await page.clock.fastForward(4 * 60_000);
    await page.clock.runFor(1_000);
    await rateDeskSnack(page);

    await page.getByText("Today is half a practice day so far").waitFor();
    expect(await page.getByText(/practised today/i).count()).toBe(0);
    const week = page.locator(".week-day.today");
    expect(await week.textContent()).toContain("half a practice day");
    expect(await page.locator(".week-key").textContent()).toContain("half a practice day");

    await page.goto(appUrl("history"));
    await page.getByRole("heading", { name: "History" }).waitFor();
    const day = page.locator("button.day.today");
    expect(await day.textContent()).toContain("half a practice day");
    await day.click();
    await page
      .locator("#day-detail")
      .getByText(/^Half a practice day/)
      .waitFor();
    expect(await page.locator("#day-detail").textContent()).not.toMatch(/No session/);
    await context.close();
  });
});
