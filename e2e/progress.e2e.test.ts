import { readFile } from "node:fs/promises";
import {
  addDays,
  functionProgress,
  painChange,
  parseCsv,
  project,
  rangeProgress,
} from "@limber/core";
import type { Browser, Page } from "playwright-core";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appUrl, axeViolations, launch, openApp } from "./support/browser.ts";
import { storedEvents } from "./support/flows.ts";
import { type SeededHistory, seedEightWeeks } from "./support/seed.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** The core's own statements for the seeded history, which the screens must show word for word. */
function statements(history: SeededHistory) {
  const state = project(history.events);
  const pain = painChange(state, history.today, 8);
  const fn = functionProgress(state, history.today).change;
  const sides = rangeProgress(state, history.today).sides;
  if (!pain || !fn || sides.length !== 2) throw new Error("the seeded history has no changes");
  return { pain: pain.text, function: fn.text, range: sides.map((s) => s.change?.text ?? "") };
}

async function open(page: Page, route: string, heading: string): Promise<void> {
  await page.goto(appUrl(route));
  await page.getByRole("heading", { name: heading, level: 1 }).waitFor();
}

describe("progress that means something", () => {
  it("shows eight weeks as a calendar, a searchable journal and charts that say what changed", async () => {
    const { page, context } = await openApp(browser);
    const history = await seedEightWeeks(page);
    const said = statements(history);
    expect(said.pain).toMatch(
      /^Pain eased from [45]\.\d to 2\.0 in \d weeks: a meaningful change\.$/,
    );
    expect(said.range[1]).toMatch(/^Within measurement error: right knee /);

    await open(page, "history", "History");
    const weeks = await page.locator(".calendar-week").count();
    expect(weeks === 8 || weeks === 9).toBe(true);
    expect(await page.getByText("5 of 5 practice days").count()).toBeGreaterThanOrEqual(6);
    expect(await page.getByText(/streak/i).count()).toBe(0);
    // A day opens from the keyboard and shows its check-in, plan, session and note.
    const day = page.getByRole("button", { name: /a note/ }).first();
    await day.focus();
    await page.keyboard.press("Enter");
    const detail = page.locator("#day-detail");
    await detail.waitFor();
    expect(await day.getAttribute("aria-expanded")).toBe("true");
    await detail.getByText("picking up the laundry basket").waitFor();
    expect(await detail.textContent()).toMatch(/Back (calm|okay|grumpy), pain \d of 10\./);
    expect(await detail.textContent()).toMatch(/The plan offered a (full|gentle) session\./);

    await open(page, "journal", "Journal");
    await page.getByLabel("Search your notes").fill("shopping STAIRS");
    await page.getByText("1 note matches.").waitFor();
    await page.getByText(history.noteText).waitFor();
    await page.getByLabel("Search your notes").fill("xylophone");
    await page.getByText("0 notes match.").waitFor();
    // A note for an earlier day lands on that day.
    await page
      .getByLabel("Your note", { exact: true })
      .fill("Gardening for an hour, back fine after");
    await page.getByLabel("For the day").fill(addDays(history.today, -2));
    await page.getByRole("button", { name: "Save note" }).click();
    await page.getByText(/^Note saved for/).waitFor();
    await page.getByLabel("Search your notes").fill("garden");
    await page.getByText("Gardening for an hour, back fine after").waitFor();
    const notes = (await storedEvents(page)).filter((e) => e.type === "note");
    expect(notes.map((e) => (e as unknown as { day: string }).day)).toContain(
      addDays(history.today, -2),
    );

    await open(page, "progress", "Progress");
    await page.locator(".chart-canvas canvas").nth(2).waitFor();
    expect(await page.locator(".chart-canvas canvas").count()).toBe(3);
    const summaries = await page.locator(".chart-summary").allTextContents();
    expect(summaries[0]).toBe(said.pain);
    expect(summaries[1]).toBe(said.function);
    expect(summaries[2]).toBe(said.range.join(" "));
    // The drawing is hidden from screen readers; the words are not.
    expect(await page.locator(".chart-canvas").first().getAttribute("aria-hidden")).toBe("true");
    await page.getByText("picking up the laundry basket").waitFor();
    await page.getByText(/poor-sleep days the back was grumpy/).waitFor();
    await context.close();
  });

  it("measures the knee with the phone as an inclinometer: level on the floor, then the shin held still", async () => {
    const { page, context } = await openApp(browser);
    await seedEightWeeks(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send("DeviceOrientation.setDeviceOrientationOverride", {
      alpha: 10,
      beta: 1,
      gamma: -1,
    });
    await open(page, "range-test", "Range test");
    await page.getByRole("radio", { name: "Right" }).check();
    await page.getByRole("button", { name: "Start with the phone" }).click();
    await page.getByRole("heading", { name: "Setting level" }).waitFor();
    await page.getByRole("heading", { name: "Measuring your right knee" }).waitFor();
    // On the shin: tilted 62° from the calibrated level, so 28° short of straight.
    await cdp.send("DeviceOrientation.setDeviceOrientationOverride", {
      alpha: 40,
      beta: 63,
      gamma: -1,
    });
    await page.getByRole("heading", { name: "Captured" }).waitFor();
    expect(await page.locator(".angle").textContent()).toBe("28°");
    await page.getByRole("button", { name: "Save this measurement" }).click();
    await page.getByText("Saved: right knee 28° short of straight.").waitFor();
    const measured = (await storedEvents(page)).filter((e) => e.type === "measurement");
    expect(measured.map((e) => e.data)).toContainEqual({
      test: "ake",
      side: "right",
      deficitDegrees: 28,
      method: "inclinometer",
    });
    await page
      .getByRole("region", { name: "Right knee" })
      .getByText("right knee straightened further, from 35° to 28° short of straight")
      .waitFor();

    // By hand, with a clear message for an angle out of range.
    await page.getByLabel(/Degrees short of straight/).fill("95");
    await page.getByRole("button", { name: "Save the angle" }).click();
    await page.getByText("Enter the angle as a number of degrees from 0 to 90.").waitFor();
    await page.getByLabel(/Degrees short of straight/).fill("24");
    await page.getByRole("button", { name: "Save the angle" }).click();
    await page.getByText("Saved: right knee 24° short of straight.").waitFor();
    const manual = (await storedEvents(page)).filter((e) => e.type === "measurement");
    expect(manual.map((e) => e.data)).toContainEqual({
      test: "ake",
      side: "right",
      deficitDegrees: 24,
      method: "manual",
    });

    // The optional sit-and-reach, by hand.
    await page.getByLabel("Reach in centimetres").fill("70");
    await page.getByRole("button", { name: "Save the reach" }).click();
    await page.getByText(/Enter the reach in centimetres/).waitFor();
    await page.getByLabel("Reach in centimetres").fill("-4.5");
    await page.getByRole("button", { name: "Save the reach" }).click();
    await page.getByText("Saved: a reach of -4.5 cm.").waitFor();
    const reach = (await storedEvents(page)).filter((e) => e.data.test === "sit-and-reach");
    expect(reach.map((e) => e.data)).toContainEqual({ test: "sit-and-reach", cm: -4.5 });
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("prints the clinician summary and makes a PDF on the device that holds the figures", async () => {
    const { page, context } = await openApp(browser);
    const history = await seedEightWeeks(page);
    const pain = painChange(project(history.events), history.today, 12)?.text ?? "";
    expect(pain).toMatch(/^Pain eased from \d\.\d to 2\.0/);
    await open(page, "report", "Summary for a clinician");
    await page.getByRole("radio", { name: "12 weeks" }).check();
    await page.getByRole("checkbox", { name: "Include my notes" }).check();
    const report = page.locator("article.report");
    await report.getByText(pain).waitFor();
    await report.getByText(history.noteText, { exact: false }).waitFor();
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("nav.tabs").isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "Download PDF" }).isVisible()).toBe(false);
    expect(await report.isVisible()).toBe(true);
    await page.emulateMedia({ media: "screen" });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download PDF" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^limber-summary-\d{4}-\d{2}-\d{2}-to-.*\.pdf$/);
    const bytes = new Uint8Array(await readFile(await download.path()));
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    const pdf = await getDocumentProxy(bytes);
    const { text } = await extractText(pdf, { mergePages: true });
    const words = text.replace(/\s+/g, " ");
    expect(words).toContain(pain.split(":")[0]);
    expect(words).toContain("Tying my shoes: 3 on");
    expect(words).toContain(history.noteText);
    expect(words).toMatch(/Left knee straightened further, from 38° to 26°/);
    await context.close();
  });

  it("asks for the weekly activity rating on Today, saves it, and exports CSV files", async () => {
    const { page, context } = await openApp(browser);
    const history = await seedEightWeeks(page);
    await page.getByRole("link", { name: "rate your everyday activities" }).click();
    await page.getByRole("heading", { name: "Everyday activities", level: 1 }).waitFor();
    await page.getByText("It has been a week or more since your last rating.").waitFor();
    for (const activity of history.goals) {
      await page.getByRole("group", { name: activity }).getByRole("radio", { name: "8" }).check();
    }
    await page.getByRole("button", { name: "Save ratings" }).click();
    await page.getByText("Ratings saved.").waitFor();
    const ratings = (await storedEvents(page)).filter((e) => e.type === "goal-rating");
    expect(ratings.filter((e) => e.data.rating === 8)).toHaveLength(2);
    await page.getByLabel("An everyday activity").fill("Getting up from the sofa");
    await page.getByRole("button", { name: "Add activity" }).click();
    await page.getByRole("group", { name: "Getting up from the sofa" }).waitFor();
    await page.getByText("You have named 3. Remove one to name a different activity.").waitFor();
    await page.goto(appUrl());
    await page.getByText(/Today is a practice day/).waitFor();
    expect(await page.getByRole("link", { name: "rate your everyday activities" }).count()).toBe(0);

    await open(page, "settings", "Settings");
    await page.getByText("Export as spreadsheets (CSV)").click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: /^Download CSV: Notes \(4 rows\)$/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^limber-\d{4}-\d{2}-\d{2}-note\.csv$/);
    const rows = parseCsv(await readFile(await download.path(), "utf8"));
    expect(rows[0]).toEqual(["id", "at", "day", "v", "data.text"]);
    expect(rows.map((row) => row[4])).toContain(history.noteText);
    await context.close();
  });
});

