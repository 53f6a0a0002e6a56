import { addDays, daysBetween } from "../days.ts";
import type { CheckIn } from "../events/schema.ts";
import type { LimberState } from "../events/state.ts";
import { isSpike, practiceDays, sessionsUpTo, spikeStatus } from "../history.ts";
import { programmeOn } from "../programme/active.ts";
import { type Reason, reason } from "../rules.ts";
import type { Triage } from "../triage/triage.ts";
import type { Allowed } from "./gentler.ts";
import { type Level, stepsDownAfter } from "./levels.ts";
import { allowedBy, type Followed, followed, paceOf } from "./prescription.ts";
import type { StepPace } from "./progression.ts";

/** R-PAIN-HIGH: pain of 7 or more out of 10 makes the day light. */
export const HIGH_PAIN = 7;
/** R-NERVE: a nerve-like sensation keeps its change this many days. */
export const NERVE_MEMORY_DAYS = 7;
/** R-PROGRESS: no step up within this many days of a pain spike. */
export const DAYS_AFTER_SPIKE = 7;
/** R-BREAK: after a break, 45-second holds wait for this many days of practice again. */
export const LONG_HOLD_RETURN_DAYS = 21;

/**
 * R-PAIN-HIGH: "calm" with pain of 7 or more: the check-in asks once which is right before
 * planning.
 */
export function painNeedsConfirming(checkIn: CheckIn): boolean {
  return checkIn.back === "calm" && (checkIn.pain ?? 0) >= HIGH_PAIN;
}

/** Everything about today that the planner's choices depend on, read once. */
export interface Day {
  state: LimberState;
  checkIn: CheckIn;
  today: string;
  triage: Triage;
  calm: boolean;
  /** Why today is a light day, when it is: the first reason decides its rule. */
  light: Reason[];
  /** R-NERVE: today's change for the floss and the stretch, from today or the last 7 days. */
  nerve?: "slider" | "bent";
  /** R-PROGRESS: whether a step up may happen today at all. */
  mayStepUp: boolean;
  /** R-BREAK: days since the last session, when 14 or more. */
  daysAway?: number;
  /** R-DOSE-HOLD, R-BREAK: whether a hold may pass 30 seconds today. */
  longHolds: boolean;
  /** Each progression's level for today: the memory's, lowered after a break (R-BREAK). */
  levels: Record<string, Level>;
  /** The programme a clinician prescribed, when one is followed today (docs/clinicians.md). */
  followed?: Followed;
  /** The variants today's plan may choose: the programme's, or every one. */
  allowed: Allowed;
  /** How often an exercise may step up: R-PROGRESS's week, or the programme's pace. */
  pace: StepPace;
}

/** Reads today's facts from the state, the check-in and its triage. */
export function readDay(state: LimberState, checkIn: CheckIn, today: string, triage: Triage): Day {
  const calm = checkIn.back === "calm";
  const painHigh = (checkIn.pain ?? 0) >= HIGH_PAIN;
  const light = lightReasons(state, checkIn, today, painHigh);
  const nerve = nerveToday(state, checkIn, today);
  const { lastSession, returnedOn } = state.memory;
  const away = lastSession === undefined ? 0 : daysBetween(lastSession, today);
  const stepsDown = stepsDownAfter(away);
  const lastSpike = sessionsUpTo(state, today)
    .filter((s) => isSpike(state, s))
    .at(-1)?.day;
  const spikeRecent = lastSpike !== undefined && daysBetween(lastSpike, today) <= DAYS_AFTER_SPIKE;
  const mayStepUp =
    triage.tier === "clear" &&
    (checkIn.back === "calm" || checkIn.back === "okay") &&
    !painHigh &&
    light.length === 0 &&
    !spikeRecent &&
    stepsDown === 0;
  const returning =
    stepsDown > 0 ||
    (returnedOn !== undefined && daysBetween(returnedOn, today) < LONG_HOLD_RETURN_DAYS);
  const levels = Object.fromEntries(
    Object.entries(state.memory.levels).map(([key, level]) => [
      key,
      stepsDown > 0 ? { ...level, step: Math.max(0, level.step - stepsDown) } : level,
    ]),
  );
  const programme = followed(programmeOn(state, today)?.data);
  return {
    state,
    checkIn,
    today,
    triage,
    calm,
    light,
    ...(nerve ? { nerve } : {}),
    mayStepUp,
    ...(stepsDown > 0 ? { daysAway: away } : {}),
    longHolds: calm && !returning,
    levels,
    ...(programme ? { followed: programme } : {}),
    allowed: allowedBy(programme?.programme),
    pace: paceOf(programme),
  };
}

/** Why today is light, most pressing first (R-SPIKE, R-PAIN-HIGH, R-GRUMPY, R-RECOVERY). */
function lightReasons(
  state: LimberState,
  checkIn: CheckIn,
  today: string,
  painHigh: boolean,
): Reason[] {
  const reasons: Reason[] = [];
  if (spikeStatus(state, today).backOff) {
    reasons.push(
      reason(
        "R-SPIKE",
        "Pain rose after two recent sessions, so for a week the stretch keeps the knee bent with short holds, and the floss keeps a small range.",
      ),
    );
  }
  if (painHigh) {
    reasons.push(
      reason(
        "R-PAIN-HIGH",
        `With pain at ${checkIn.pain} of 10, today is a light day with no step up; warmth and a short, easy walk may help.`,
      ),
    );
  }
  if (checkIn.back === "grumpy") reasons.push(reason("R-GRUMPY"));
  const yesterday = addDays(today, -1);
  const tooMuch = state.sessions.some((s) => s.day === yesterday && s.data.feel === "too-much");
  if (tooMuch || checkIn.context?.hardDayYesterday === true) {
    reasons.push(
      reason(
        "R-RECOVERY",
        tooMuch
          ? "Yesterday's session felt like too much, so today is lighter, with a walk: new range is new load (R-RECOVERY-RESPECT)."
          : "Yesterday was a hard day, so today is lighter, with a walk: new range is new load (R-RECOVERY-RESPECT).",
      ),
    );
  }
  return reasons;
}

/**
 * R-NERVE: leg symptoms today, or nerve-like sensations or leg symptoms in the last 7 days.
 * Persistent sensations and leg symptoms call for the nerve slider; a brief sensation, for a
 * bent knee and a small range.
 */
function nerveToday(state: LimberState, checkIn: CheckIn, today: string): Day["nerve"] {
  if (checkIn.leg === "one-leg") return "slider";
  const since = addDays(today, -NERVE_MEMORY_DAYS);
  const inMemory = (day: string) => day >= since && day <= today;
  const legBefore = state.checkIns.some((c) => inMemory(c.day) && c.data.leg === "one-leg");
  const sessions = state.sessions.filter((s) => inMemory(s.day));
  if (legBefore || sessions.some((s) => s.data.nerve === "persistent")) return "slider";
  const brief = sessions.some(
    (s) => s.data.nerve === "brief" || s.data.blocks.some((b) => b.nerveSwitch),
  );
  return brief ? "bent" : undefined;
}

/** R-GOOD: practice on at least 4 of the last 7 days. */
export function steadyPractice(state: LimberState, today: string): boolean {
  return practiceDays(state, addDays(today, -7), addDays(today, -1)).length >= 4;
}
