import { readFile } from "node:fs/promises";
import { LESSONS, RULES } from "@limber/core";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appUrl, axeViolations, launch, openApp } from "./support/browser.ts";
import { checkIn, completeFirstRun } from "./support/flows.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe("Learn and reminders", () => {
  it("opens every lesson from the Learn index, and a plan's reason leads to its lesson", async () => {
    const { page, context } = await openApp(browser);
    await completeFirstRun(page, "GB");
    await checkIn(page, { back: "Calm" });
    const strap = page.locator("ol.blocks > li", { hasText: "Strap stretch" });
    await strap.getByText("Why?").click();
    // The link reads "Read the lesson": the rule's id is for clinicians, not the person's sentences.
    const learnMore = strap.locator('a[href="#/learn?rule=R-DOSE-HOLD"]');
    expect(await learnMore.textContent()).toBe("Read the lesson");
    await learnMore.click();
    await page.getByRole("heading", { name: "The rules this explains" }).waitFor();
    expect(await page.getByText(RULES["R-DOSE-HOLD"].text).count()).toBeGreaterThan(0);
    expect(await page.getByText(/\bR-[A-Z]/).count()).toBe(0);

    await page.getByRole("link", { name: "Learn", exact: true }).click();
    await page.getByRole("heading", { name: "Learn", exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    for (const lesson of LESSONS) {
      await page.goto(appUrl("learn"));
      await page.getByRole("link", { name: lesson.title }).click();
      await page.getByRole("heading", { name: lesson.title, level: 1 }).waitFor();
      expect(await page.getByRole("heading", { level: 2 }).count()).toBeGreaterThanOrEqual(
        lesson.screens.length,
      );
    }
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("downloads a calendar reminder that names the anchor", async () => {
    const { page, context } = await openApp(browser);
    await completeFirstRun(page, "GB");
    await page.goto(appUrl("settings"));
    await page.getByRole("heading", { name: "Reminders" }).waitFor();
    await page.getByRole("checkbox", { name: "Saturday" }).check();
    await page.getByLabel("Time").fill("06:45");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download calendar reminder" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("limber-reminder.ics");
    const calendar = await readFile(await download.path(), "utf8");
    expect(calendar).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(calendar).toContain("SUMMARY:Limber\\, after my morning coffee");
    expect(calendar).toMatch(/RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA/);
    expect(calendar).toMatch(/DTSTART(;TZID=[^:]+)?:\d{8}T064500/);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
