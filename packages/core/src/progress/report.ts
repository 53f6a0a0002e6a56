import { exerciseById, isExerciseId, variantById } from "../catalog/index.ts";
import { addDays, daysBetween } from "../days.ts";
import { periodStart } from "../events/period-start.ts";
import type { ReadModel } from "../events/read-model.ts";
import { isSpike, type PainPlateau, painPlateau, practiceDays } from "../history.ts";
import type { RuleId } from "../rules.ts";
import { findingsOf } from "../triage/findings.ts";
import { isEmergencySign, WARNING_SIGNS, type WarningSign } from "../triage/signs.ts";
import { type ProgrammeAdherence, programmeAdherence } from "./adherence.ts";
import { type CalendarWeek, practiceCalendar } from "./calendar.ts";
import type { ChangeStatement } from "./change.ts";
import { weekStartOf } from "./common.ts";
import { type ContextCount, contextCounts } from "./context.ts";
import { type FunctionProgress, functionProgress } from "./function.ts";
import { type JournalEntry, journal } from "./journal.ts";
import { painByWeek, painChange, type WeekPain } from "./pain.ts";
import { type RangeProgress, rangeProgress } from "./range.ts";

export const REPORT_WEEKS = [4, 8, 12] as const;
export type ReportWeeks = (typeof REPORT_WEEKS)[number];

/** What a person can hand a clinician: the last 4, 8 or 12 weeks, from the log alone. */
export interface ClinicianReport {
  /**
   * The first day: Monday of the first of the `weeks` weeks asked for, or the day of the
   * person's first entry when they started later.
   */
  from: string;
  /** The day the report was made for. */
  to: string;
  /** The weeks asked for. */
  weeks: ReportWeeks;
  /** The calendar weeks it covers, from `from`'s week to `to`'s: `weeks`, or fewer. */
  span: number;
  practiceDays: number;
  weeklyGoal: number;
  /**
   * Each day of the period: check-in, the kind of plan the person was shown (the session's
   * recorded kind, else the day replanned from its check-in), feel and practice credit.
   */
  calendar: CalendarWeek[];
  pain: { weeks: WeekPain[]; change?: ChangeStatement };
  function: FunctionProgress;
  range: RangeProgress;
  /** Days a check-in named a warning sign (leg answer included): every sign of the day, its tier. */
  warningSigns: { day: string; signs: string[]; tier: "emergency" | "see-clinician" }[];
  /** Days of sessions after which pain rose 2 points or more (R-SPIKE). */
  spikes: string[];
  /** Blocks softened during a session (R-BREATH). */
  softened: { day: string; exercise: string }[];
  /** Where each progressive exercise stands now. */
  levels: {
    exercise: string;
    name: string;
    variant: string;
    /** 1 for the first step. */
    step: number;
    /** How many steps its ladder has. */
    steps: number;
    rules: RuleId[];
  }[];
  /** Notes of the period, newest first, only when asked for. */
  notes?: JournalEntry[];
  context: ContextCount[];
  /** R-TRIAGE-C: pain still 3 or more with no meaningful change after about 4 weeks of practice. */
  caution?: PainPlateau;
  /** The programme a clinician prescribed, when one was followed in the period, and how it went. */
  programme?: ProgrammeAdherence;
  /** The person's name, when they chose to give it for the summary. */
  name?: string;
}

export interface ReportOptions {
  includeNotes?: boolean;
  /**
   * The person's name for the top of the summary, as typed: trimmed, its spaces run together,
   * at most `REPORT_NAME_MAX` characters (left out when empty).
   */
  name?: string;
}

/** The longest name a summary carries. */
export const REPORT_NAME_MAX = 80;

/** A name as the summary carries it, or undefined when empty; throws when it is too long. */
export function reportName(typed: string | undefined): string | undefined {
  const name = typed?.trim().replace(/\s+/g, " ");
  if (!name) return undefined;
  if (name.length > REPORT_NAME_MAX) {
    throw new RangeError(`a name on the summary has at most ${REPORT_NAME_MAX} characters`);
  }
  return name;
}

