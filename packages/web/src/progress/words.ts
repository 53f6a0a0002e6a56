import type { PlanKind } from "@limber/core";
// The progress screens' styles travel with the module they all share, in a chunk that has code.
import "./progress.css";

// The progress screens take the on-screen day label from here, so that their styles come too.
export { screenDay } from "../screen-day.ts";

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

/** Starts a download of `blob` named `name`. */
export function download(blob: Blob, name: string): void {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
