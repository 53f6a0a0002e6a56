import { addDays } from "../days.ts";
import { dayPains } from "../events/day-pain.ts";
import type { ReadModel } from "../events/read-model.ts";
import type { PlanKind } from "../events/schema.ts";
import { creditByDay } from "../history.ts";
import { checkInsByDay, daysFrom, weekStartOf } from "./common.ts";
import { journal } from "./journal.ts";

export interface CalendarDay {
  day: string;
  back?: "calm" | "okay" | "grumpy";
  pain?: number;
  /** The kind of session the day's plan offered: as the session recorded it, else as seen. */
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

/** Weeks (Monday first) from `from` to `to`, each day with its check-in, plan, session and notes. */
export function practiceCalendar(log: ReadModel, from: string, to: string): CalendarWeek[] {
  const { state } = log;
  const checkIns = checkInsByDay(state, from, to);
  const pains = dayPains(state, from, to);
  const credit = creditByDay(state, from, to);
  const notes = journal(state)
    .filter((e) => e.day >= from && e.day <= to)
    .reverse();
  const recordedKind = (day: string) =>
    state.sessions.findLast((s) => s.day === day && s.data.kind !== undefined)?.data.kind;
  const weeks: CalendarWeek[] = [];
  for (let weekStart = weekStartOf(from); weekStart <= to; weekStart = addDays(weekStart, 7)) {
    const first = weekStart < from ? from : weekStart;
    const last = addDays(weekStart, 6) > to ? to : addDays(weekStart, 6);
    const days = daysFrom(first, last).map((day): CalendarDay => {
      const checkIn = checkIns.get(day);
      const sessions = state.sessions.filter((s) => s.day === day);
      const planKind = recordedKind(day) ?? log.days.get(day)?.plan.kind;
      const pain = pains.get(day);
      const feel = sessions.at(-1)?.data.feel;
      const dayCredit = credit.get(day) ?? 0;
      return {
        day,
        ...(checkIn ? { back: checkIn.data.back } : {}),
        ...(pain !== undefined ? { pain } : {}),
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