/** The Monday a report of `weeks` weeks ending with `today`'s week starts on. */
export function reportStart(today: string, weeks: ReportWeeks): string {
  return addDays(weekStartOf(today), -7 * (weeks - 1));
}

/**
 * The clinician report for the `weeks` calendar weeks (Monday first) ending with `today`'s, from
 * a read model whose days as seen include the report's (see `reportStart`). It starts no
 * earlier than the person's first entry: weeks before they began are not part of it.
 */
export function clinicianReport(
  log: ReadModel,
  today: string,
  weeks: ReportWeeks,
  options: ReportOptions = {},
): ClinicianReport {
  const { state } = log;
  if (!REPORT_WEEKS.includes(weeks)) throw new RangeError("a report covers 4, 8 or 12 weeks");
  const name = reportName(options.name);
  const started = periodStart(log, reportStart(today, weeks));
  const from = started > today ? today : started;
  const span = daysBetween(weekStartOf(from), weekStartOf(today)) / 7 + 1;
  const inRange = (day: string) => day >= from && day <= today;

  // Every sign named on a day counts, even when a later check-in that day left it out: a
  // clinician should hear of it. Only a check-in withdrawn by `retract` is gone.
  const signsByDay = new Map<string, Set<WarningSign>>();
  for (const c of state.checkIns) {
    const findings = findingsOf(c.data); // the leg answer counts as a sign too
    const named = [...findings.emergency, ...findings.seeClinician];
    if (!inRange(c.day) || named.length === 0) continue;
    const signs = signsByDay.get(c.day) ?? new Set<WarningSign>();
    for (const sign of named) signs.add(sign);
    signsByDay.set(c.day, signs);
  }
  const warningSigns = [...signsByDay]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([day, signs]): ClinicianReport["warningSigns"][number] => ({
      day,
      signs: [...signs].map((sign) => WARNING_SIGNS[sign]),
      tier: [...signs].some(isEmergencySign) ? "emergency" : "see-clinician",
    }));
  const periodSessions = state.sessions.filter((s) => inRange(s.day));
  const spikes = [...new Set(periodSessions.filter((s) => isSpike(state, s)).map((s) => s.day))];
  const softened = periodSessions.flatMap((s) =>
    s.data.blocks
      .filter((b) => b.softened)
      .map((b) => ({ day: s.day, exercise: exerciseById(b.exercise).name })),
  );
  const levels = Object.values(state.memory.levels).flatMap((level): ClinicianReport["levels"] => {
    // Exercises' own ladders; a slider's steps beside one are not a level of its own here.
    if (!isExerciseId(level.exercise)) return [];
    const exercise = exerciseById(level.exercise);
    const step = exercise.steps?.[level.step];
    if (!step) return [];
    return [
      {
        exercise: exercise.id,
        name: exercise.name,
        variant: variantById(step.variant).name,
        step: level.step + 1,
        steps: exercise.steps?.length ?? 0,
        rules: level.stepDown ? ["R-PROGRESS", "R-BREATH"] : ["R-PROGRESS"],
      },
    ];
  });
  const caution = painPlateau(state, today);
  const change = painChange(state, today, span);
  const programme = programmeAdherence(log, from, today);
  return {
    from,
    to: today,
    weeks,
    span,
    practiceDays: practiceDays(state, from, today).length,
    weeklyGoal: state.settings.weeklyDays,
    calendar: practiceCalendar(log, from, today),
    pain: { weeks: painByWeek(state, today, span), ...(change ? { change } : {}) },
    function: functionProgress(state, today),
    range: rangeProgress(state, today),
    warningSigns,
    spikes,
    softened,
    levels,
    ...(options.includeNotes ? { notes: journal(state).filter((e) => inRange(e.day)) } : {}),
    context: contextCounts(state, from, today),
    ...(caution ? { caution } : {}),
    ...(programme ? { programme } : {}),
    ...(name ? { name } : {}),
  };
}
