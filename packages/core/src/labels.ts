import { daysBetween } from "./days.ts";

const WEEKDAY_NAMES = [
  "Sunday",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
];
const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * A local day as a person reads it in Limber's own sentences: "Wednesday 25 November 2026".
 * Spelled out rather than through Intl, so it reads the same on every device and in the CLI.
 */
export function longDay(day: string): string {
  // A local day has no zone of its own; on the UTC calendar it is exactly that day (days.ts).
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = WEEKDAY_NAMES[date.getUTCDay()];
  const month = MONTH_NAMES[date.getUTCMonth()];
  return `${weekday} ${date.getUTCDate()} ${month} ${date.getUTCFullYear()}`;
}

/** "yesterday", or "on Wednesday 25 November 2026": a past day as a sentence names it. */
export function pastDay(day: string, today: string): string {
  return daysBetween(day, today) === 1 ? "yesterday" : `on ${longDay(day)}`;
}

/** A duration as a sentence says it: "9 minutes", "1 minute"; never less than one. */
export function minutesOf(seconds: number): string {
  const minutes = Math.max(1, Math.round(seconds / 60));
  return `${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
}
