import { addDays } from "../days.ts";
import type { Dated, LimberState } from "../events/project.ts";
import type { CheckIn, LimberEvent, PlanKind } from "../events/schema.ts";
import { creditByDay } from "../history.ts";
import { plansAsSeen } from "../planner/as-seen.ts";
import { planSession } from "../planner/plan.ts";
import { checkInsByDay, daysFrom, weekStartOf } from "./common.ts";
import { journal } from "./journal.ts";

export interface CalendarDay {
  day: string;
  back?: "calm" | "okay" | "grumpy";
  pain?: number;
  /** The kind of session the day's plan offered: as the session recorded it, else replanned. */
  planKind?: PlanKind;
  feel?: "comfortable" | "a-bit-much" | "too-much";
  /** 1 for a full session, 0.5 for each short (micro) one, at most 1 (R-TIME). */
  credit: number;
  /** A practice day: credit reached 1. */
  practised: boolean;
  notes: string[];
}

export interface CalendarWeek {
  weekStart: string;
  /** The week's days from `from` to `to` only, so a first or last week may be partial. */
  days: CalendarDay[];
  practiceDays: number;
  /** The weekly goal in practice days (R-CONSISTENCY: days a week, never a streak). */
  goal: number;
}

export interface CalendarOptions {
  /**
   * The raw log. With it, a day with a check-in and no recorded kind is replanned exactly as
   * the person saw it (`checkedInDay`). Without it, the plan is made from the folded state cut
   * at that check-in, which differs only when a later retraction withdrew an earlier event.
   */
  events?: readonly LimberEvent[];
}

const before = (at: string, id: string) => (e: { at: string; id: string }) => {
  const t = Date.parse(e.at) - Date.parse(at);
  return t < 0 || (t === 0 && e.id <= id);
};

/** The folded state as it stood at one check-in (see CalendarOptions). */
function stateAt(state: LimberState, checkIn: Dated<CheckIn>): LimberState {
  const upTo = before(checkIn.at, checkIn.id);
  return {
    ...state,
    checkIns: state.checkIns.filter(upTo),
    sessions: state.sessions.filter(upTo),
    clearances: state.clearances.filter(upTo),
    measurements: state.measurements.filter(upTo),
    goals: state.goals.filter(upTo),
    goalRatings: state.goalRatings.filter(upTo),
    notes: state.notes.filter(upTo),
    activities: state.activities.filter(upTo),
  };
}

/** The kind of plan the person saw on a day with a check-in, from the folded state alone. */
export function plannedKind(state: LimberState, checkIn: Dated<CheckIn>): PlanKind {
  return planSession(stateAt(state, checkIn), checkIn.data, checkIn.day).kind;
}

/** Weeks (Monday first) from `from` to `to`, each day with its check-in, plan, session and notes. */
export function practiceCalendar(
  state: LimberState,
  from: string,
  to: string,
  options: CalendarOptions = {},
): CalendarWeek[] {
  const checkIns = checkInsByDay(state, from, to);
  const credit = creditByDay(state, from, to);
  const notes = journal(state)
    .filter((e) => e.day >= from && e.day <= to)
    .reverse();
  const recordedKind = (day: string) =>
    state.sessions.findLast((s) => s.day === day && s.data.kind !== undefined)?.data.kind;
  // Days with a check-in but no session that says its kind: their plan is made again, all in
  // one pass over the raw log when there is one.
  const unrecorded = [...checkIns.keys()].filter((day) => recordedKind(day) === undefined);
  const seen = options.events ? plansAsSeen(options.events, unrecorded) : undefined;
  const weeks: CalendarWeek[] = [];
  for (let weekStart = weekStartOf(from); weekStart <= to; weekStart = addDays(weekStart, 7)) {
    const first = weekStart < from ? from : weekStart;
    const last = addDays(weekStart, 6) > to ? to : addDays(weekStart, 6);
    const days = daysFrom(first, last).map((day): CalendarDay => {
      const checkIn = checkIns.get(day);
      const sessions = state.sessions.filter((s) => s.day === day);
      const planKind =
        recordedKind(day) ??
        (checkIn ? (seen?.get(day)?.kind ?? plannedKind(state, checkIn)) : undefined);
      const feel = sessions.at(-1)?.data.feel;
      const dayCredit = credit.get(day) ?? 0;
      return {
        day,
        ...(checkIn ? { back: checkIn.data.back } : {}),
        ...(checkIn?.data.pain !== undefined ? { pain: checkIn.data.pain } : {}),
        ...(planKind ? { planKind } : {}),
        ...(feel ? { feel } : {}),
        credit: dayCredit,
        practised: dayCredit >= 1,
        notes: notes.filter((n) => n.day === day).map((n) => n.text),
      };
    });
    weeks.push({
      weekStart,
      days,
      practiceDays: days.filter((d) => d.practised).length,
      goal: state.settings.weeklyDays,
    });
  }
  return weeks;
}
