/**
 * Phone-sized screenshots (390 × 844) of every screen, light and dark, to look at what a person
 * sees: `npm run screenshots [-- OUT_DIR [NAME]]` (default ./screenshots; NAME picks the screens
 * whose name holds it). Builds the app first. Also draws the contact sheet, every exercise's
 * start and end at plan size in light and dark, into docs/contact-sheet.png.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Page } from "playwright-core";
import { build, createServer } from "vite";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../e2e/support/chromium.ts";
import { checkIn, completeFirstRun } from "../e2e/support/flows.ts";
import { seedEightWeeks } from "../e2e/support/seed.ts";
import { startServer } from "../packages/server/src/serve/start.ts";

const out = resolve(process.argv[2] ?? "screenshots");
/** Only the screens whose name holds this text: `npm run screenshots -- out week`. */
const only = process.argv[3];
mkdirSync(out, { recursive: true });
const webRoot = fileURLToPath(new URL("../packages/web/", import.meta.url));
await build({ root: webRoot, logLevel: "warn", configFile: `${webRoot}vite.config.ts` });
const dataDir = mkdtempSync(join(tmpdir(), "limber-screenshots-"));
const server = await startServer(
  { host: "127.0.0.1", port: 0, dataDir, trustProxy: false },
  { webDist: `${webRoot}dist` },
);
const base = server.address;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });

