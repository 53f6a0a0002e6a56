import { variantById } from "./catalog/index.ts";
import { addDays } from "./days.ts";
import type { ReadModel } from "./events/read-model.ts";
import type { PlanKind } from "./events/schema.ts";
import type { LimberState } from "./events/state.ts";
import { creditByDay } from "./history.ts";
import { wholeMinutes } from "./minutes.ts";
import type { Plan } from "./planner/plan.ts";
import type { RuleId } from "./rules.ts";

/** The weekly amounts of the Physical Activity Guidelines (PAG18): any bout counts toward them. */
export const GUIDELINE_WALK_MINUTES = 150;
export const GUIDELINE_STRENGTH_DAYS = 2;

export interface WeekDay {
  day: string;
  /** Practice credit: 1 for a full session, 0.5 for each short one (R-TIME, R-DESK), at most 1. */
  credit: number;
  practised: boolean;
  /** Short sessions (desk snacks and micro sessions) done that day. */
  shortSessions: number;
  walkMinutes: number;
  strength: boolean;
  /** The day's plan was lighter on purpose (R-RECOVERY, R-SPIKE): part of the plan, not a miss. */
  recovery?: { kind: PlanKind; rule: RuleId };
  /** After `today`: nothing to show yet. */
  future: boolean;
}

export interface WeekSummary {
  weekStart: string;
  days: WeekDay[];
  practiceDays: number;
  /** The weekly goal in practice days (R-CONSISTENCY), never a streak. */
  goal: number;
  walkMinutes: number;
  strengthDays: number;
  recoveryDays: number;
  guideline: { walkMinutes: number; strengthDays: number };
}

const RECOVERY_RULES: readonly RuleId[] = ["R-RECOVERY", "R-SPIKE"];

/**
 * The week from `weekStart` (a Monday) as the person lived it: practice days against the weekly
 * goal, walking minutes and strength days beside the guidelines' amounts (R-PAIR, PAG18), and the
 * days planned lighter for recovery. Walks count from logged activities and from the walk blocks
 * of walk-only sessions; strength days from a strength block done in a session or strength work
 * logged. Nothing here judges: a day without practice is simply a day.
 */
export function weekSummary(log: ReadModel, weekStart: string, today: string): WeekSummary {
  const { state } = log;
  const dates = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
  const days = dates.map((day) =>
    summariseDay(state, day, today, day <= today ? recoveryOf(log.days.get(day)?.plan) : undefined),
  );
  const sum = (f: (d: WeekDay) => number) => days.reduce((total, d) => total + f(d), 0);
  return {
    weekStart,
    days,
    practiceDays: sum((d) => (d.practised ? 1 : 0)),
    goal: state.settings.weeklyDays,
    walkMinutes: sum((d) => d.walkMinutes),
    strengthDays: sum((d) => (d.strength ? 1 : 0)),
    recoveryDays: sum((d) => (d.recovery ? 1 : 0)),
    guideline: { walkMinutes: GUIDELINE_WALK_MINUTES, strengthDays: GUIDELINE_STRENGTH_DAYS },
  };
}

function summariseDay(
  state: LimberState,
  day: string,
  today: string,
  recovery: WeekDay["recovery"],
): WeekDay {
  const sessions = state.sessions.filter(
    (s) => s.day === day && s.data.blocks.some((block) => !block.skipped),
  );
  const shortSessions = sessions.filter((s) => s.data.kind === "micro").length;
  const credit = creditByDay(state, day, day).get(day) ?? 0;
  const doneBlocks = sessions.flatMap((s) => s.data.blocks.filter((block) => !block.skipped));
  const activities = state.activities.filter((a) => a.day === day);
  const walkBlockMinutes = doneBlocks
    .filter((block) => variantById(block.variant).role === "walk")
    .reduce((total, block) => total + wholeMinutes(block.seconds ?? 0), 0);
  const walkMinutes =
    walkBlockMinutes +
    activities.filter((a) => a.data.kind === "walk").reduce((t, a) => t + a.data.minutes, 0);
  const strength =
    doneBlocks.some((block) => variantById(block.variant).role === "strength") ||
    activities.some((a) => a.data.kind === "strength");
  return {
    day,
    credit,
    practised: credit >= 1,
    shortSessions,
    walkMinutes,
    strength,
    ...(recovery ? { recovery } : {}),
    future: day > today,
  };
}

/** Whether the plan shown at the day's check-in was lighter for recovery, and by which rule. */
function recoveryOf(plan: Plan | undefined): WeekDay["recovery"] {
  const rule = plan?.reasons.find((r) => RECOVERY_RULES.includes(r.rule))?.rule;
  return plan && rule && plan.kind === "light" ? { kind: plan.kind, rule } : undefined;
}
