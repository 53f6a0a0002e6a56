import type { SourceId } from "../sources.ts";
import { oneDecimal, plural, toTenths } from "./common.ts";

/** What a statement of change is about. */
export type Measure = "pain" | "function" | "range-left" | "range-right" | "sit-and-reach";

/**
 * A change between a first and a latest reading, told plainly and called meaningful only past
 * its measure's threshold (domain.md §6); below it, the words say it is ordinary variation.
 */
export interface ChangeStatement {
  measure: Measure;
  from: number;
  to: number;
  /** `to - from`. */
  change: number;
  meaningful: boolean;
  direction: "better" | "worse" | "same";
  text: string;
  source: SourceId;
}

/** The words said of a change that does not pass its threshold (domain.md §6). */
export const WITHIN_VARIATION = "within normal day-to-day variation";
/** The words said of a range change under 8 degrees (NETO15). */
export const WITHIN_MEASUREMENT_ERROR = "within measurement error";

/** OSTELO08: 2 points, or 30% of where pain started, on the 0–10 scale. In tenths of a point. */
export function painChangeIsMeaningful(fromTenths: number, toTenthsValue: number): boolean {
  const change = Math.abs(toTenthsValue - fromTenths);
  return change >= 20 || (fromTenths > 0 && change * 10 >= fromTenths * 3);
}

const span = (weeks: number) => (weeks <= 0 ? "within a week" : `in ${plural(weeks, "week")}`);
const over = (weeks: number) => (weeks <= 0 ? "within a week" : `over ${plural(weeks, "week")}`);

/** Which way a change went, for a measure where lower is better or where higher is. */
function directionOf(
  from: number,
  to: number,
  lowerIsBetter: boolean,
): ChangeStatement["direction"] {
  if (from === to) return "same";
  return to < from === lowerIsBetter ? "better" : "worse";
}

/**
 * A change under its threshold, the caveat first (domain.md §6): "Within measurement error:
 * left knee straightened further, …", so nobody reads the direction as the news.
 */
function caveatFirst(caveat: string, head: string): string {
  const raised = `${caveat.charAt(0).toUpperCase()}${caveat.slice(1)}`;
  return `${raised}: ${lowerFirst(head)}.`;
}

const lowerFirst = (text: string) => `${text.charAt(0).toLowerCase()}${text.slice(1)}`;

/** Pain and activity scores: one decimal, judged in tenths so the words match the figures. */
function scoreStatement(
  measure: "pain" | "function",
  from: number,
  to: number,
  words: { better: string; worse: string; same: string; unit: string; lowerIsBetter: boolean },
  isMeaningful: (fromTenths: number, toTenths: number) => boolean,
  weeks: number,
  source: SourceId,
): ChangeStatement {
  const a = toTenths(from);
  const b = toTenths(to);
  const meaningful = a !== b && isMeaningful(a, b);
  const direction = directionOf(a, b, words.lowerIsBetter);
  const figures = `from ${oneDecimal(a / 10)} to ${oneDecimal(b / 10)}${words.unit} ${span(weeks)}`;
  const head =
    direction === "same"
      ? `${words.same} ${oneDecimal(a / 10)}${words.unit} ${over(weeks)}`
      : `${direction === "better" ? words.better : words.worse} ${figures}`;
  return {
    measure,
    from: a / 10,
    to: b / 10,
    change: (b - a) / 10,
    meaningful,
    direction,
    text: meaningful ? `${head}: a meaningful change.` : caveatFirst(WITHIN_VARIATION, head),
    source,
  };
}

/** A pain statement from two weekly averages, `weeks` apart. Lower pain is better. */
export function painStatement(from: number, to: number, weeks: number): ChangeStatement {
  const words = {
    better: "Pain eased",
    worse: "Pain rose",
    same: "Pain stayed at",
    unit: "",
    lowerIsBetter: true,
  };
  return scoreStatement("pain", from, to, words, painChangeIsMeaningful, weeks, "OSTELO08");
}

/** ABBOTT14: a PSFS average that moves 2 points or more. Higher is better. */
export function functionStatement(from: number, to: number, weeks: number): ChangeStatement {
  const words = {
    better: "Everyday activities got easier, rated",
    worse: "Everyday activities got harder, rated",
    same: "Everyday activities stayed at",
    unit: " out of 10",
    lowerIsBetter: false,
  };
  const twoPoints = (a: number, b: number) => Math.abs(b - a) >= 20;
  return scoreStatement("function", from, to, words, twoPoints, weeks, "ABBOTT14");
}

/** NETO15: a knee-extension deficit that moves 8 degrees or more. A smaller deficit is better. */
export function rangeStatement(
  side: "left" | "right",
  from: number,
  to: number,
  weeks: number,
): ChangeStatement {
  const a = Math.round(from);
  const b = Math.round(to);
  const meaningful = Math.abs(b - a) >= 8;
  const direction = directionOf(a, b, true);
  const leg = side === "left" ? "Left" : "Right";
  const head =
    direction === "same"
      ? `${leg} knee stayed ${a}° short of straight ${over(weeks)}`
      : `${leg} knee ${direction === "better" ? "straightened further" : "straightened less"}, from ${a}° to ${b}° short of straight ${span(weeks)}`;
  return {
    measure: side === "left" ? "range-left" : "range-right",
    from: a,
    to: b,
    change: b - a,
    meaningful,
    direction,
    text: meaningful ? `${head}: a real change.` : caveatFirst(WITHIN_MEASUREMENT_ERROR, head),
    source: "NETO15",
  };
}
