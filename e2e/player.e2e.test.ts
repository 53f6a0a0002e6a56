import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launch, openApp } from "./support/browser.ts";
import {
  checkIn,
  completeFirstRun,
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
    await rateSession(page);
    await page.getByText(/Today is a practice day/).waitFor();

    const sessions = (await storedEvents(page)).filter((e) => e.type === "session");
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

  it("softens a stretch and eases a nerve-y floss on the spot, and records both", async () => {
    const { page, context } = await openApp(browser);
    await page.clock.install();
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
    await page.getByRole("button", { name: "Skip exercise" }).click();
    await page.getByRole("heading", { name: /Strap stretch/ }).waitFor();
    await page.clock.runFor(10_500);
    await page.getByRole("button", { name: "Soften" }).click();
    await page.getByText("Softened. Breathe smoothly; this is the right amount today.").waitFor();
    // Some of the softened hold done: a session with every step skipped is no practice (R-TIME).
    await page.clock.runFor(5_000);
    await page.getByRole("button", { name: "Finish" }).click();
    await rateSession(page);
    await page.getByText(/Today is a practice day/).waitFor();
    const [session] = (await storedEvents(page)).filter((e) => e.type === "session");
    const blocks = session?.data.blocks as {
      variant: string;
      softened?: boolean;
      nerveSwitch?: boolean;
    }[];
    expect(blocks.find((b) => b.nerveSwitch)?.variant).toBe("floss-nerve-slider");
    expect(blocks.find((b) => b.softened)?.variant).toMatch(/^strap-/);
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
    const before = await page.locator(".player > p.small").first().textContent();
    await page.reload();
    await page.getByRole("heading", { name: /floss/i }).waitFor();
    expect(await page.getByRole("button", { name: "Pause" }).isVisible()).toBe(true);
    expect(await page.locator(".player > p.small").first().textContent()).toMatch(/^2 of 5/);
    expect(before).toMatch(/^2 of 5/);
    await context.close();
  });
});
