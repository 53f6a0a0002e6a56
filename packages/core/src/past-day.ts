import { dayLabel } from "./day-label.ts";
import { daysBetween } from "./days.ts";

/** "yesterday", or "on Wednesday 25 November 2026": a past day as a sentence names it. */
export function pastDay(day: string, today: string): string {
  return daysBetween(day, today) === 1 ? "yesterday" : `on ${dayLabel(day, "full")}`;
}
