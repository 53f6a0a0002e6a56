import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "./support/account.ts";
import { appUrl, launch, openApp } from "./support/browser.ts";
import { completeFirstRun } from "./support/flows.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const REMINDER = {
  title: "Limber",
  body: "After my morning coffee: time for today's few minutes of Limber.",
  tag: "reminder",
};

/** The notifications the service worker is showing, as "title: body (tag)". */
const shown = (page: Page) =>
  page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const all = await registration.getNotifications();
    return all.map((n) => `${n.title}: ${n.body} (${n.tag})`);
  });

/**
 * Delivers a push message to the page's service worker through the browser's DevTools protocol,
 * as a push service would deliver the server's reminder. It waits for the worker's version to be
 * activated, not only active: a page's `serviceWorker.ready` comes while the worker is still
 * activating, and a push handed to it then can be dropped.
 */
async function deliverPush(context: BrowserContext, page: Page, data: string): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const origin = new URL(appUrl()).origin;
  const registrations = new Map<string, { scopeURL: string; isDeleted: boolean }>();
  const activated = new Set<string>();
  cdp.on("ServiceWorker.workerRegistrationUpdated", (event) => {
    for (const r of event.registrations) registrations.set(r.registrationId, r);
  });
  cdp.on("ServiceWorker.workerVersionUpdated", (event) => {
    for (const v of event.versions) if (v.status === "activated") activated.add(v.registrationId);
  });
  await cdp.send("ServiceWorker.enable");
  const ready = () =>
    [...registrations].find(
      ([id, r]) => !r.isDeleted && r.scopeURL.startsWith(origin) && activated.has(id),
    )?.[0];
  await expect.poll(ready, { timeout: 15_000 }).toBeDefined();
  await cdp.send("ServiceWorker.deliverPushMessage", {
    origin,
    registrationId: ready() ?? "",
    data,
  });
  await cdp.detach();
}

describe("reminders by push", () => {
  it("shows the pushed reminder as a notification, and a tap on it brings Limber to today", async () => {
    const { page, context } = await openApp(browser);
    await context.grantPermissions(["notifications"]);
    await completeFirstRun(page);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.goto(appUrl("settings"));
    await page.getByRole("heading", { name: "Settings" }).waitFor();

    await deliverPush(context, page, JSON.stringify(REMINDER));
    await expect
      .poll(() => shown(page), { timeout: 15_000 })
      .toEqual([`${REMINDER.title}: ${REMINDER.body} (reminder)`]);

    // No browser automation can tap a notification of the system's, so the worker is handed
    // the click as the browser would hand it: its own notificationclick handler does the rest.
    const [worker] = context.serviceWorkers();
    if (!worker) throw new Error("the service worker is not running");
    await worker.evaluate(async () => {
      const scope = self as unknown as {
        registration: { getNotifications(): Promise<unknown[]> };
        dispatchEvent(event: Event): boolean;
      };
      const Click = (
        self as unknown as { NotificationEvent: new (type: string, init: object) => Event }
      ).NotificationEvent;
      const [notification] = await scope.registration.getNotifications();
      try {
        scope.dispatchEvent(new Click("notificationclick", { notification }));
      } catch {
        // A click made here cannot hold the worker open (waitUntil); the handler still runs.
      }
    });
    await page.waitForURL(/#\/$/);
    await page.getByRole("heading", { name: "How is your back today?" }).waitFor();
    await expect.poll(() => shown(page)).toEqual([]);
    await context.close();
  });

  it("shows a plain reminder for a message it cannot read, never its contents", async () => {
    const { page, context } = await openApp(browser);
    await context.grantPermissions(["notifications"]);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await deliverPush(context, page, '{"title": 42, "body": "<b>unchecked</b>"');
    await expect
      .poll(() => shown(page), { timeout: 15_000 })
      .toEqual(["Limber: Time for today's few minutes of Limber. (reminder)"]);
    await context.close();
  });

  it("says which reminder a device has: the calendar file signed out, push signed in", async () => {
    const { page, context } = await openApp(browser);
    await completeFirstRun(page);
    await page.goto(appUrl("settings"));
    await page
      .getByText("This device is not signed in to a server, so the calendar file is its reminder")
      .waitFor();
    expect(await page.getByRole("checkbox", { name: "Remind me by push" }).count()).toBe(0);

    await signIn(page, "pushed@example.org", true);
    const push = page.getByRole("checkbox", { name: "Remind me by push" });
    await push.waitFor();
    expect(await push.isChecked()).toBe(false);
    await page.getByText(/Reminders by push are off on this device/).waitFor();
    // The server offers its key to the signed-in device, checked by the app's own client.
    const key = await page.evaluate(async () => {
      const response = await fetch("/api/v1/push/key");
      return (await response.json()) as { publicKey: string };
    });
    expect(key.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    // Turned on, the browser subscribes with the server's key. This headless browser has no push
    // service to reach, and the device is told so in a sentence, its calendar file still in place.
    await context.grantPermissions(["notifications"]);
    await push.click();
    await page
      .getByRole("alert")
      .getByText(/push service could not be reached, so reminders by push are not on/)
      .waitFor({ timeout: 30_000 });
    expect(await push.isChecked()).toBe(false);
    await context.close();
  });
});
