import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD, serverExportIds, signIn, syncNow } from "./support/account.ts";
import { appUrl, launch, openApp } from "./support/browser.ts";
import { checkIn, completeFirstRun, storedEvents } from "./support/flows.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const ids = async (page: Page) => (await storedEvents(page)).map((event) => event.id).sort();

/** Ana uses the family tablet first: a first run and a check-in, signed up and synced. */
async function anaRecordsAndSyncs(page: Page, ana: string): Promise<string[]> {
  await completeFirstRun(page, "GB");
  await checkIn(page, { back: "Calm" });
  await page.getByRole("heading", { name: /^Today · \d+ min$/ }).waitFor();
  await signIn(page, ana, true);
  await syncNow(page);
  const anas = await ids(page);
  expect(anas.length).toBeGreaterThanOrEqual(2);
  expect((await serverExportIds(page)).sort()).toEqual(anas);
  return anas;
}

async function signOut(
  page: Page,
  choice: "Keep this device's copy" | "Remove this device's copy",
) {
  await page.goto(appUrl("settings"));
  await page.getByRole("button", { name: "Sign out" }).click();
  await page
    .getByRole("dialog", { name: "Sign out on this device" })
    .getByRole("button", { name: choice })
    .click();
}

/** The device's own export, downloaded from Settings as a person would. */
async function deviceExportIds(page: Page): Promise<string[]> {
  await page.goto(appUrl("settings"));
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export all entries (JSON)" }).click(),
  ]);
  const exported = JSON.parse(await readFile(await download.path(), "utf8")) as { id: string }[];
  return exported.map((event) => event.id).sort();
}

/** Ben's account, on the server and on this device, holds his own entries and none of Ana's. */
async function expectOnlyBens(page: Page, anas: string[]): Promise<void> {
  const onServer = (await serverExportIds(page)).sort();
  const onDevice = await deviceExportIds(page);
  expect(onServer.length).toBeGreaterThanOrEqual(2);
  expect(onServer).toEqual(onDevice);
  for (const id of anas) {
    expect(onServer).not.toContain(id);
    expect(onDevice).not.toContain(id);
  }
}

/** Ben's account, made on a browser profile of his own straight through the API. */
async function accountElsewhere(email: string) {
  const ben = await openApp(browser);
  await ben.page.evaluate(
    async (account) => {
      const response = await fetch("/api/v1/auth/signup", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(account),
      });
      if (response.status !== 201) throw new Error(`sign-up answered ${response.status}`);
    },
    { email, password: PASSWORD },
  );
  return ben;
}

/** Replaces the device's settings with `settings`, as an earlier Limber kept them (no owner). */
function settingsAsBefore(settings: Record<string, unknown>): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open("limber");
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction("settings", "readwrite");
      const store = tx.objectStore("settings");
      store.clear();
      for (const [key, value] of Object.entries(settings)) store.put(value, key);
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** What this browser holds for Limber: IndexedDB's three stores, and localStorage's keys. */
function deviceContents(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ events: number; outbox: number; settings: unknown[]; local: string[] }>(
        (resolve, reject) => {
          const open = indexedDB.open("limber");
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction(["events", "outbox", "settings"]);
            const events = tx.objectStore("events").count();
            const outbox = tx.objectStore("outbox").count();
            const settings = tx.objectStore("settings").getAll();
            tx.oncomplete = () => {
              open.result.close();
              resolve({
                events: events.result,
                outbox: outbox.result,
                settings: settings.result,
                local: Object.keys(localStorage).filter((key) => key.startsWith("limber.")),
              });
            };
            tx.onerror = () => reject(tx.error);
          };
        },
      ),
  );
}

