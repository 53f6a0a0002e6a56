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

/** A pain statement from two weekly averages, `weeks` apart. Lower pain is better. */
export function painStatement(from: number, to: number, weeks: number): ChangeStatement {
  const a = toTenths(from);
  const b = toTenths(to);
  const meaningful = a !== b && painChangeIsMeaningful(a, b);
  const direction = b < a ? "better" : b > a ? "worse" : "same";
  const figures = `from ${oneDecimal(a / 10)} to ${oneDecimal(b / 10)} ${span(weeks)}`;
  const head =
    direction === "better"
      ? `Pain eased ${figures}`
      : direction === "worse"
        ? `Pain rose ${figures}`
        : `Pain stayed at ${oneDecimal(a / 10)} ${weeks <= 0 ? "within a week" : `over ${plural(weeks, "week")}`}`;
  return {
    measure: "pain",
    from: a / 10,
    to: b / 10,
    change: (b - a) / 10,
    meaningful,
    direction,
    text: `${head}: ${meaningful ? "a meaningful change" : WITHIN_VARIATION}.`,
    source: "OSTELO08",
  };
}

/** ABBOTT14: a PSFS average that moves 2 points or more. Higher is better. */
export function functionStatement(from: number, to: number, weeks: number): ChangeStatement {
  const a = toTenths(from);
  const b = toTenths(to);
  const meaningful = Math.abs(b - a) >= 20;
  const direction = b > a ? "better" : b < a ? "worse" : "same";
  const figures = `from ${oneDecimal(a / 10)} to ${oneDecimal(b / 10)} out of 10 ${span(weeks)}`;
  const head =
    direction === "better"
      ? `Everyday activities got easier: rated ${figures}`
      : direction === "worse"
        ? `Everyday activities got harder: rated ${figures}`
        : `Everyday activities stayed at ${oneDecimal(a / 10)} out of 10 ${weeks <= 0 ? "within a week" : `over ${plural(weeks, "week")}`}`;
  return {
    measure: "function",
    from: a / 10,
    to: b / 10,
    change: (b - a) / 10,
    meaningful,
    direction,
    text: `${head}: ${meaningful ? "a meaningful change" : WITHIN_VARIATION}.`,
    source: "ABBOTT14",
  };
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
  const direction = b < a ? "better" : b > a ? "worse" : "same";
  const leg = side === "left" ? "Left" : "Right";
  const head =
    direction === "same"
      ? `${leg} knee stayed ${a}° short of straight ${weeks <= 0 ? "within a week" : `over ${plural(weeks, "week")}`}`
      : `${leg} knee ${direction === "better" ? "straightened further" : "straightened less"}: from ${a}° to ${b}° short of straight ${span(weeks)}`;
  return {
    measure: side === "left" ? "range-left" : "range-right",
    from: a,
    to: b,
    change: b - a,
    meaningful,
    direction,
    text: `${head}: ${meaningful ? "a real change" : WITHIN_MEASUREMENT_ERROR}.`,
    source: "NETO15",
  };
}
