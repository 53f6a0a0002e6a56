import { VARIANTS } from "@limber/core";
import { howToSteps } from "@limber/core/words";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appUrl, axeViolations, launch, openApp } from "./support/browser.ts";
import { checkIn, completeFirstRun, startCalmSession } from "./support/flows.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const figure = (page: Page) => page.locator(".player svg.illustration").first();
const poseNow = (page: Page) => figure(page).getAttribute("data-pose");
/** How far through its movement the figure is, from its reading ("left near 0.250"). */
const through = async (page: Page) => Number((await poseNow(page))?.split(" ")[2]);

describe("exercise pictures a beginner can follow", () => {
  it("gives every plan block a How to, opening the figure and its steps", async () => {
    const { page, context } = await openApp(browser);
    await completeFirstRun(page);
    await checkIn(page, { back: "Calm" });
    await page.getByRole("heading", { name: /^Today/ }).waitFor();
    const blocks = page.locator("ol.blocks > li");
    const count = await blocks.count();
    expect(count).toBeGreaterThanOrEqual(5);
    for (let i = 0; i < count; i++) {
      const block = blocks.nth(i);
      const name = (await block.getByRole("heading").textContent())?.replace(/^\d+\. /, "") ?? "";
      const variant = VARIANTS.find((v) => v.name === name);
      expect(variant, name).toBeDefined();
      // The plan card's own picture is drawn, not a placeholder.
      await block.locator("svg .person").first().waitFor();
      await block.getByRole("link", { name: `How to do ${name}` }).click();
      await page.getByRole("heading", { name: `How to: ${name}`, level: 1 }).waitFor();
      const steps = page.locator(".how-steps > li");
      if (!variant) continue;
      expect(await steps.count()).toBe(howToSteps(variant).length);
      for (const step of await steps.all()) {
        await step.locator("svg[role=img] .person").first().waitFor();
        expect(await step.locator("p").textContent()).toMatch(/\w+/);
      }
      for (const heading of ["As you go", "It should feel like", "Soften or stop when"]) {
        expect(await page.getByRole("heading", { name: heading }).isVisible()).toBe(true);
      }
      await page.getByRole("link", { name: "Back to today's plan" }).click();
      await page.getByRole("heading", { name: /^Today/ }).waitFor();
    }
    await context.close();
  });

  it("reaches every variant's steps from Learn", async () => {
    const { page, context } = await openApp(browser);
    await completeFirstRun(page);
    await page.goto(appUrl("learn"));
    await page.getByRole("link", { name: "How to do each exercise" }).click();
    await page.getByRole("heading", { name: "How to do each exercise" }).waitFor();
    expect(await page.locator("main li a").count()).toBe(VARIANTS.length);
    await page.getByRole("link", { name: "Strap stretch, knee straight" }).click();
    await page.getByRole("heading", { name: "How to: Strap stretch, knee straight" }).waitFor();
    expect(await page.getByText(/You need a mat or a rug and a strap/).isVisible()).toBe(true);
    await page.locator(".how-steps svg .person").first().waitFor();
    expect(await page.locator(".how-steps > li").count()).toBe(4);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "All exercises" }).click();
    await page.getByRole("heading", { name: "How to do each exercise" }).waitFor();
    await context.close();
  });

  it("fills most of the player's width and moves with the session's clock, stopping when it pauses", async () => {
    const { page, context } = await openApp(browser);
    await startCalmSession(page);
    await page.clock.runFor(1000);
    await figure(page).locator(".person").waitFor();
    const box = await figure(page).boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(280);

    // Box breathing: the belly rises through the breath in, and waits through its hold.
    const early = await poseNow(page);
    await page.clock.runFor(1500);
    const later = await poseNow(page);
    expect(early).toMatch(/^both near 0\.\d{3}$/);
    expect(later).not.toBe(early);

    await page.getByRole("button", { name: "Pause" }).click();
    await page.getByRole("button", { name: "Resume" }).waitFor();
    const paused = await poseNow(page);
    await page.clock.runFor(5000);
    expect(await poseNow(page)).toBe(paused);
    await page.getByRole("button", { name: "Resume" }).click();
    await page.clock.runFor(1000);
    expect(await poseNow(page)).not.toBe(paused);

    // The floss, left leg first: the figure is mirrored, and the knee moves as time passes.
    await page.getByRole("button", { name: "Skip exercise" }).click();
    await page.getByRole("heading", { name: /floss/i }).waitFor();
    await page.clock.runFor(10_500);
    await page.getByRole("heading", { name: /floss.*left/i }).waitFor();
    const left = await poseNow(page);
    expect(left).toMatch(/^left /);
    expect(await figure(page).locator("g[transform*='scale(-1 1)']").count()).toBe(1);
    await page.clock.runFor(1200);
    expect(await poseNow(page)).not.toBe(left);

    // The hinge: two moments of one rep differ; the same moment of the next rep is the same pose.
    await page.getByRole("button", { name: "Skip exercise" }).click();
    await page.getByRole("button", { name: "Skip exercise" }).click();
    await page.getByRole("heading", { name: /Hip hinge/ }).waitFor();
    await page.clock.runFor(10_000 + 1000);
    const down = await through(page);
    await page.clock.runFor(1500);
    const further = await through(page);
    expect(further - down).toBeGreaterThan(0.3);
    await page.clock.runFor(4500);
    expect(await through(page)).toBeCloseTo(down, 1);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  /** The seconds left in "1 of 5 · 6:26 left". */
  const secondsLeft = (text: string | null) => {
    const [, minutes, seconds] = text?.match(/(\d+):(\d\d) left/) ?? [];
    return Number(minutes) * 60 + Number(seconds);
  };

  it("opens the same steps with one tap on the figure, the session paused", async () => {
    const { page, context } = await openApp(browser);
    await startCalmSession(page);
    await page.clock.runFor(3000);
    const left = await page.locator(".player > p.small").first().textContent();
    await page.getByRole("button", { name: /^How to do Box breathing, knees bent/ }).click();
    await page.getByRole("heading", { name: "How to: Box breathing, knees bent" }).waitFor();
    expect(await page.locator(".how-steps > li").count()).toBe(3);
    await page.locator(".how-steps svg .person").first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.clock.runFor(20_000);
    await page.getByRole("button", { name: "Back to the session" }).click();
    await page.getByRole("button", { name: "Resume" }).waitFor();
    // The 20 s spent reading the steps did not count; a second may tick as the tap lands.
    const after = await page.locator(".player > p.small").first().textContent();
    expect(Math.abs(secondsLeft(after) - secondsLeft(left))).toBeLessThanOrEqual(1);
    await context.close();
  });

  it("shows the start and end still, side by side and labelled, under reduced motion", async () => {
    const { page, context } = await openApp(browser, { reducedMotion: true });
    await startCalmSession(page);
    await page.clock.runFor(2000);
    const pair = page.locator(".player .start-end");
    await pair.locator(".person").first().waitFor();
    expect(await pair.getAttribute("aria-label")).toBe(
      "Box breathing, knees bent: start and end, side by side",
    );
    expect(await pair.locator(".caption").allTextContents()).toEqual(["Start", "End"]);
    expect(await pair.locator("svg").count()).toBe(2);
    expect((await pair.boundingBox())?.width).toBeGreaterThanOrEqual(280);
    const still = await pair.innerHTML();
    await page.clock.runFor(3000);
    expect(await pair.innerHTML()).toBe(still);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
