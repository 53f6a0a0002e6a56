import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appUrl, launch, openApp } from "./support/browser.ts";
import { checkIn, completeFirstRun, rateSession } from "./support/flows.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const PASSWORD = "a quiet stretch before coffee";

async function account(page: Page, email: string, create: boolean): Promise<void> {
  await page.goto(appUrl("settings"));
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: create ? "Create account" : "Sign in" }).click();
  await page.getByText(`Signed in as ${email}`).waitFor();
}

async function syncNow(page: Page): Promise<void> {
  await page.goto(appUrl("settings"));
  await page.getByText(/Signed in as/).waitFor();
  await page.getByRole("button", { name: "Sync now" }).click();
  await page.getByText(/Last synced at/).waitFor();
}

describe("two devices, one account", () => {
  it("shows the same history and plan on a second device, and carries offline entries over after reconnecting", async () => {
    const phone = await openApp(browser);
    await completeFirstRun(phone.page, "GB");
    await checkIn(phone.page, { back: "Calm" });
    await phone.page.getByRole("button", { name: "Start" }).click();
    await phone.page.getByRole("button", { name: "Start" }).click();
    await phone.page.getByRole("button", { name: "Finish" }).click();
    await rateSession(phone.page);
    await phone.page.getByText(/You have practised today/).waitFor();
    // Signing in later sends what was recorded before.
    await account(phone.page, "two.devices@example.org", true);
    await syncNow(phone.page);

    const laptop = await openApp(browser);
    await completeFirstRun(laptop.page, "GB");
    await account(laptop.page, "two.devices@example.org", false);
    await syncNow(laptop.page);
    await laptop.page.goto(appUrl());
    await laptop.page.getByText(/You have practised today/).waitFor();
    await laptop.page.getByText("Warm up, move, stretch, then hinge and strengthen.").waitFor();
    await laptop.page.goto(appUrl("history"));
    await laptop.page.getByText(/felt comfortable/).waitFor();

    await phone.context.setOffline(true);
    await phone.page.goto(appUrl());
    await phone.page.getByRole("button", { name: "Check in again" }).click();
    await checkIn(phone.page, { back: "Grumpy" });
    await phone.page.getByText("A gentle day: bent knees, short holds, one set.").waitFor();
    await phone.context.setOffline(false);
    await syncNow(phone.page);

    await syncNow(laptop.page);
    await laptop.page.goto(appUrl());
    await laptop.page.getByText("A gentle day: bent knees, short holds, one set.").waitFor();
    expect(await laptop.page.getByText(/You have practised today/).count()).toBe(1);
    await phone.context.close();
    await laptop.context.close();
  });
});