describe.each(["light", "dark"] as const)("the progress screens in %s mode", (colorScheme) => {
  it("pass axe (WCAG 2.2 AA) on every screen and state", async () => {
    const { page, context } = await openApp(browser, { colorScheme });
    await seedEightWeeks(page);
    const clean = async (screen: string) =>
      expect({ screen, violations: await axeViolations(page) }).toEqual({ screen, violations: [] });
    await open(page, "history", "History");
    await page
      .getByRole("button", { name: /a note/ })
      .first()
      .click();
    await page.locator("#day-detail").waitFor();
    await clean("history with a day open");
    await open(page, "progress", "Progress");
    await page.locator(".chart-canvas canvas").nth(2).waitFor();
    for (const figures of await page.getByText("The figures").all()) await figures.click();
    await clean("progress with the figures open");
    await open(page, "journal", "Journal");
    await page.getByLabel("Search your notes").fill("easier");
    await clean("journal");
    await open(page, "goals", "Everyday activities");
    await clean("goals");
    await open(page, "range-test", "Range test");
    await clean("range test");
    await open(page, "report", "Summary for a clinician");
    await page.getByRole("checkbox", { name: "Include my notes" }).check();
    await clean("clinician summary");
    await open(page, "settings", "Settings");
    await page.getByText("Export as spreadsheets (CSV)").click();
    await clean("settings with the CSV files");
    await page.goto(appUrl());
    await page.getByRole("link", { name: "rate your everyday activities" }).waitFor();
    await clean("today with the rating prompt");
    await context.close();
  });
});
