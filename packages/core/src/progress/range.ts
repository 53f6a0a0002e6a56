import { daysBetween } from "../days.ts";
import type { LimberState } from "../events/state.ts";
import { type ChangeStatement, rangeStatement } from "./change.ts";

/** A knee-extension deficit over about 20 degrees counts as limited (domain.md §6). */
export const LIMITED_DEFICIT_DEGREES = 20;

export interface RangeSide {
  side: "left" | "right";
  /** Active knee extension: degrees short of straight, oldest first. */
  measurements: { day: string; deficitDegrees: number; method: "inclinometer" | "manual" }[];
  /** First measurement against the latest: real only at 8 degrees or more (NETO15). */
  change?: ChangeStatement;
  /** The latest deficit is over 20 degrees. */
  limited: boolean;
}

export interface RangeProgress {
  /** Only the sides that have a measurement, left first. */
  sides: RangeSide[];
  sitAndReach: { day: string; cm: number }[];
}

/** Range measurements as of `today` (active knee extension by side, and sit-and-reach). */
export function rangeProgress(state: LimberState, today: string): RangeProgress {
  const measured = state.measurements.filter((m) => m.day <= today);
  const sides: RangeSide[] = [];
  for (const side of ["left", "right"] as const) {
    const measurements = measured.flatMap((m) =>
      m.data.test === "ake" && m.data.side === side
        ? [{ day: m.day, deficitDegrees: m.data.deficitDegrees, method: m.data.method }]
        : [],
    );
    measurements.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    const first = measurements[0];
    const last = measurements.at(-1);
    if (!first || !last) continue;
    const change =
      first !== last
        ? rangeStatement(
            side,
            first.deficitDegrees,
            last.deficitDegrees,
            Math.floor(daysBetween(first.day, last.day) / 7),
          )
        : undefined;
    sides.push({
      side,
      measurements,
      ...(change ? { change } : {}),
      limited: last.deficitDegrees > LIMITED_DEFICIT_DEGREES,
    });
  }
  const sitAndReach = measured
    .flatMap((m) => (m.data.test === "sit-and-reach" ? [{ day: m.day, cm: m.data.cm }] : []))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  return { sides, sitAndReach };
}
