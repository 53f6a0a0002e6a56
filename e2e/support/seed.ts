import { randomUUID } from "node:crypto";
import { addDays, EVENT_TYPES, type LimberEvent, parseEvent } from "@limber/core";
import type { Page } from "playwright-core";

/** The page's own local calendar day, as the app computes it. */
export function pageToday(page: Page): Promise<string> {
  return page.evaluate(() => {
    const now = new Date();
    return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
  });
}

/** One valid event on `day` at `time` (UTC), checked with the core's schemas. */
export function event(
  type: LimberEvent["type"],
  day: string,
  time: string,
  data: Record<string, unknown>,
): LimberEvent {
  const result = parseEvent({
    id: randomUUID(),
    type,
    at: `${day}T${time}:00.000+00:00`,
    day,
    v: EVENT_TYPES[type].v,
    data,
  });
  if (!result.ok) throw new Error(`a seeded ${type} event is invalid: ${result.error.message}`);
  return result.event;
}

const STRAP = { exercise: "strap-stretch", variant: "strap-knee-bent", holds: 2, holdSeconds: 20 };

/** What `eightWeeks` wrote, for tests to check against. */
export interface SeededHistory {
  today: string;
  events: LimberEvent[];
  /** A note's words that only one note holds. */
  noteText: string;
  goals: string[];
}

/**
 * Eight weeks of a person's history ending `today`: check-ins whose pain eases from 6 to 2,
 * five practice days of seven (the 3rd and 6th of each week missed), context answers, two
 * function goals rated weekly from 3 to 7 (the last rating 8 days ago, so one is due), knee
 * extension tests (left 38° → 26°, right 35° → 31°), notes and answers to "What felt easier?".
 */
export function eightWeeks(today: string): SeededHistory {
  const events: LimberEvent[] = [
    event("settings", addDays(today, -56), "07:00", {
      disclaimerAccepted: true,
      region: "GB",
      anchor: "after my morning coffee",
      weeklyDays: 5,
    }),
  ];
  for (let ago = 55; ago >= 0; ago--) {
    const day = addDays(today, -ago);
    const index = 55 - ago;
    const pain = Math.round(6 - (4 * index) / 55);
    const poorSleep = index % 4 === 0;
    events.push(
      event("checkin", day, "07:30", {
        back: poorSleep ? "grumpy" : pain >= 4 ? "okay" : "calm",
        pain,
        leg: "none",
        signs: [],
        context: { sleep: poorSleep ? "poor" : "good", deskDay: index % 7 < 5 },
      }),
    );
    if (index % 7 === 2 || index % 7 === 5) continue;
    events.push(
      event("session", day, "07:50", {
        kind: poorSleep ? "light" : "standard",
        blocks: [STRAP],
        feel: index % 9 === 0 ? "a-bit-much" : "comfortable",
        breathChat: true,
        nerve: "none",
        ...(index === 20 ? { note: "Left side tight after the long drive." } : {}),
      }),
    );
  }
  const goalStart = addDays(today, -55);
  const goals = [
    { goalId: "tie-shoes", activity: "Tying my shoes" },
    { goalId: "dropped-pen", activity: "Picking up a dropped pen" },
  ];
  for (const goal of goals) events.push(event("goal", goalStart, "08:00", goal));
  for (let week = 0; week < 7; week++) {
    const day = addDays(today, -8 - 7 * (6 - week));
    const rating = Math.min(10, 3 + Math.round((4 * week) / 6));
    for (const goal of goals) {
      events.push(event("goal-rating", day, "08:05", { goalId: goal.goalId, rating }));
    }
  }
  const ake = (ago: number, side: "left" | "right", deficitDegrees: number, method: string) =>
    event("measurement", addDays(today, -ago), "08:10", {
      test: "ake",
      side,
      deficitDegrees,
      method,
    });
  events.push(
    ake(54, "left", 38, "inclinometer"),
    ake(54, "right", 35, "inclinometer"),
    ake(27, "left", 30, "inclinometer"),
    ake(27, "right", 33, "manual"),
    ake(6, "left", 26, "inclinometer"),
    ake(6, "right", 31, "manual"),
    event("measurement", addDays(today, -6), "08:15", { test: "sit-and-reach", cm: -4 }),
  );
  const noteText = "Carried the shopping up the stairs without stopping";
  events.push(
    event("note", addDays(today, -12), "19:00", { text: noteText }),
    event("note", addDays(today, -30), "20:00", {
      text: "Slept badly, back stiff in the morning.",
    }),
    event("note", addDays(today, -3), "08:20", { text: "easier: picking up the laundry basket" }),
    event("note", addDays(today, -17), "08:20", { text: "easier: getting out of the car" }),
  );
  return { today, events, noteText, goals: goals.map((g) => g.activity) };
}

/**
 * Writes `events` into the app's IndexedDB on this page (opened at the app) and reloads, as if
 * they had been recorded on this device over the weeks.
 */
export async function seedEvents(page: Page, events: readonly LimberEvent[]): Promise<void> {
  await page.evaluate(
    (all) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("limber");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(["events", "outbox"], "readwrite");
          for (const e of all) {
            tx.objectStore("events").put(e);
            tx.objectStore("outbox").put({ id: e.id });
          }
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    events as LimberEvent[],
  );
  await page.reload();
}

/** A fresh app with eight weeks of history, showing Today. */
export async function seedEightWeeks(page: Page): Promise<SeededHistory> {
  // Wait until the app has opened (and so created) its database before writing into it.
  await page.getByRole("heading", { name: "Welcome to Limber" }).waitFor();
  const history = eightWeeks(await pageToday(page));
  await seedEvents(page, history.events);
  return history;
}
