import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appUrl, axeViolations, launch, openApp } from "./support/browser.ts";
import {
  answerSigns,
  completeFirstRun,
  eventsInForce,
  installMorningClock,
  rateDeskSnack,
  storedEvents,
} from "./support/flows.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const MINUTE = 60_000;

const SADDLE = "Numbness or changed feeling around the groin, genitals or back passage";

/** An okay check-in on a day mostly at a desk, with any warning signs ticked. */
async function checkInDeskDay(page: Page, signs: string[] = []): Promise<void> {
  await page
    .getByRole("group", { name: "Your back feels" })
    .getByRole("radio", { name: "Okay", exact: true })
    .click();
  await answerSigns(page, signs);
  await page.getByText("Pain and more context (optional)").click();
  await page.getByRole("checkbox", { name: "A day mostly at a desk" }).check();
  await page.getByRole("button", { name: "See today's plan" }).click();
}

async function doDeskSnack(page: Page): Promise<void> {
  await page.getByRole("link", { name: "Start a desk snack" }).click();
  await page.getByRole("heading", { name: /Seated knee straightening/ }).waitFor();
  await page.getByRole("button", { name: "Start" }).click();
  await page.clock.fastForward(4 * MINUTE);
  await page.clock.runFor(1_000);
  await rateDeskSnack(page);
}

const figure = (page: Page, name: string) =>
  page.locator(".week-figures div").filter({ hasText: name }).locator("dd");

