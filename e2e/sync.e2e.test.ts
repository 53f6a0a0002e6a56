import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, syncNow } from "./support/account.ts";
import { appUrl, launch, openApp } from "./support/browser.ts";
import { checkIn, completeFirstRun, finishSession, rateSession } from "./support/flows.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe("two devices, one account", () => {
  it("shows the same history and plan on a second device, and carries offline entries over after reconnecting", async () => {
    const phone = await openApp(browser);
    await completeFirstRun(phone.page, "GB");
    await checkIn(phone.page, { back: "Calm" });
    await phone.page.getByRole("button", { name: "Start" }).click();
    await phone.page.getByRole("button", { name: "Start" }).click();
    // A few seconds of breathing: a session with every step skipped is no practice (R-TIME).
    await phone.page.waitForTimeout(3_000);
    await finishSession(phone.page);
    await rateSession(phone.page);
    await phone.page.getByText(/Today is a practice day/).waitFor();
    // Signing in later sends what was recorded before.
    await signIn(phone.page, "two.devices@example.org", true);
    await syncNow(phone.page);

    const laptop = await openApp(browser);
    await completeFirstRun(laptop.page, "GB");
    await signIn(laptop.page, "two.devices@example.org", false);
    await syncNow(laptop.page);
    await laptop.page.goto(appUrl());
    await laptop.page.getByText(/Today is a practice day/).waitFor();
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
    expect(await laptop.page.getByText(/Today is a practice day/).count()).toBe(1);
    await phone.context.close();
    await laptop.context.close();
  });
});