type Flow = (page: Page) => Promise<void>;
const SADDLE = "Numbness or changed feeling around the groin, genitals or back passage";
const flows: Record<string, Flow> = {
  "1-first-run": async () => {},
  "2-check-in": (page) => completeFirstRun(page, "GB"),
  "3-plan": async (page) => {
    await completeFirstRun(page, "GB");
    await checkIn(page, { back: "Calm" });
  },
  "4-player": async (page) => {
    await flows["3-plan"]?.(page);
    await page.getByRole("button", { name: "Start" }).click();
    await page.getByRole("button", { name: "Start" }).click();
    await page.waitForTimeout(2500);
    // Clicking scrolled the button into view; a person sees the player from its top.
    await page.evaluate(() => scrollTo(0, 0));
  },
  "3b-how-to": async (page) => {
    await flows["3-plan"]?.(page);
    await page.getByRole("link", { name: /^How to do Strap stretch/ }).click();
    await page.locator(".how-steps svg .person").first().waitFor();
  },
  "4b-player-strap": async (page) => {
    await page.clock.install();
    await page.reload();
    await flows["3-plan"]?.(page);
    await page.getByRole("button", { name: "Start" }).click();
    await page.getByRole("button", { name: "Start" }).click();
    await page.getByRole("button", { name: "Skip exercise" }).click();
    await page.getByRole("button", { name: "Skip exercise" }).click();
    // Getting ready, then four seconds into the first hold: eased into position.
    await page.clock.runFor(14_000);
    await page.evaluate(() => scrollTo(0, 0));
  },
  "4c-player-how-to": async (page) => {
    await flows["4-player"]?.(page);
    await page.getByRole("button", { name: /^How to do/ }).click();
    await page.locator(".how-steps svg .person").first().waitFor();
  },
  "5-player-breath-reduced": async (page) => {
    await flows["4-player"]?.(page);
    await page.emulateMedia({ reducedMotion: "reduce" });
  },
  "6-after-session": async (page) => {
    await flows["4-player"]?.(page);
    await page.getByRole("button", { name: "Finish" }).click();
  },
  "7-emergency": async (page) => {
    await completeFirstRun(page, "US");
    await checkIn(page, { back: "Okay", signs: [SADDLE] });
  },
  "8-see-clinician": async (page) => {
    await completeFirstRun(page, "GB");
    await checkIn(page, { back: "Okay", signs: ["Weight loss you cannot explain"] });
  },
  "9-history": async (page) => {
    await flows["3-plan"]?.(page);
    await page.getByRole("link", { name: "History" }).click();
  },
  "11-learn-lesson": async (page) => {
    await completeFirstRun(page, "GB");
    await page.getByRole("link", { name: "Learn", exact: true }).click();
    await page.getByRole("link", { name: "Why your hamstrings matter to your back" }).click();
  },
  "10-settings": async (page) => {
    await completeFirstRun(page, "GB");
    await page.getByRole("link", { name: "Settings" }).click();
  },
  "12-desk-snack": async (page) => {
    await completeFirstRun(page, "GB");
    await checkIn(page, { back: "Okay", context: { deskDay: true } });
    await page.getByRole("heading", { name: /Desk snack/ }).scrollIntoViewIfNeeded();
  },
  "13-week": async (page) => {
    await flows["12-desk-snack"]?.(page);
    await page.getByRole("button", { name: "20 min", exact: true }).click();
    await page.getByRole("heading", { name: "This week" }).evaluate((e) => e.scrollIntoView());
  },
  "15-history-weeks": async (page) => {
    await seedEightWeeks(page);
    await page.goto(`${base}/#/history`);
    await page.getByRole("heading", { name: "History", level: 1 }).waitFor();
  },
  "16-progress": async (page) => {
    await seedEightWeeks(page);
    await page.goto(`${base}/#/progress`);
    await page.locator("canvas").first().waitFor();
  },
  "17-report": async (page) => {
    await seedEightWeeks(page);
    await page.goto(`${base}/#/report`);
    await page.getByRole("heading", { level: 1 }).waitFor();
  },
  "18-journal": async (page) => {
    await seedEightWeeks(page);
    await page.goto(`${base}/#/journal`);
    await page.getByRole("heading", { level: 1 }).waitFor();
  },
  "19-goals": async (page) => {
    await seedEightWeeks(page);
    await page.goto(`${base}/#/goals`);
    await page.getByRole("heading", { level: 1 }).waitFor();
  },
  "20-range-test": async (page) => {
    await seedEightWeeks(page);
    await page.goto(`${base}/#/range-test`);
    await page.getByRole("heading", { level: 1 }).waitFor();
  },
  "14-reminders": async (page) => {
    await flows["10-settings"]?.(page);
    await page.getByRole("heading", { name: "Reminders" }).evaluate((e) => e.scrollIntoView());
  },
  "21-settings-your-data": async (page) => {
    await flows["10-settings"]?.(page);
    await page
      .getByRole("heading", { name: "Your data", exact: true })
      .evaluate((e) => e.scrollIntoView());
  },
  "22-settings-signed-in": async (page) => {
    await signedIn(page, "screens.data");
    await page
      .getByRole("heading", { name: "Sync across devices" })
      .evaluate((e) => e.scrollIntoView());
  },
  "23-sign-out-question": async (page) => {
    await signedIn(page, "screens.signout");
    await page.getByRole("button", { name: "Sign out" }).click();
  },
  "24-another-account-question": async (page) => {
    await signedIn(page, "screens.another");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("button", { name: "Keep this device's copy" }).click();
    await page.getByLabel("Email").fill("someone.else@example.org");
    await page.getByLabel("Password").fill(SCREEN_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
  },
  "25-remove-data-question": async (page) => {
    await flows["10-settings"]?.(page);
    await page.getByRole("button", { name: "Remove Limber's data from this device" }).click();
  },
  "26-delete-account-question": async (page) => {
    await signedIn(page, "screens.delete");
    await page
      .getByRole("button", { name: "Delete my account and everything on the server" })
      .click();
  },
  "27-keep-a-copy": async (page) => {
    await seedEightWeeks(page);
    await page
      .getByText(/Your entries are only on this device/)
      .evaluate((e) => e.scrollIntoView());
  },
  "28-clinician": async (page) => {
    await prescribe(page);
    await page.evaluate(() => scrollTo(0, 0));
  },
  "28b-clinician-floss": async (page) => {
    await prescribe(page);
    await page
      .locator("fieldset.exercise-form", { hasText: "Sliding hamstring floss" })
      .evaluate((e) => e.scrollIntoView());
  },
  "29-clinician-sheet": async (page) => {
    await prescribe(page);
    await page.getByRole("button", { name: "Make the link" }).click();
    await page.getByRole("heading", { name: "Share it" }).evaluate((e) => e.scrollIntoView());
  },
  "30-clinician-printed-sheet": async (page) => {
    await prescribe(page);
    await page.getByRole("button", { name: "Make the link" }).click();
    await page.locator(".programme-sheet").waitFor();
    // A4 at 96 dpi, as the print dialog lays it out.
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: "print" });
    await page.evaluate(() => scrollTo(0, 0));
  },
  "31-programme-link": async (page) => {
    await prescribe(page);
    await page.getByRole("button", { name: "Make the link" }).click();
    const link = await page.getByLabel(/^The link/).inputValue();
    await page.goto(base);
    await completeFirstRun(page, "GB");
    await page.goto(link);
    await page.getByRole("heading", { level: 1 }).waitFor();
  },
};

