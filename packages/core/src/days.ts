/**
 * Calendar-day arithmetic on local days ("YYYY-MM-DD"). A local day has no time zone of its
 * own, so it is counted on the UTC calendar, where every day is exactly 24 hours.
 */
import { WEEKDAYS, type Weekday } from "./weekdays.ts";

const MS_PER_DAY = 86_400_000;

/**
 * Days already turned into numbers. The planner compares every past session's day with today,
 * and a long log holds a few thousand distinct days, so each is parsed once; the cache is
 * emptied if it ever grows past any real log's span.
 */
const epochDays = new Map<string, number>();
const EPOCH_DAYS_KEPT = 100_000;

function toEpochDay(day: string): number {
  let epochDay = epochDays.get(day);
  if (epochDay === undefined) {
    epochDay = Date.parse(`${day}T00:00:00Z`) / MS_PER_DAY;
    if (epochDays.size >= EPOCH_DAYS_KEPT) epochDays.clear();
    epochDays.set(day, epochDay);
  }
  return epochDay;
}

/** The day `count` days after `day` (before it when negative). */
export function addDays(day: string, count: number): string {
  return new Date((toEpochDay(day) + count) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return Math.round(toEpochDay(to) - toEpochDay(from));
}

/** Where `day` falls in its week: 0 for Monday to 6 for Sunday (ISO 8601). */
function weekdayIndex(day: string): number {
  return (new Date(toEpochDay(day) * MS_PER_DAY).getUTCDay() + 6) % 7;
}

/** The day of the week `day` falls on. */
export function weekdayOf(day: string): Weekday {
  const weekday = WEEKDAYS[weekdayIndex(day)];
  if (weekday === undefined) throw new RangeError(`"${day}" is not a calendar day`);
  return weekday;
}

/** The Monday of the week `day` falls in (weeks run Monday to Sunday, as ISO 8601 has them). */
export function weekStartOf(day: string): string {
  return addDays(day, -weekdayIndex(day));
}
