import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD, signIn, syncNow } from "./support/account.ts";
import { appUrl, axeViolations, launch, openApp } from "./support/browser.ts";
import {
  checkIn,
  completeFirstRun,
  finishSession,
  installMorningClock,
  rateSession,
} from "./support/flows.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const SADDLE = "Numbness or changed feeling around the groin, genitals or back passage";

/** Runs axe on the screen now showing and names it in any failure. */
async function expectClean(page: Page, screen: string): Promise<void> {
  expect({ screen, violations: await axeViolations(page) }).toEqual({ screen, violations: [] });
}

describe.each(["light", "dark"] as const)(
  "every screen in %s mode passes axe (WCAG 2.2 AA)",
  (colorScheme) => {
    it("first run, check-in, plan, player, after the session, history, settings and sources", async () => {
      const { page, context } = await openApp(browser, { colorScheme });
      await installMorningClock(page);
      await page.reload();
      await page.getByRole("heading", { name: "Welcome to Limber" }).waitFor();
      await expectClean(page, "welcome");
      await page.getByRole("button", { name: "I understand" }).click();
      await page.getByLabel("Where you live").selectOption("IE");
      await expectClean(page, "region");
      await page.getByRole("button", { name: "Next" }).click();
      await expectClean(page, "habit");
      await page.getByRole("button", { name: "Next" }).click();
      await expectClean(page, "warning signs");
      await page.getByRole("button", { name: "None of these apply" }).click();
      await page.getByRole("heading", { name: "How is your back today?" }).waitFor();
      await page.getByText("Pain and more context (optional)").click();
      await expectClean(page, "check-in with context open");
      await checkIn(page, { back: "Okay", leg: "In one leg, steady" });
      await page
        .getByText(/symptoms in one leg/)
        .first()
        .waitFor();
      for (const why of await page.getByText(/^Why/).all()) await why.click();
      await expectClean(page, "plan with caution and every reason open");
      await page
        .getByRole("link", { name: /^How to do/ })
        .first()
        .click();
      await page.locator(".how-steps svg .person").first().waitFor();
      await expectClean(page, "how to");
      await page.getByRole("link", { name: "Back to today's plan" }).click();
      await page.getByRole("button", { name: "Start" }).click();
      await page.getByRole("button", { name: "Start" }).click();
      await page.clock.runFor(12_000);
      await expectClean(page, "player running");
      await page.getByRole("button", { name: "Pause" }).click();
      await expectClean(page, "player paused");
      await page.getByRole("button", { name: /^How to do/ }).click();
      await page.locator(".how-steps svg .person").first().waitFor();
      await expectClean(page, "how to, in the player");
      await page.getByRole("button", { name: "Back to the session" }).click();
      await finishSession(page);
      await page.getByRole("heading", { name: "How did that feel?" }).waitFor();
      await page.getByText("Pain now and a note (optional)").click();
      await expectClean(page, "after the session");
      await rateSession(page);
      await page.getByText(/Today is a practice day/).waitFor();
      await expectClean(page, "today, done");
      await page.goto(appUrl("history"));
      await page.getByRole("heading", { name: "History" }).waitFor();
      await expectClean(page, "history");
      await page.goto(appUrl("settings"));
      await page.getByRole("heading", { name: "Settings" }).waitFor();
      await expectClean(page, "settings");
      await page.goto(appUrl("sources"));
      await page.getByRole("heading", { name: "Sources" }).waitFor();
      await expectClean(page, "sources");
      await context.close();
    });

    it("settings signed in and signed out, and every question it asks about your data", async () => {
      const { page, context } = await openApp(browser, { colorScheme });
      await completeFirstRun(page, "GB");
      await page.goto(appUrl("settings"));
      await page.getByRole("button", { name: "Remove Limber's data from this device" }).click();
      await page.getByRole("dialog").waitFor();
      await expectClean(page, "removing this device's data");
      await page.keyboard.press("Escape");
      await signIn(page, `axe.${colorScheme}@example.org`, true);
      await syncNow(page);
      await expectClean(page, "settings, signed in");
      await page
        .getByRole("button", { name: "Delete my account and everything on the server" })
        .click();
      await page.getByRole("dialog").waitFor();
      await expectClean(page, "deleting the account");
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.getByRole("dialog").waitFor();
      await expectClean(page, "signing out");
      await page.getByRole("button", { name: "Keep this device's copy" }).click();
      await page.getByText(/This device holds the entries of/).waitFor();
      await expectClean(page, "settings, signed out with this device's copy kept");
      await page.getByLabel("Email").fill(`someone.else.${colorScheme}@example.org`);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.getByRole("dialog").waitFor();
      await expectClean(page, "signing in to another account");
      await context.close();
    });

    it("the emergency and see-clinician screens", async () => {
      const { page, context } = await openApp(browser, { colorScheme });
      await page.getByRole("button", { name: "I understand" }).click();
      await page.getByLabel("Where you live").selectOption("BR");
      await page.getByRole("button", { name: "Next" }).click();
      await page.getByRole("button", { name: "Next" }).click();
      await page.getByRole("button", { name: "One or more apply" }).click();
      await page.getByText(/Please tick each one/).waitFor();
      await expectClean(page, "check-in after signs apply");
      await checkIn(page, {
        back: "Grumpy",
        signs: ["A history of cancer, and this back pain is new"],
      });
      await page.getByRole("heading", { name: "Please check with a clinician first" }).waitFor();
      await expectClean(page, "see a clinician");
      await page.getByRole("button", { name: "Check in again" }).click();
      await checkIn(page, { back: "Grumpy", signs: [SADDLE] });
      await page.getByRole("heading", { name: "Seek emergency care now" }).waitFor();
      expect(await page.getByRole("link", { name: "Call 112" }).getAttribute("href")).toBe(
        "tel:112",
      );
      await expectClean(page, "emergency");
      await page.getByRole("button", { name: "I understand" }).click();
      await expectClean(page, "emergency day");
      await context.close();
    });
  },
);