/** The clinician's page with the browser test's programme: no strap stretch, the slider only. */
async function prescribe(page: Page): Promise<void> {
  await page.goto(`${base}/#/clinician`);
  await page.getByLabel("Your name").fill("Sam Lee");
  await page.getByLabel("Your practice (optional)").fill("Riverside Physiotherapy");
  const form = (name: string) => page.locator("fieldset.exercise-form", { hasText: name });
  await form("Strap-supported hamstring stretch").getByRole("radio", { name: "Leave out" }).check();
  const floss = form("Sliding hamstring floss");
  await floss.getByRole("radio", { name: "Prescribe" }).check();
  await floss.getByRole("checkbox", { name: /Hamstring floss, small range/ }).uncheck();
  await floss.getByRole("checkbox", { name: /Hamstring floss, full range/ }).uncheck();
  await floss.locator("fieldset.range").getByLabel("From").fill("40");
  await floss.locator("fieldset.range").getByLabel("To").fill("45");
  await floss
    .getByLabel("Start at")
    .selectOption({ label: "Nerve slider with head nod, 40 s each side" });
  await page.getByLabel("Practice days a week").selectOption("4");
  await page
    .getByLabel("A note to the person (optional)")
    .fill("Slow and easy; stop if the leg tingles.");
}

const SCREEN_PASSWORD = "a quiet stretch before coffee";
let accounts = 0;
/** Settings, signed in to a new account (one per screenshot) with a check-in synced. */
async function signedIn(page: Page, name: string): Promise<void> {
  await flows["3-plan"]?.(page);
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("Email").fill(`${name}.${++accounts}@example.org`);
  await page.getByLabel("Password").fill(SCREEN_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByText(/Signed in as/).waitFor();
  await page.getByRole("button", { name: "Sync now" }).click();
  await page.getByText(/Last synced at/).waitFor();
}

/**
 * The contact sheet: the drawings rendered with the app's own stylesheets, once in each colour
 * scheme, then the two put one above the other as a single image.
 */
async function contactSheet(path: string): Promise<void> {
  const vite = await createServer({
    root: webRoot,
    configFile: `${webRoot}vite.config.ts`,
    logLevel: "warn",
    server: { middlewareMode: true },
    appType: "custom",
  });
  let sheet: (css: string, scheme: "light" | "dark") => string;
  try {
    const module = await vite.ssrLoadModule("/src/illustrations/contact-sheet.tsx");
    sheet = module.contactSheet as typeof sheet;
  } finally {
    await vite.close();
  }
  const css = ["src/styles.css", "src/illustrations/illustrations.css"]
    .map((file) => readFileSync(`${webRoot}${file}`, "utf8"))
    .join("\n");
  const shots: string[] = [];
  for (const scheme of ["light", "dark"] as const) {
    const context = await browser.newContext({ deviceScaleFactor: 2, colorScheme: scheme });
    const page = await context.newPage();
    await page.setViewportSize({ width: 1100, height: 800 });
    await page.setContent(sheet(css, scheme));
    const image = await page.locator(".sheet").screenshot();
    shots.push(`data:image/png;base64,${image.toString("base64")}`);
    await context.close();
  }
  const context = await browser.newContext({ deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.setViewportSize({ width: 2200, height: 800 });
  await page.setContent(
    `<body style="margin:0"><div id="both" style="display:inline-flex;flex-direction:column">${shots
      .map((src) => `<img src="${src}" style="display:block">`)
      .join("")}</div></body>`,
  );
  await page.locator("#both").screenshot({ path });
  await context.close();
}

if (!only || "contact-sheet".includes(only)) {
  const sheet = fileURLToPath(new URL("../docs/contact-sheet.png", import.meta.url));
  await contactSheet(sheet);
  console.log(`Contact sheet in ${sheet}`);
}

for (const scheme of ["light", "dark"] as const) {
  for (const [name, flow] of Object.entries(flows)) {
    if (only && !name.includes(only)) continue;
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      colorScheme: scheme,
      locale: "en-GB",
    });
    const page = await context.newPage();
    await page.goto(base);
    await flow(page);
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${out}/${name}-${scheme}.png` });
    await context.close();
  }
}
await browser.close();
await server.close();
rmSync(dataDir, { recursive: true, force: true });
console.log(`Screenshots in ${out}`);
