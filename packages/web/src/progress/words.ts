import type { PlanKind } from "@limber/core";
// The progress screens' styles travel with the module they all share, in a chunk that has code.
import "./progress.css";

/** Plain words for the things a day can hold, shared by History, Progress and the report. */
export const BACK_WORD = { calm: "calm", okay: "okay", grumpy: "grumpy" } as const;
export const FEEL_WORD = {
  comfortable: "comfortable",
  "a-bit-much": "a bit much",
  "too-much": "too much",
} as const;
export const PLAN_WORD: Record<PlanKind, string> = {
  standard: "a full session",
  light: "a gentle session",
  micro: "short sessions",
  "walk-only": "a walk",
  none: "a rest day",
};

const longDay = new Intl.DateTimeFormat(undefined, {
  weekday: "long",
  day: "numeric",
  month: "long",
  timeZone: "UTC",
});
const shortDay = new Intl.DateTimeFormat(undefined, {
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});

const noon = (day: string) => new Date(`${day}T12:00:00Z`);
/** "Tuesday 24 November" for a calendar day. */
export const dayLong = (day: string): string => longDay.format(noon(day));
/** "24 Nov" for a calendar day. */
export const dayShort = (day: string): string => shortDay.format(noon(day));
/** The day of the month, "24". */
export const dayOfMonth = (day: string): string => String(Number(day.slice(8, 10)));

/** Starts a download of `blob` named `name`. */
export function download(blob: Blob, name: string): void {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
