import { weekdayOf } from "../days.ts";
import type { LimberState, Settings } from "../events/state.ts";
import { creditByDay } from "../history.ts";

/**
 * The reminder's rule (R-ANCHOR), shared by the device that shows it while Limber is open and the
 * server that sends it by Web Push: it names the person's anchor and nothing else, comes on the
 * chosen weekdays at the chosen local time, and not on a day already practised.
 */

/** The reminder's words: the anchor, when there is one, and an invitation; no other data. */
export function reminderText(anchor: string | undefined): { title: string; body: string } {
  const named = anchor?.trim();
  return {
    title: "Limber",
    body: named
      ? `${named[0]?.toUpperCase()}${named.slice(1)}: time for today's few minutes of Limber.`
      : "Time for today's few minutes of Limber.",
  };
}

/** Whether the day is practised by the one credit rule: a full session, or two short ones. */
export function practisedOn(state: LimberState, day: string): boolean {
  return (creditByDay(state, day, day).get(day) ?? 0) >= 1;
}

/** Whether the text names an IANA time zone this platform knows, such as Europe/Paris. */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z0-9_+\-/]+$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The local calendar day ("YYYY-MM-DD") and wall-clock time ("HH:MM") of an instant in a zone. */
export function wallClock(instant: Date, timeZone: string): { day: string; time: string } {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return {
    day: `${get("year").padStart(4, "0")}-${get("month")}-${get("day")}`,
    time: `${get("hour")}:${get("minute")}`,
  };
}

/** A reminder found late (a server that was down at the time) is not sent after this. */
export const REMINDER_LATE_MINUTES = 30;

const minutesOf = (time: string) => {
  const [hours, minutes] = time.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
};

/**
 * The local day whose reminder is due at `now` in `timeZone`: the settings name a reminder, the
 * day is one of its weekdays, and the local time is the reminder's or up to
 * REMINDER_LATE_MINUTES after it. Undefined when none is due. Whether the day was practised is
 * the caller's to ask (`practisedOn`) for the day returned.
 */
export function reminderDueDay(
  settings: Pick<Settings, "reminder">,
  now: Date,
  timeZone: string,
): string | undefined {
  const { reminder } = settings;
  if (!reminder || reminder.days.length === 0) return undefined;
  const local = wallClock(now, timeZone);
  if (!reminder.days.includes(weekdayOf(local.day))) return undefined;
  const after = minutesOf(local.time) - minutesOf(reminder.time);
  return after >= 0 && after < REMINDER_LATE_MINUTES ? local.day : undefined;
}