describe("a shared device: one person's entries never reach another person's account", () => {
  it("Ana signs out keeping this device's copy; Ben, signing up in the same browser, is asked first, and neither his account nor the device then holds any of Ana's entries", async () => {
    const { page, context } = await openApp(browser);
    const anas = await anaRecordsAndSyncs(page, "ana.keeps@example.org");
    await signOut(page, "Keep this device's copy");
    await page.getByText("This device holds the entries of ana.keeps@example.org.").waitFor();
    expect(await ids(page)).toEqual(anas);

    await page.getByLabel("Email").fill("ben.after.ana@example.org");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    const question = page.getByRole("dialog", { name: "This device holds someone else's entries" });
    await question
      .getByText(/belong to ana\.keeps@example\.org\. They are never sent to ben/)
      .waitFor();
    await question
      .getByRole("button", { name: "Remove this device's copy and create the account" })
      .click();

    await page.getByRole("heading", { name: "Welcome to Limber" }).waitFor();
    expect(await storedEvents(page)).toEqual([]);
    await completeFirstRun(page, "GB");
    await checkIn(page, { back: "Okay" });
    await syncNow(page);
    await page.getByText("Signed in as ben.after.ana@example.org").waitFor();
    await expectOnlyBens(page, anas);
    await context.close();

    // Ana's account still holds every entry of hers.
    const laptop = await openApp(browser);
    await completeFirstRun(laptop.page, "GB");
    await signIn(laptop.page, "ana.keeps@example.org", false);
    const onAnasAccount = await serverExportIds(laptop.page);
    for (const id of anas) expect(onAnasAccount).toContain(id);
    await laptop.context.close();
  });

  it("Ana signs out removing this device's copy; Ben signs up in the same browser, and his account holds only what he recorded", async () => {
    const { page, context } = await openApp(browser);
    const anas = await anaRecordsAndSyncs(page, "ana.removes@example.org");
    await signOut(page, "Remove this device's copy");
    await page.getByRole("heading", { name: "Welcome to Limber" }).waitFor();
    expect(await storedEvents(page)).toEqual([]);

    await completeFirstRun(page, "GB");
    await checkIn(page, { back: "Grumpy" });
    const bens = await ids(page);
    await page.goto(appUrl("settings"));
    await page
      .getByText(/what is already on this device goes to the account you sign in to/)
      .waitFor();
    await signIn(page, "ben.removed@example.org", true);
    // Entries made before any sign-in are nobody's: they join the account, and the app says so.
    await page
      .getByText(
        `The ${bens.length} entries made on this device before you signed in are now in your account too.`,
      )
      .waitFor();
    await syncNow(page);
    await expectOnlyBens(page, anas);
    await context.close();
  });

  it("signing in to another account on a device holding someone's entries asks first, and cancelling sends nothing to the server", async () => {
    const ben = await accountElsewhere("ben.exists@example.org");

    const { page, context } = await openApp(browser);
    const anas = await anaRecordsAndSyncs(page, "ana.asked@example.org");
    await signOut(page, "Keep this device's copy");
    const signIns: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/api/v1/auth/")) signIns.push(request.url());
    });
    await page.getByLabel("Email").fill("ben.exists@example.org");
    await page.getByLabel("Password").fill(PASSWORD);
    const signInButton = page.getByRole("button", { name: "Sign in", exact: true });
    await signInButton.click();
    const question = page.getByRole("dialog", { name: "This device holds someone else's entries" });
    await question
      .getByText(/They are all in ana\.asked@example\.org's account on the server/)
      .waitFor();
    // Focus starts on Cancel, the choice that changes nothing; Escape cancels.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Cancel");
    await page.keyboard.press("Escape");
    await question.waitFor({ state: "hidden" });
    expect(await signInButton.evaluate((button) => button === document.activeElement)).toBe(true);

    expect(signIns).toEqual([]);
    await page.getByText("This device holds the entries of ana.asked@example.org.").waitFor();
    expect(await ids(page)).toEqual(anas);
    expect(await serverExportIds(ben.page)).toEqual([]);

    // Ana, signing in again, picks up where she left off: no question, her copy syncs.
    await signIn(page, "ana.asked@example.org", false);
    await syncNow(page);
    expect((await serverExportIds(page)).sort()).toEqual(anas);
    await context.close();
    await ben.context.close();
  });

  it("a session made for another account behind the app's back (another tab, a direct request) receives none of this device's entries", async () => {
    const ben = await accountElsewhere("ben.planted@example.org");
    const { page, context } = await openApp(browser);
    const anas = await anaRecordsAndSyncs(page, "ana.planted@example.org");
    // This browser is signed in to Ben's account now, while the app still shows Ana's.
    await page.evaluate(async (password) => {
      const response = await fetch("/api/v1/auth/signin", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "ben.planted@example.org", password }),
      });
      if (!response.ok) throw new Error(`sign-in answered ${response.status}`);
    }, PASSWORD);
    // A new entry starts a sync, as every entry does.
    await page.goto(appUrl());
    await page.getByRole("button", { name: "Check in again" }).click();
    await checkIn(page, { back: "Grumpy" });
    await page.goto(appUrl("settings"));
    // The sync that entry started has run once the app says how it went, either way.
    await page.getByText(/so nothing was synced|Last synced at/).waitFor();
    const onDevice = await ids(page);
    expect(onDevice.length).toBe(anas.length + 1);
    const onBens = await serverExportIds(page);
    for (const id of onDevice) expect(onBens).not.toContain(id);
    expect(onBens).toEqual([]);
    await page
      .getByText(/no longer signed in to ana\.planted@example\.org, so nothing was synced/)
      .waitFor();
    await page.getByText("This device holds the entries of ana.planted@example.org.").waitFor();
    await context.close();
    await ben.context.close();
  });

  it("a device from before owners were kept: signed in, it stays its account's; signed out, it asks before any sign-in", async () => {
    const { page, context } = await openApp(browser);
    await anaRecordsAndSyncs(page, "ana.earlier@example.org");
    // As the app left a signed-in device before: the email kept, no owner.
    await page.evaluate(settingsAsBefore, { "sync.email": "ana.earlier@example.org" });
    await page.reload();
    await page.getByText("Signed in as ana.earlier@example.org").waitFor();

    // As it left a device after signing out: the email gone, the sync cursor still there.
    await page.evaluate(settingsAsBefore, { "sync.cursor": 4 });
    await page.reload();
    await page
      .getByText("This device holds entries from an account that signed out here earlier.")
      .waitFor();
    await page.getByLabel("Email").fill("ben.later@example.org");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    const question = page.getByRole("dialog", { name: "This device holds someone else's entries" });
    await question
      .getByText(/belong to an account that signed out here earlier\. They are never sent to ben/)
      .waitFor();
    await question.getByText(/If they are yours, export them first/).waitFor();
    await question.getByRole("button", { name: "Cancel" }).click();
    await context.close();
  });

  it("removing Limber's data from this device empties IndexedDB and the saved session, in every open tab", async () => {
    const { page, context } = await openApp(browser);
    await completeFirstRun(page, "GB");
    await checkIn(page, { back: "Calm" });
    await page.getByRole("button", { name: "Start" }).click();
    await page.getByRole("button", { name: "Start" }).click();
    await page.getByRole("button", { name: "Pause" }).waitFor();
    const before = await deviceContents(page);
    expect(before.local).toContain("limber.session-in-progress.v1");
    expect(before.events).toBeGreaterThanOrEqual(2);
    const otherTab = await context.newPage();
    await otherTab.goto(appUrl());
    await otherTab.getByRole("heading", { name: /^Today · \d+ min$/ }).waitFor();

    await page.goto(appUrl("settings"));
    await page.getByRole("button", { name: "Remove Limber's data from this device" }).click();
    const dialog = page.getByRole("dialog", { name: "Remove Limber's data from this device" });
    await dialog
      .getByText(
        `your ${before.events} entries (check-ins, sessions, notes and settings), the session in progress`,
      )
      .waitFor();
    await dialog.getByText(/nowhere else unless you exported them/).waitFor();
    await dialog.getByRole("button", { name: "Remove from this device" }).click();

    await page.getByRole("heading", { name: "Welcome to Limber" }).waitFor();
    expect(await deviceContents(page)).toEqual({
      events: 0,
      outbox: 0,
      settings: [{ kind: "nobody" }],
      local: [],
    });
    await otherTab.getByRole("heading", { name: "Welcome to Limber" }).waitFor();
    await context.close();
  });

  it("deleting the account deletes it and its entries on the server, and signs out", async () => {
    const { page, context } = await openApp(browser);
    const anas = await anaRecordsAndSyncs(page, "ana.deletes@example.org");
    await page
      .getByRole("button", { name: "Delete my account and everything on the server" })
      .click();
    const dialog = page.getByRole("dialog", { name: "Delete your account" });
    await dialog
      .getByText(
        `This deletes the account ana.deletes@example.org on the server, with its ${anas.length} entries`,
      )
      .waitFor();
    await dialog.getByRole("button", { name: "Delete my account" }).click();
    await page.getByText(/Your account and its entries on the server are deleted/).waitFor();
    await page.getByRole("button", { name: "Sign in", exact: true }).waitFor();
    expect(await page.getByText(/Signed in as/).count()).toBe(0);
    expect(await page.evaluate(async () => (await fetch("/api/v1/me")).status)).toBe(401);
    // This device kept its copy, as the dialog said; the account is gone.
    expect(await ids(page)).toEqual(anas);
    await page.getByLabel("Email").fill("ana.deletes@example.org");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByText("That email and password do not match an account.").waitFor();
    await context.close();
  });
});
