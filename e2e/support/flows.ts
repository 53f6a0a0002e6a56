import type { Page } from "playwright-core";

/** First run as a new person would do it: disclaimer, region, habit, and the warning signs. */
export async function completeFirstRun(
  page: Page,
  region = "US",
  signsApply = false,
): Promise<void> {
  await page.getByRole("heading", { name: "Welcome to Limber" }).waitFor();
  await page.getByRole("button", { name: "I understand" }).click();
  await page.getByLabel("Where you live").selectOption(region);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("When will you practise?").fill("after my morning coffee");
  await page.getByRole("button", { name: "Next" }).click();
  await page
    .getByRole("button", { name: signsApply ? "One or more apply" : "None of these apply" })
    .click();
  await page.getByRole("heading", { name: "How is your back today?" }).waitFor();
}

export interface CheckInAnswers {
  back: "Calm" | "Okay" | "Grumpy";
  leg?: "None" | "In one leg, steady" | "In one leg, worsening" | "In both legs";
  /** The plain wording of each warning sign to tick, or none for "None of these". */
  signs?: string[];
  /** Optional context, ticked under "Pain and more context". */
  context?: { deskDay?: boolean };
}

/** What opens the full list of warning signs: from the compact question, or after first run. */
const OPEN_FULL_LIST = /^(Something here is new or worse|Something has changed)$/;

/**
 * Answers the check-in's warning signs as it asks them today: "None of these" (already chosen
 * when first run answered them today), or each sign ticked in the full list, opened first when
 * the compact question shows.
 */
export async function answerSigns(page: Page, signs: readonly string[] = []): Promise<void> {
  if (signs.length > 0) {
    const opener = page.getByRole("button", { name: OPEN_FULL_LIST });
    if ((await opener.count()) > 0) await opener.click();
    for (const sign of signs) await page.getByRole("checkbox", { name: sign }).check();
    return;
  }
  const none = page.getByRole("button", { name: "None of these" });
  if ((await none.count()) > 0) await none.click();
}

/** The check-in's one row for leg symptoms. */
export const LEG_LABEL = "Leg symptoms (pain, tingling or numbness)";

/** The daily check-in, ending on whatever screen triage leads to. */
export async function checkIn(page: Page, answers: CheckInAnswers): Promise<void> {
  await page
    .getByRole("group", { name: "Your back feels" })
    .getByRole("radio", { name: answers.back, exact: true })
    .click();
  if (answers.leg) await page.getByLabel(LEG_LABEL).selectOption({ label: answers.leg });
  await answerSigns(page, answers.signs);
  if (answers.context?.deskDay) {
    await page.getByText("Pain and more context (optional)").click();
    await page.getByRole("checkbox", { name: "A day mostly at a desk" }).check();
  }
  await page.getByRole("button", { name: "See today's plan" }).click();
}

/**
 * Reads every stored event in the page. Written as page source rather than a function, so this
 * module type-checks without the DOM's types: the benchmarks, which run in Node, import it too.
 */
const READ_STORED_EVENTS = `new Promise((resolve, reject) => {
  const open = indexedDB.open("limber");
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const all = open.result.transaction("events").objectStore("events").getAll();
    all.onsuccess = () => resolve(all.result);
    all.onerror = () => reject(all.error);
  };
})`;

/** An event as the device stores it. */
export interface StoredEvent {
  id: string;
  type: string;
  day: string;
  data: Record<string, unknown>;
}

/** Every event stored on the device, read straight from IndexedDB. */
export function storedEvents(page: Page): Promise<StoredEvent[]> {
  return page.evaluate(READ_STORED_EVENTS);
}

/** The stored events still in force: what a retract withdrew, and the retracts, left out. */
export async function eventsInForce(page: Page): Promise<StoredEvent[]> {
  const events = await storedEvents(page);
  const withdrawn = new Set(
    events.flatMap((e) => (e.type === "retract" ? [String(e.data.target)] : [])),
  );
  return events.filter((e) => e.type !== "retract" && !withdrawn.has(e.id));
}

/** Presses Finish and confirms it: the session is kept at once, and the completion shows. */
export async function finishSession(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Finish" }).click();
  await page
    .getByRole("dialog", { name: "Finish the session now?" })
    .getByRole("button", { name: "Finish and save" })
    .click();
  await page.getByRole("heading", { name: /^Done: / }).waitFor();
}

/**
 * Answers a desk snack's one question, how it felt, and saves; returns once the app has left the
 * question, which it does only when the answered session and the retract of the kept one are
 * both written.
 */
export async function rateDeskSnack(page: Page): Promise<void> {
  const done = page.getByRole("heading", { name: /^Done: / });
  await done.waitFor();
  await page.getByRole("radio", { name: "Comfortable" }).click();
  await page.getByRole("button", { name: "Save" }).click();
  await done.waitFor({ state: "detached" });
}

/**
 * Answers the three after-session questions and saves; returns once the app has left the
 * questions, which it does only when the answered session and the retract of the kept one are
 * both written.
 */
export async function rateSession(page: Page): Promise<void> {
  const question = page.getByRole("heading", { name: "How did that feel?" });
  await question.waitFor();
  await page.getByRole("radio", { name: "Comfortable" }).click();
  await page.getByRole("radio", { name: "Yes" }).click();
  await page.getByRole("radio", { name: "None" }).click();
  await page.getByRole("button", { name: "Save" }).click();
  await question.waitFor({ state: "detached" });
}

/**
 * Installs the page's fake clock at 08:00 today, so a test that moves it on by minutes never
 * crosses midnight, whatever the hour it runs at.
 */
export async function installMorningClock(page: Page): Promise<void> {
  const morning = new Date();
  morning.setHours(8, 0, 0, 0);
  await page.clock.install({ time: morning });
}

/**
 * A new person's calm day, on a clock the test moves (from 08:00 today unless `time` is given):
 * first run, check-in, and the player open at its first block, box breathing, ready to start.
 */
export async function openCalmSession(page: Page, time?: Date): Promise<void> {
  if (time) await page.clock.install({ time });
  else await installMorningClock(page);
  await page.reload();
  await completeFirstRun(page);
  await checkIn(page, { back: "Calm" });
  await page.getByRole("button", { name: "Start" }).click();
  await page.getByRole("heading", { name: /Box breathing/ }).waitFor();
}

/** The calm day's session of `openCalmSession`, started. */
export async function startCalmSession(page: Page, time?: Date): Promise<void> {
  await openCalmSession(page, time);
  await page.getByRole("button", { name: "Start" }).click();
}
