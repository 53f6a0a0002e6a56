import type { LimberState } from "./state.ts";

/**
 * Each day's pain from `from` to `to`, the one definition every reader uses (domain.md §6:
 * plateau, spikes, charts, the report): the latest pain recorded at a check-in that day. A
 * second check-in the same day supersedes the first's pain; one that leaves pain out leaves the
 * earlier answer standing. With `until`, only check-ins at or before that instant count.
 */
export function dayPains(
  state: LimberState,
  from: string,
  to: string,
  until?: string,
): Map<string, number> {
  const limit = until === undefined ? undefined : Date.parse(until);
  const pains = new Map<string, number>();
  for (const checkIn of state.checkIns) {
    const { day, at, data } = checkIn;
    if (day < from || day > to || data.pain === undefined) continue;
    if (limit !== undefined && Date.parse(at) > limit) continue;
    pains.set(day, data.pain); // lists are in log order: a later check-in supersedes
  }
  return pains;
}

/** One day's pain (see `dayPains`); with `until`, as it stood at that instant. */
export function dayPain(state: LimberState, day: string, until?: string): number | undefined {
  return dayPains(state, day, day, until).get(day);
}
