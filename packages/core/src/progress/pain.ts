import { addDays, daysBetween } from "../days.ts";
import { dayPains } from "../events/day-pain.ts";
import type { LimberState } from "../events/state.ts";
import { practiceDays } from "../history.ts";
import { type ChangeStatement, painStatement } from "./change.ts";
import { checkInsByDay, mean, weekStartOf } from "./common.ts";

/** One week's pain, Monday to Sunday. */
export interface WeekPain {
  weekStart: string;
  /** Mean pain (0–10) over the week's days with a pain rating; absent when none was given. */
  average?: number;
  /** Days of the week with a check-in. */
  checkIns: number;
  /** Practice days of the week (a full session, or two short ones). */
  practiceDays: number;
}

/**
 * The last `weeks` weeks of pain, oldest first, the last one holding `today`: the mean of each
 * day's pain (`dayPains`); nothing after `today` counts.
 */
export function painByWeek(state: LimberState, today: string, weeks: number): WeekPain[] {
  if (!Number.isInteger(weeks) || weeks < 1)
    throw new RangeError("weeks is a whole number of 1 or more");
  const lastWeek = weekStartOf(today);
  const rows: WeekPain[] = [];
  for (let i = weeks - 1; i >= 0; i--) {
    const weekStart = addDays(lastWeek, -7 * i);
    const weekEnd = addDays(weekStart, 6) < today ? addDays(weekStart, 6) : today;
    const days = [...checkInsByDay(state, weekStart, weekEnd).values()];
    const average = mean([...dayPains(state, weekStart, weekEnd).values()]);
    rows.push({
      weekStart,
      ...(average === undefined ? {} : { average }),
      checkIns: days.length,
      practiceDays: practiceDays(state, weekStart, weekEnd).length,
    });
  }
  return rows;
}

/**
 * Pain's change over the last `weeks` weeks: the first week with a pain rating against the
 * last one, meaningful at 2 points or 30% (OSTELO08). Undefined with fewer than two such weeks.
 */
export function painChange(
  state: LimberState,
  today: string,
  weeks: number,
): ChangeStatement | undefined {
  const rated = painByWeek(state, today, weeks).filter((w) => w.average !== undefined);
  const first = rated[0];
  const last = rated.at(-1);
  if (!first || !last || first === last) return undefined;
  return painStatement(
    first.average as number,
    last.average as number,
    daysBetween(first.weekStart, last.weekStart) / 7,
  );
}
