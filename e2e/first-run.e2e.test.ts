import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appUrl, axeViolations, launch, openApp } from "./support/browser.ts";
import { checkIn, completeFirstRun } from "./support/flows.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe("first run and a calm morning", () => {
  it("shows the disclaimer first, then region, habit and warning signs, and keeps the settings", async () => {
    const { page, context } = await openApp(browser);
    await page.getByText(/not diagnosis or treatment/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await completeFirstRun(page, "GB");
    await page.reload();
    await page.getByRole("heading", { name: "How is your back today?" }).waitFor();
    await page.goto(appUrl("settings"));
    await page.getByRole("heading", { name: "Settings" }).waitFor();
    expect(await page.getByLabel("Where you live").inputValue()).toBe("GB");
    expect(await page.getByText("Call 999").count()).toBe(1);
    await context.close();
  });

  it("plans a standard session in three taps, with its reasons one tap away", async () => {
    const { page, context } = await openApp(browser);
    await completeFirstRun(page);
    expect(await axeViolations(page)).toEqual([]);
    await checkIn(page, { back: "Calm" });
    await page.getByRole("heading", { name: /^Today · \d+ min$/ }).waitFor();
    await page.getByText("Warm up, move, stretch, then hinge and strengthen.").waitFor();
    const blocks = page.locator("ol.blocks > li");
    expect(await blocks.count()).toBe(5);
    expect(await blocks.first().getByRole("heading").textContent()).toContain("Box breathing");
    await blocks.nth(2).getByText("Why?").click();
    const hold = blocks.nth(2).locator('a[href="#/learn?rule=R-DOSE-HOLD"]');
    expect(await hold.isVisible()).toBe(true);
    expect(await blocks.nth(2).locator(".why").textContent()).not.toMatch(/\bR-[A-Z]/);
    expect(await blocks.nth(2).getByRole("link", { name: "Bandy 1994" }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
