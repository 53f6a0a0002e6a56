import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appUrl, launch, openApp } from "./support/browser.ts";
import { seedEightWeeks } from "./support/seed.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

interface Field {
  field: string;
  fontPx: number;
  heightPx: number;
}

/**
 * Every visible field on the page, measured as the browser lays it out: its text size and its
 * height. A box or a round choice is measured by its label, the 48 px target it sits in.
 */
function measureFields(page: Page): Promise<Field[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll("input, select, textarea")).flatMap((element) => {
      const field = element as HTMLInputElement;
      if (field.type === "hidden" || field.getClientRects().length === 0) return [];
      const choice = field.type === "checkbox" || field.type === "radio";
      const target = choice ? (field.closest("label") ?? field) : field;
      const name = field.id || field.name || field.type;
      return [
        {
          field: `${field.tagName.toLowerCase()}[type=${field.type}]#${name}`,
          fontPx: choice ? 16 : Number.parseFloat(getComputedStyle(field).fontSize),
          heightPx: Math.round(target.getBoundingClientRect().height),
        },
      ];
    }),
  );
}

/** The fields of the screen now showing that are smaller than 16 px text or 48 px tall. */
async function smallFields(
  page: Page,
  screen: string,
): Promise<{ screen: string; small: Field[] }> {
  const fields = await measureFields(page);
  expect(fields.length, `${screen} has fields`).toBeGreaterThan(0);
  return { screen, small: fields.filter((f) => f.fontPx < 16 || f.heightPx < 48) };
}

describe("every form field is one style: at least 16 px text and 48 px tall", () => {
  it("on Welcome's sign-in, the first run, the check-in and Settings", async () => {
    const { page, context } = await openApp(browser);
    await page.getByRole("heading", { name: "Welcome to Limber" }).waitFor();
    await page.getByRole("button", { name: "I already use Limber: sign in" }).click();
    await page.getByLabel("Password").waitFor();
    const email = await page.getByLabel("Email").evaluate((el) => ({
      font: getComputedStyle(el).fontSize,
      height: el.getBoundingClientRect().height,
    }));
    expect(Number.parseFloat(email.font)).toBeGreaterThanOrEqual(16);
    expect(email.height).toBeGreaterThanOrEqual(48);
    expect(await smallFields(page, "welcome, sign in")).toEqual({
      screen: "welcome, sign in",
      small: [],
    });
    await page.getByRole("button", { name: "Back" }).click();
    await page.getByRole("button", { name: "I understand" }).click();
    await page.getByLabel("Where you live").selectOption("GB");
    expect(await smallFields(page, "region")).toEqual({ screen: "region", small: [] });
    await page.getByRole("button", { name: "Next" }).click();
    expect(await smallFields(page, "habit")).toEqual({ screen: "habit", small: [] });
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByRole("button", { name: "None of these apply" }).click();
    await page.getByRole("heading", { name: "How is your back today?" }).waitFor();
    await page.getByText("Pain and more context (optional)").click();
    expect(await smallFields(page, "check-in")).toEqual({ screen: "check-in", small: [] });
    await page.goto(appUrl("settings"));
    await page.getByLabel("Password").waitFor();
    expect(await smallFields(page, "settings")).toEqual({ screen: "settings", small: [] });
    await context.close();
  });

  it("on the journal, goals, the range test and the clinician summary", async () => {
    const { page, context } = await openApp(browser);
    await seedEightWeeks(page);
    for (const [route, heading] of [
      ["journal", "Journal"],
      ["goals", "Everyday activities"],
      ["range-test", "Range test"],
      ["report", "Summary for a clinician"],
    ] as const) {
      await page.goto(appUrl(route));
      await page.getByRole("heading", { name: heading, level: 1 }).waitFor();
      expect(await smallFields(page, route)).toEqual({ screen: route, small: [] });
    }
    await context.close();
  });
});
