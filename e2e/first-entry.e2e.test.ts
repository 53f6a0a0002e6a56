import { readFile } from "node:fs/promises";
import { addDays, daysBetween, weekStartOf } from "@limber/core";
import type { Browser } from "playwright-core";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appUrl, launch, openApp } from "./support/browser.ts";
import { eightWeeks, event, pageToday, seedEvents } from "./support/seed.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe("History and the summary start where the person started", () => {
  it("shows no weeks before a first entry 3 weeks ago, and a one-page PDF with the name at its top", async () => {
    const { page, context } = await openApp(browser);
    await page.getByRole("heading", { name: "Welcome to Limber" }).waitFor();
    const today = await pageToday(page);
    const started = addDays(today, -20);
    const days = eightWeeks(today).events.filter((e) => e.day >= started && e.type !== "settings");
    await seedEvents(page, [
      event("settings", started, "07:00", { disclaimerAccepted: true, region: "GB" }),
      ...days,
    ]);
    await page.getByRole("navigation", { name: "Main" }).waitFor();
    const weeks = daysBetween(weekStartOf(started), weekStartOf(today)) / 7 + 1;

    await page.goto(appUrl("history"));
    await page.getByRole("heading", { name: "History", level: 1 }).waitFor();
    expect(await page.locator(".calendar-week").count()).toBe(weeks);
    // Every day from the first entry to today, and none before it.
    expect(await page.locator(".calendar .day-cell button").count()).toBe(21);

    await page.goto(appUrl("report"));
    await page.getByRole("heading", { name: "Summary for a clinician", level: 1 }).waitFor();
    await page.getByLabel("Your name on the summary (optional)").fill("  Ana   Example ");
    const report = page.locator("article.report");
    await report.getByText("Name: Ana Example").waitFor();
    await report.getByText(`(${weeks} weeks, from the first entry)`, { exact: false }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download PDF" }).click(),
    ]);
    const pdf = await getDocumentProxy(new Uint8Array(await readFile(await download.path())));
    expect(pdf.numPages).toBe(1);
    const { text } = await extractText(pdf, { mergePages: true });
    expect(text.replace(/\s+/g, " ")).toMatch(/^Limber: progress report Name: Ana Example /);
    await context.close();
  });
});
