import { addDays, daysBetween } from "../days.ts";
import type { LimberState } from "../events/state.ts";
import { type ChangeStatement, functionStatement } from "./change.ts";
import { mean, toTenths } from "./common.ts";

/** PSFS: a person names at most 3 everyday activities (ABBOTT14). */
export const MAX_GOALS = 3;
/** A new PSFS rating is asked for when the last one is this many days old or older. */
export const RATING_INTERVAL_DAYS = 7;

export interface GoalProgress {
  goalId: string;
  activity: string;
  /** One rating a day (the day's latest), oldest first; 10 is "as before the problem". */
  ratings: { day: string; rating: number }[];
}

export interface FunctionProgress {
  goals: GoalProgress[];
  /** The PSFS score on each day any goal was rated: the mean of every goal's latest rating. */
  scores: { day: string; average: number }[];
  /** First score against the latest; meaningful at 2 points or more (ABBOTT14). */
  change?: ChangeStatement;
  /** Goals exist and none was rated in the last 7 days. */
  ratingDue: boolean;
}

/**
 * The active goals, oldest first. A goal event whose goalId is already active renames that
 * goal; a retracted goal event is gone (so retracting it removes the goal, or undoes the
 * rename). Only the first 3 distinct goalIds count: a 4th goal is left out of every score until
 * an earlier one is retracted. Screens offer no 4th goal (see `canAddGoal`).
 */
export function activeGoals(
  state: LimberState,
  today: string,
): { goalId: string; activity: string }[] {
  const goals = new Map<string, string>();
  for (const goal of state.goals) {
    if (goal.day > today) continue;
    if (goals.has(goal.data.goalId) || goals.size < MAX_GOALS) {
      goals.set(goal.data.goalId, goal.data.activity);
    }
  }
  return [...goals].map(([goalId, activity]) => ({ goalId, activity }));
}

/** Whether another goal may be named today (fewer than 3 active). */
export function canAddGoal(state: LimberState, today: string): boolean {
  return activeGoals(state, today).length < MAX_GOALS;
}

/** PSFS progress as of `today` (domain.md §6). */
export function functionProgress(state: LimberState, today: string): FunctionProgress {
  const goals: GoalProgress[] = activeGoals(state, today).map((goal) => {
    const byDay = new Map<string, number>();
    for (const r of state.goalRatings) {
      if (r.data.goalId === goal.goalId && r.day <= today) byDay.set(r.day, r.data.rating);
    }
    const ratings = [...byDay]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([day, rating]) => ({ day, rating }));
    return { ...goal, ratings };
  });

  const ratedDays = [...new Set(goals.flatMap((g) => g.ratings.map((r) => r.day)))].sort();
  const scores = ratedDays.map((day) => {
    const latest = goals.flatMap((g) => g.ratings.filter((r) => r.day <= day).at(-1)?.rating ?? []);
    return { day, average: toTenths(mean(latest) as number) / 10 };
  });

  const first = scores[0];
  const last = scores.at(-1);
  const change =
    first && last && first !== last
      ? functionStatement(
          first.average,
          last.average,
          Math.floor(daysBetween(first.day, last.day) / 7),
        )
      : undefined;
  const lastRating = ratedDays.at(-1);
  const ratingDue =
    goals.length > 0 &&
    (lastRating === undefined || lastRating <= addDays(today, -RATING_INTERVAL_DAYS));
  return { goals, scores, ...(change ? { change } : {}), ratingDue };
}
