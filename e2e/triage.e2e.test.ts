import { addDays } from "@limber/core";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appUrl, axeViolations, launch, openApp } from "./support/browser.ts";
import { checkIn, completeFirstRun } from "./support/flows.ts";
import { event, pageToday, seedEvents } from "./support/seed.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const SADDLE = "Numbness or changed feeling around the groin, genitals or back passage";

describe("warning signs (R-TRIAGE-*)", () => {
  it("saddle numbness in the US shows 911 as a call link and no way to start, all day", async () => {
    const { page, context } = await openApp(browser);
    await completeFirstRun(page, "US");
    await checkIn(page, { back: "Okay", signs: [SADDLE] });
    await page.getByRole("heading", { name: "Seek emergency care now" }).waitFor();
    const call = page.getByRole("link", { name: "Call 911" });
    expect(await call.getAttribute("href")).toBe("tel:911");
    expect(await page.getByRole("button", { name: "Start" }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "I understand" }).click();
    await page.getByRole("heading", { name: "No practice today" }).waitFor();
    // Neither the player's address nor a reload can start a session (R-TRIAGE-NO-BYPASS).
    await page.goto(appUrl("player"));
    await page.reload();
    expect(await page.getByRole("button", { name: /Start|Pause/ }).count()).toBe(0);
    await page.goto(appUrl());
    await page.getByRole("heading", { name: "Seek emergency care now" }).waitFor();
    await context.close();
  });

  it("a see-clinician sign pauses stretching, offers breathing and a walk, and resumes after a clearance", async () => {
    const { page, context } = await openApp(browser);
    await completeFirstRun(page, "GB");
    await checkIn(page, { back: "Okay", signs: ["Weight loss you cannot explain"] });
    await page.getByRole("heading", { name: "Please check with a clinician first" }).waitFor();
    expect(
      await page.getByText(/family doctor, a physiatrist or a physical therapist/).count(),
    ).toBeGreaterThan(0);
    const blocks = page.locator("ol.blocks > li h3");
    expect(await blocks.allTextContents()).toEqual([
      expect.stringMatching(/Box breathing/),
      expect.stringMatching(/walk/i),
    ]);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "A clinician has cleared me to practise" }).click();
    await page.getByRole("button", { name: "Yes, I have been cleared" }).click();
    // The clearance plans the day again: no second check-in.
    await page.getByText("Warm up, move, stretch, then hinge and strengthen.").waitFor();
    await context.close();
  });

  it("the day after an emergency is still paused, and a day of fever or infection is for rest (R-TRIAGE-FOLLOW-UP, R-TRIAGE-REST)", async () => {
    const { page, context } = await openApp(browser);
    await completeFirstRun(page, "GB");
    const today = await pageToday(page);
    await seedEvents(page, [
      event("checkin", addDays(today, -1), "07:00", { back: "okay", signs: ["fever-severe-pain"] }),
      event("checkin", today, "00:05", { back: "calm" }),
    ]);
    await page.getByRole("heading", { name: "Please check with a clinician first" }).waitFor();
    await page
      .getByText(/^Yesterday you reported: fever together with severe back pain\./)
      .first()
      .waitFor();
    await page.getByText("Rest and slow breathing today; the walk can wait.").waitFor();
    expect(await page.locator("ol.blocks > li h3").allTextContents()).toEqual([
      expect.stringMatching(/Box breathing/),
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("a grumpy morning plans bent-knee work with holds of 20 s or less", async () => {
    const { page, context } = await openApp(browser);
    await completeFirstRun(page);
    await checkIn(page, { back: "Grumpy" });
    await page.getByText("A gentle day: bent knees, short holds, one set.").waitFor();
    const strap = page.locator("ol.blocks > li", { hasText: "Strap stretch" });
    expect(await strap.getByRole("heading").textContent()).toMatch(/knee bent/);
    const dose = (await strap.locator(".dose").textContent()) ?? "";
    expect(Number(/× (\d+) s/.exec(dose)?.[1])).toBeLessThanOrEqual(20);
    expect(await page.getByText(/Warmth on your low back/).count()).toBe(1);
    await context.close();
  });
});