describe("the habit loop", () => {
  it("counts a desk day with two snacks as a practice day", async () => {
    const { page, context } = await openApp(browser);
    await installMorningClock(page);
    await page.reload();
    await completeFirstRun(page);
    await checkInDeskDay(page);
    await page.getByRole("heading", { name: /Desk snack/ }).waitFor();
    await expect.poll(() => figure(page, "Practice days").textContent()).toBe("0 of 5");

    await doDeskSnack(page);
    await page.getByText("One desk snack done today.").waitFor();
    await expect.poll(() => figure(page, "Practice days").textContent()).toBe("0 of 5");
    expect(await page.locator(".week-day.today").getAttribute("class")).toContain("half");

    await doDeskSnack(page);
    await page.getByText("2 desk snacks done today.").waitFor();
    await expect.poll(() => figure(page, "Practice days").textContent()).toBe("1 of 5");
    expect(await page.locator(".week-day.today").getAttribute("class")).toContain("done");
    await page
      .locator(".week-day.today")
      .getByText(/: a practice day/)
      .waitFor({ state: "attached" });

    const sessions = (await eventsInForce(page)).filter((e) => e.type === "session");
    expect(sessions.map((s) => s.data.kind)).toEqual(["micro", "micro"]);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("offers no desk snack on an emergency day, not even at the snack's own address", async () => {
    const { page, context } = await openApp(browser);
    await completeFirstRun(page);
    await checkInDeskDay(page, [SADDLE]);
    await page.getByRole("heading", { name: "Seek emergency care now" }).waitFor();
    await page.goto(appUrl("player?snack=desk"));
    await page.reload();
    await page.getByRole("heading", { name: "No session to run" }).waitFor();
    expect(await page.getByRole("button", { name: /Start|Pause/ }).count()).toBe(0);
    const sessions = (await eventsInForce(page)).filter((e) => e.type === "session");
    expect(sessions).toEqual([]);
    await context.close();
  });

  it("shows a walk logged in one tap in the week, and undoes it", async () => {
    const { page, context } = await openApp(browser, { colorScheme: "dark" });
    await completeFirstRun(page);
    await checkInDeskDay(page);
    const walking = figure(page, "Walking");
    await expect.poll(() => walking.textContent()).toBe("0 of 150 min");

    await page
      .getByRole("group", { name: "Log a walk" })
      .getByRole("button", { name: "20 min" })
      .click();
    await page.getByText("Walk logged: 20 minutes.").waitFor();
    await expect.poll(() => walking.textContent()).toBe("20 of 150 min");
    await page.getByRole("button", { name: "Log strength work (20 min)" }).click();
    await expect.poll(() => figure(page, "Strength days").textContent()).toBe("1 of 2");
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Undo" }).click();
    await expect.poll(() => figure(page, "Strength days").textContent()).toBe("0 of 2");
    await expect.poll(() => walking.textContent()).toBe("20 of 150 min");
    const kinds = (await storedEvents(page)).map((e) => e.type);
    expect(kinds.filter((k) => k === "activity")).toHaveLength(2);
    expect(kinds.filter((k) => k === "retract")).toHaveLength(1);

    // The walk is still there after a reload: it was stored, not only shown.
    await page.reload();
    await expect.poll(() => figure(page, "Walking").textContent()).toBe("20 of 150 min");
    await context.close();
  });

  it("shows the reminder as a notification at its time, naming the anchor", async () => {
    const { page, context } = await openApp(browser);
    await context.grantPermissions(["notifications"]);
    // A Wednesday morning, on the page's own clock.
    await page.clock.install({ time: new Date(2026, 10, 25, 7, 0) });
    await page.reload();
    await completeFirstRun(page);
    await page.goto(appUrl("settings"));
    await page.getByLabel("Time").fill("07:20");
    await page.getByRole("button", { name: "Save reminder" }).click();
    await page.getByText("Reminder days and time saved.").waitFor();
    await page.getByRole("checkbox", { name: "Notify me on this device" }).check();
    await page.getByText("Notifications are on for this device.").waitFor();
    // Activated, not only active: `ready` comes while the worker is still activating, before
    // its registration is stored, and a notification shown through it then can be dropped.
    await page.evaluate(async () => {
      const { active } = await navigator.serviceWorker.ready;
      if (!active || active.state === "activated") return;
      await new Promise<void>((resolve) => {
        active.addEventListener("statechange", () => {
          if (active.state === "activated") resolve();
        });
      });
    });

    const shown = () =>
      page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        const all = (await registration?.getNotifications()) ?? [];
        return all.map((n) => `${n.title}: ${n.body}`);
      });
    await page.clock.runFor(19 * MINUTE);
    expect(await shown()).toEqual([]);
    await page.clock.runFor(2 * MINUTE);
    // Showing a notification goes through the browser's own service, which can take a while on
    // a busy machine.
    await expect
      .poll(shown, { timeout: 15_000 })
      .toEqual(["Limber: After my morning coffee: time for today's few minutes of Limber."]);
    await context.close();
  });

  it("saves the reminder, the work hours, and notifications for this device", async () => {
    const { page, context } = await openApp(browser);
    await context.grantPermissions(["notifications"]);
    await completeFirstRun(page);
    await page.goto(appUrl("settings"));
    await page.getByLabel("Time").fill("06:45");
    await page.getByRole("button", { name: "Save reminder" }).click();
    await page.getByText("Reminder days and time saved.").waitFor();
    await page.getByLabel("Work starts").fill("08:30");
    await page.getByLabel("Work ends").fill("16:30");
    await page.getByRole("button", { name: "Save work hours" }).click();
    await page.getByText(/Work hours saved/).waitFor();
    await page.getByRole("checkbox", { name: "Notify me on this device" }).check();
    await page.getByText("Notifications are on for this device.").waitFor();

    await page.getByLabel("Work starts").fill("17:00");
    await page.getByRole("button", { name: "Save work hours" }).click();
    await page
      .getByRole("alert")
      .getByText(/The work window ends after it starts\./)
      .waitFor();

    const settings = (await storedEvents(page)).filter((e) => e.type === "settings");
    expect(settings.map((s) => s.data.reminder ?? s.data.workWindow).filter(Boolean)).toEqual([
      { days: ["MO", "TU", "WE", "TH", "FR"], time: "06:45" },
      { start: "08:30", end: "16:30" },
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
