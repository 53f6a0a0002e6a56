import type { Page } from "playwright-core";
import { appUrl } from "./browser.ts";

export const PASSWORD = "a quiet stretch before coffee";

/** Every event id of the signed-in account, as the server's export gives them. */
export function serverExportIds(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const response = await fetch("/api/v1/export");
    if (!response.ok) throw new Error(`the export answered ${response.status}`);
    const body = (await response.json()) as { events: { id: string }[] };
    return body.events.map((event) => event.id);
  });
}

/** Signs in from Settings (or creates the account), and waits until the app says so. */
export async function signIn(page: Page, email: string, create: boolean): Promise<void> {
  await page.goto(appUrl("settings"));
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: create ? "Create account" : "Sign in" }).click();
  await page.getByText(`Signed in as ${email}`).waitFor();
}

/** Syncs from Settings and waits until the sync has gone through. */
export async function syncNow(page: Page): Promise<void> {
  await page.goto(appUrl("settings"));
  await page.getByText(/Signed in as/).waitFor();
  await page.getByRole("button", { name: "Sync now" }).click();
  await page.getByText(/Last synced at/).waitFor();
}
