import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, openApp } from "./support/browser.ts";
import { completeFirstRun, eventsInForce, installMorningClock } from "./support/flows.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** Presses Tab until the focused element's accessible name matches, as a keyboard user would. */
async function tabTo(page: Page, name: RegExp, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return "";
      const label = el.closest("label")?.textContent ?? "";
      return `${el.getAttribute("aria-label") ?? ""} ${el.textContent ?? ""} ${label}`.trim();
    });
    if (name.test(focused)) return;
  }
  throw new Error(`no focusable element named ${name} within ${limit} tabs`);
}

describe("keyboard only", () => {
  it("completes the calm path: check-in, plan, session, and how it felt", async () => {
    const { page, context } = await openApp(browser);
    await installMorningClock(page);
    await page.reload();
    await completeFirstRun(page);

    // First run has just asked the warning signs: the check-in does not ask them again.
    await tabTo(page, /^Calm$/);
    await page.keyboard.press("Space");
    await tabTo(page, /See today's plan/);
    await page.keyboard.press("Enter");
    await tabTo(page, /^Start$/);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: /Box breathing/ }).waitFor();
    await tabTo(page, /^Start$/);
    await page.keyboard.press("Enter");
    await page.clock.fastForward(11 * 60_000);
    await page.clock.runFor(1_000);

    await page.getByRole("heading", { name: "How did that feel?" }).waitFor();
    await tabTo(page, /^Comfortable$/);
    await page.keyboard.press("Space");
    await tabTo(page, /^Yes$/);
    await page.keyboard.press("Space");
    await tabTo(page, /^None$/);
    await page.keyboard.press("Space");
    await tabTo(page, /^Save$/);
    await page.keyboard.press("Enter");
    await page.getByText(/Today is a practice day/).waitFor();
    expect((await eventsInForce(page)).filter((e) => e.type === "session")).toHaveLength(1);
    await context.close();
  });
});
