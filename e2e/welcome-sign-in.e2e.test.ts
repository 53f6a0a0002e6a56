import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD, signIn, syncNow } from "./support/account.ts";
import { appUrl, axeViolations, launch, openApp } from "./support/browser.ts";
import { completeFirstRun, storedEvents } from "./support/flows.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** Opens the sign-in on the Welcome screen. */
async function openSignIn(page: Page): Promise<void> {
  await page.getByRole("heading", { name: "Welcome to Limber" }).waitFor();
  await page.getByRole("button", { name: "I already use Limber: sign in" }).click();
  await page.getByRole("heading", { name: "Sign in to your account" }).waitFor();
}

/** Signs in on the Welcome screen's open sign-in, as a person with Limber on another device would. */
async function signInFromWelcome(page: Page, email: string, create = false): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: create ? "Create account" : "Sign in" }).click();
}

/** The line under a setting that says where its value came from. */
const from = (page: Page, text: RegExp) => page.locator(".setting-from").filter({ hasText: text });

describe("a second device signs in from Welcome", () => {
  it("takes the account's settings, writes none of its own, and Settings names where each came from", async () => {
    const email = "second.device@example.org";
    const phone = await openApp(browser);
    await completeFirstRun(phone.page, "US");
    await signIn(phone.page, email, true);
    await syncNow(phone.page);

    const laptop = await openApp(browser, { colorScheme: "dark" });
    await openSignIn(laptop.page);
    expect(await axeViolations(laptop.page)).toEqual([]);
    await signInFromWelcome(laptop.page, email);
    // The account had a first run: no questions again, straight to the check-in.
    await laptop.page.getByRole("heading", { name: "How is your back today?" }).waitFor();
    const laptopSettings = (await storedEvents(laptop.page)).filter((e) => e.type === "settings");
    const phoneSettings = (await storedEvents(phone.page)).filter((e) => e.type === "settings");
    expect(laptopSettings.map((e) => e.id)).toEqual(phoneSettings.map((e) => e.id));

    await laptop.page.goto(appUrl("settings"));
    expect(await laptop.page.getByLabel("Where you live").inputValue()).toBe("US");
    await laptop.page.getByText("In an emergency Limber will show: Call 911").waitFor();
    await from(laptop.page, /^From another device, set on .+\.$/)
      .first()
      .waitFor();
    expect(await from(laptop.page, /^Set on this device/).count()).toBe(0);
    expect(await axeViolations(laptop.page)).toEqual([]);

    // One field changed on the laptop wins there and on the phone; the others stay the phone's.
    await laptop.page.getByLabel("When will you practise?").fill("while the kettle boils");
    await laptop.page.getByRole("button", { name: "Save anchor" }).click();
    await laptop.page.getByText("Anchor saved.").waitFor();
    await from(laptop.page, /^Set on this device on .+\.$/).waitFor();
    await syncNow(laptop.page);
    await syncNow(phone.page);
    await phone.page.goto(appUrl("settings"));
    expect(await phone.page.getByLabel("When will you practise?").inputValue()).toBe(
      "while the kettle boils",
    );
    expect(await phone.page.getByLabel("Where you live").inputValue()).toBe("US");
    await phone.page.getByText("In an emergency Limber will show: Call 911").waitFor();
    expect(await from(phone.page, /^From another device, set on/).count()).toBe(1);
    expect(await from(phone.page, /^Set on this device on/).count()).toBe(2);
    expect(await axeViolations(phone.page)).toEqual([]);
    await phone.context.close();
    await laptop.context.close();
  });

  it("sets up an account that holds nothing yet, after taking in what it holds", async () => {
    const { page, context } = await openApp(browser);
    await openSignIn(page);
    await signInFromWelcome(page, "new.on.welcome@example.org", true);
    await page.getByText("Your account has nothing set up yet.").waitFor();
    expect(await page.getByRole("button", { name: "I understand", exact: true }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "I understand: set up Limber" }).click();
    await page.getByLabel("Where you live").selectOption("JP");
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByRole("button", { name: "None of these apply" }).click();
    await page.getByRole("heading", { name: "How is your back today?" }).waitFor();
    const settings = (await storedEvents(page)).filter((e) => e.type === "settings");
    expect(settings.map((e) => e.data.region)).toEqual(["JP"]);
    await context.close();
  });
});
