import { reminderText, type Weekday, weekdayOf } from "@limber/core";
import { localDay } from "../store/local-time.ts";

/** A notification to show at a moment: the anchor's reminder, or a desk snack (R-DESK). */
export interface Nudge {
  at: Date;
  kind: "reminder" | "desk-snack";
  title: string;
  body: string;
}

export interface NudgeInput {
  /** R-ANCHOR: the chosen weekdays and local time, with the anchor the reminder names. */
  reminder?: { days: readonly Weekday[]; time: string };
  anchor?: string;
  /** R-DESK: on a desk day, snacks are offered between these local times. */
  workWindow?: { start: string; end: string };
  deskDayToday: boolean;
  practisedToday: boolean;
  /** The end of the latest session today, so a snack never follows right after one. */
  lastSessionAt?: Date;
}

/** A desk snack about once an hour of sitting. */
export const SNACK_EVERY_MINUTES = 60;
const MS_PER_MINUTE = 60_000;

function atLocalTime(day: Date, time: string): Date {
  const [hours, minutes] = time.split(":").map(Number);
  const at = new Date(day);
  at.setHours(hours ?? 0, minutes ?? 0, 0, 0);
  return at;
}

function nextReminder(now: Date, input: NudgeInput): Nudge | undefined {
  const { reminder } = input;
  if (!reminder || reminder.days.length === 0) return undefined;
  for (let ahead = 0; ahead <= 7; ahead++) {
    const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + ahead);
    if (!reminder.days.includes(weekdayOf(localDay(day)))) continue;
    if (ahead === 0 && input.practisedToday) continue;
    const at = atLocalTime(day, reminder.time);
    if (at <= now) continue;
    return { at, kind: "reminder", ...reminderText(input.anchor) };
  }
  return undefined;
}

function nextSnack(now: Date, input: NudgeInput): Nudge | undefined {
  const { workWindow } = input;
  if (!workWindow || !input.deskDayToday) return undefined;
  const start = atLocalTime(now, workWindow.start);
  const end = atLocalTime(now, workWindow.end);
  const rested = input.lastSessionAt
    ? input.lastSessionAt.getTime() + SNACK_EVERY_MINUTES * MS_PER_MINUTE
    : 0;
  for (
    let at = start.getTime() + SNACK_EVERY_MINUTES * MS_PER_MINUTE;
    at < end.getTime();
    at += SNACK_EVERY_MINUTES * MS_PER_MINUTE
  ) {
    if (at <= now.getTime() || at < rested) continue;
    return {
      at: new Date(at),
      kind: "desk-snack",
      title: "Desk snack",
      body: "A minute of movement between sitting blocks. It counts toward today.",
    };
  }
  return undefined;
}

/**
 * The next notification after `now`, if any: today's or a coming day's reminder on the chosen
 * weekdays (not today's once practice is done), or, on a desk day, a snack about once an hour
 * inside the work window, never within the hour after a session.
 */
export function nextNudge(now: Date, input: NudgeInput): Nudge | undefined {
  const candidates = [nextReminder(now, input), nextSnack(now, input)].filter(
    (nudge): nudge is Nudge => nudge !== undefined,
  );
  return candidates.sort((a, b) => a.at.getTime() - b.at.getTime())[0];
}
