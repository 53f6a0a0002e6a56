import { exerciseById, variantById } from "../catalog/index.ts";
import type { Dose, Knee, Mode, Position, Role, Side, Step, Variant } from "../catalog/schema.ts";
import { addDays, daysBetween } from "../days.ts";
import type { CheckIn, PlanKind } from "../events/schema.ts";
import type { LimberState } from "../events/state.ts";
import { practiceDays, sessionsUpTo, spikeStatus } from "../history.ts";
import { minutesText } from "../minutes.ts";
import { type Reason, type RuleId, reason } from "../rules.ts";
import type { SourceId } from "../sources.ts";
import type { EmergencyNumber } from "../triage/emergency-number.ts";
import { type Tier, type Triage, triageCheckIn } from "../triage/triage.ts";
import { blockSeconds, doseOf, PAUSES, stretchSecondsPerLeg } from "./dose.ts";
import { chooseStep, type StepChoice } from "./progression.ts";

export interface PlanBlock {
  exercise: string;
  variant: string;
  name: string;
  role: Role;
  knee: Knee;
  mode: Mode;
  side: Side;
  position: Position;
  intensity: number;
  dose: Dose;
  /** Seconds the block takes, pauses included. */
  seconds: number;
  /** The block's place on its exercise's progression, when it has one. */
  step?: { index: number; count: number };
  reasons: Reason[];
}

export interface Suggestion {
  id: "walk" | "heat" | "desk-snacks";
  text: string;
  rule: RuleId;
  sources: SourceId[];
  variants?: string[];
}

export interface Plan {
  day: string;
  tier: Tier;
  kind: PlanKind;
  /** Present on an emergency day: the number to call, by region. */
  emergencyNumber?: EmergencyNumber;
  blocks: PlanBlock[];
  totalSeconds: number;
  reasons: Reason[];
  suggestions: Suggestion[];
}

/** R-DOSE-SESSION: a session takes at most 10 minutes. */
export const SESSION_CEILING_SECONDS = 600;
/** R-DOSE-HOLD: holds of 45 s only on calm days; otherwise at most 30 s. */
const HOLD_CEILING_NOT_CALM = 30;
/** R-GRUMPY, R-NERVE: at most 20 s holds on a grumpy day or with leg symptoms. */
export const GENTLE_HOLD_SECONDS = 20;
/** R-DOSE-TOTAL: about 4 minutes of stretch per leg per session. */
export const STRETCH_CEILING_PER_LEG = 240;

interface Day {
  state: LimberState;
  checkIn: CheckIn;
  today: string;
  calm: boolean;
  light: Reason | undefined;
  nerve: "slider" | "bent" | undefined;
}

/**
 * Today's session for this check-in (domain.md §3–4): its tier and kind, the blocks in order
 * with their doses, the total time, and the reasons for every choice. Nothing here can make a
 * session on an `emergency` or `see-clinician` day (R-TRIAGE-NO-BYPASS).
 */
export function planSession(
  state: LimberState,
  checkIn: CheckIn,
  today: string,
  triage: Triage = triageCheckIn(state, checkIn, today),
): Plan {
  const plan = (
    kind: PlanKind,
    blocks: PlanBlock[],
    reasons: Reason[],
    suggestions: Suggestion[] = [],
  ): Plan => ({
    day: today,
    tier: triage.tier,
    kind,
    ...(triage.tier === "emergency" ? { emergencyNumber: triage.emergencyNumber } : {}),
    blocks,
    totalSeconds: totalSeconds(blocks),
    reasons,
    suggestions,
  });
  const noBypass = reason("R-TRIAGE-NO-BYPASS");

  if (triage.tier === "emergency") return plan("none", [], [...triage.reasons, noBypass]);
  if (triage.tier === "see-clinician") {
    const paced = reason(
      "R-TRIAGE-B",
      "Slow breathing, with no stretch, while the programme is paused.",
    );
    const walk = reason(
      "R-TRIAGE-B",
      "An easy walk at a pace where you can talk, while the programme is paused.",
    );
    return plan(
      "walk-only",
      [
        planBlock(variantById("hip-rolls-breath"), { seconds: 60 }, [paced]),
        planBlock(variantById("walk-easy"), { seconds: 300 }, [walk]),
      ],
      [...triage.reasons, noBypass],
    );
  }

  const day = readDay(state, checkIn, today);
  const reasons = [...triage.reasons];
  const suggestions: Suggestion[] = [];
  const budget = Math.min(SESSION_CEILING_SECONDS, (checkIn.context?.minutes ?? 10) * 60);

  let kind: PlanKind = day.light ? "light" : "standard";
  let blocks = fitToBudget(fullSession(day, budget), budget);
  if (!blocks) {
    kind = "micro";
    blocks = microSession(day);
    reasons.push(
      reason(
        "R-TIME",
        `With about ${checkIn.context?.minutes ?? 3} minutes, a short session still counts: a warm-up, one mobility step and one hinge step. Two short sessions in a day make a full day.`,
      ),
    );
  } else if (day.light) {
    reasons.push(day.light);
  } else {
    if (!blocks.some((b) => b.role === "strength")) {
      reasons.push(
        reason(
          "R-BLEND",
          "No strength block today, to keep within the time; the hinge closes the session.",
        ),
      );
    }
    reasons.push(
      reason(
        "R-DOSE-SESSION",
        `About ${minutesText(totalSeconds(blocks))}: brief, near-daily practice does more than rare long bouts.`,
      ),
    );
  }
  if (kind !== "micro" && day.calm && !day.light && steadyPractice(state, today)) {
    reasons.push(reason("R-GOOD"));
  }
  const first = state.memory.firstSession;
  if (first === undefined || daysBetween(first, today) < 42) reasons.push(reason("R-EXPECT"));

  if (day.light || kind === "micro") {
    suggestions.push(
      suggest(
        "walk",
        day.light?.rule ?? "R-PAIR",
        "A short, easy walk later today helps your back settle.",
      ),
    );
  } else {
    suggestions.push(
      suggest(
        "walk",
        "R-PAIR",
        "A short walk later today goes well with this: move more, sit less.",
      ),
    );
  }
  if (checkIn.back === "grumpy") {
    suggestions.push(
      suggest(
        "heat",
        "R-GRUMPY",
        "Warmth on your low back, such as a heat pack, can ease a grumpy day.",
      ),
    );
  }
  if (checkIn.context?.deskDay) {
    const snacks =
      day.nerve || checkIn.back === "grumpy"
        ? ["desk-knee-extension"]
        : ["desk-knee-extension", "desk-stool-fold"];
    suggestions.push({
      ...suggest(
        "desk-snacks",
        "R-DESK",
        "Between sitting blocks, a minute of desk mobility keeps things moving; each one counts toward today.",
      ),
      variants: snacks,
    });
  }
  return plan(kind, blocks, reasons, suggestions);
}

function readDay(state: LimberState, checkIn: CheckIn, today: string): Day {
  const yesterday = addDays(today, -1);
  const tooMuchYesterday = state.sessions.some(
    (s) => s.day === yesterday && s.data.feel === "too-much",
  );
  const hardYesterday = checkIn.context?.hardDayYesterday === true || tooMuchYesterday;
  const spikes = spikeStatus(state, today);
  let light: Reason | undefined;
  if (spikes.backOff) {
    light = reason(
      "R-SPIKE",
      "Pain rose after two recent sessions, so this week's stretch is moving work with short holds.",
    );
  } else if (checkIn.back === "grumpy") {
    light = reason("R-GRUMPY");
  } else if (hardYesterday) {
    light = reason(
      "R-RECOVERY",
      tooMuchYesterday
        ? "Yesterday's session felt like too much, so today is lighter, with a walk: new range is new load (R-RECOVERY-RESPECT)."
        : "Yesterday was a hard day, so today is lighter, with a walk: new range is new load (R-RECOVERY-RESPECT).",
    );
  }
  const lastNerve = sessionsUpTo(state, today).at(-1)?.data.nerve;
  const nerve =
    checkIn.leg === "one-leg" || lastNerve === "persistent"
      ? "slider"
      : lastNerve === "brief"
        ? "bent"
        : undefined;
  return { state, checkIn, today, calm: checkIn.back === "calm", light, nerve };
}

/** R-GOOD: practice on at least 4 of the last 7 days. */
function steadyPractice(state: LimberState, today: string): boolean {
  return practiceDays(state, addDays(today, -7), addDays(today, -1)).length >= 4;
}

/** Steps up are taken in this order while they fit: the stretch first, the warm-up last. */
const STEP_UP_PRIORITY = ["strap-stretch", "floss", "hip-hinge", "bridge", "dead-bug", "hip-rolls"];

function fullSession(day: Day, budget: number): PlanBlock[] {
  const levels = day.state.memory.levels;
  const ids = ["hip-rolls", "floss", "strap-stretch", "hip-hinge", strengthExerciseFor(day)];
  const build = (id: string, choice: StepChoice): PlanBlock => {
    const count = exerciseById(id).steps?.length ?? 0;
    // On a light day, stay on the current variant at the low end of its dose.
    const amounts = day.light ? lowEnd(variantById(choice.step.variant)) : choice.step.dose;
    const planned = planBlock(variantById(choice.step.variant), amounts, [choice.reason], {
      index: choice.index,
      count,
    });
    return adjust(day, planned);
  };
  const due = ids.map((id) => chooseStep(exerciseById(id), levels[id], day.today, !day.light));
  const held = ids.map((id, i) => {
    const choice = due[i] as StepChoice;
    const level = levels[id]?.step ?? 0;
    if (choice.index <= level) return choice;
    const step = exerciseById(id).steps?.[level] as Step;
    const why =
      "Ready for a step up, but a longer one would not fit in today's time, so it stays at this step.";
    return { step, index: level, reason: reason("R-PROGRESS", why) };
  });
  let blocks = ids.map((id, i) => build(id, held[i] as StepChoice));
  // R-PROGRESS within R-DOSE-SESSION: each step up that is due is taken while the session fits.
  for (const id of STEP_UP_PRIORITY) {
    const i = ids.indexOf(id);
    if (i < 0 || due[i] === held[i]) continue;
    const stepped = build(id, due[i] as StepChoice);
    const trial = blocks.with(i, stepped);
    // Taken only if the session fits with the step's own dose intact: a step up that would be
    // cut straight back for time is no step up.
    const fitted = fitToBudget(trial, budget, { keepHolds: true });
    const kept = fitted?.find((b) => b.exercise === id);
    if (kept && JSON.stringify(kept.dose) === JSON.stringify(stepped.dose)) blocks = trial;
  }
  (blocks[0] as PlanBlock).reasons.unshift(reason("R-WARMUP"));
  for (const b of blocks.slice(-2)) b.reasons.push(reason("R-BLEND"));
  return blocks;
}

/** R-BLEND with R-PAIR: the bridge and the dead bug take turns, the one done longer ago first. */
function strengthExerciseFor(day: Day): string {
  const lastDone = (exercise: string) => day.state.memory.lastDone[exercise] ?? "";
  return lastDone("dead-bug") < lastDone("bridge") ? "dead-bug" : "bridge";
}

/** Today's safety and comfort adjustments to one block, each with its reason. */
function adjust(day: Day, planned: PlanBlock): PlanBlock {
  let b = planned;
  const gentle =
    day.nerve !== undefined || day.checkIn.back === "grumpy" || day.light !== undefined;
  if (b.exercise === "floss" && day.nerve) {
    const variant = day.nerve === "slider" ? "floss-nerve-slider" : "floss-small";
    b = rebuild(
      b,
      variant,
      b.dose,
      reason(
        "R-NERVE",
        day.nerve === "slider"
          ? "With leg symptoms, a nerve slider moves the nerve gently instead of holding it on tension."
          : "Last time brought nerve-like sensations, so the range stays small.",
      ),
    );
  }
  if (b.mode === "hold") {
    if (gentle && (b.knee !== "bent" || (b.dose.holdSeconds ?? 0) > GENTLE_HOLD_SECONDS)) {
      const rule: RuleId = day.nerve
        ? "R-NERVE"
        : day.light?.rule === "R-SPIKE"
          ? "R-SPIKE"
          : "R-GRUMPY";
      b = rebuild(
        b,
        b.exercise === "strap-stretch" ? "strap-knee-bent" : b.variant,
        {
          ...b.dose,
          holdSeconds: Math.min(b.dose.holdSeconds ?? GENTLE_HOLD_SECONDS, GENTLE_HOLD_SECONDS),
        },
        reason(rule, "Today the knee stays bent and each hold is 20 seconds or less."),
      );
    } else if (!day.calm && (b.dose.holdSeconds ?? 0) > HOLD_CEILING_NOT_CALM) {
      b = rebuild(
        b,
        b.variant,
        { ...b.dose, holdSeconds: HOLD_CEILING_NOT_CALM },
        reason("R-DOSE-HOLD", "Holds of 45 seconds are for calm days; today they stop at 30."),
      );
    }
    b.reasons.push(reason("R-DOSE-HOLD"));
    if (stretchSecondsPerLeg(variantById(b.variant), b.dose) > STRETCH_CEILING_PER_LEG) {
      const holds = Math.floor(STRETCH_CEILING_PER_LEG / (b.dose.holdSeconds ?? 1));
      b = rebuild(b, b.variant, { ...b.dose, holds }, reason("R-DOSE-TOTAL"));
    }
  }
  return b;
}

/** A plan block of `variant` at `amounts`, clamped to the variant's ceilings and timed. */
export function planBlock(
  variant: Variant,
  amounts: Step["dose"],
  reasons: Reason[],
  step?: PlanBlock["step"],
): PlanBlock {
  const dose = clampToRange(variant, doseOf(variant, amounts));
  return {
    exercise: variant.exercise,
    variant: variant.id,
    name: variant.name,
    role: variant.role,
    knee: variant.knee,
    mode: variant.mode,
    side: variant.side,
    position: variant.position,
    intensity: variant.intensity,
    dose,
    seconds: blockSeconds(variant, dose),
    ...(step ? { step } : {}),
    reasons,
  };
}

function rebuild(b: PlanBlock, variantId: string, amounts: Step["dose"], why: Reason): PlanBlock {
  const { perSide: _, ...rest } = amounts as Dose;
  return planBlock(variantById(variantId), rest, [...b.reasons, why], b.step);
}

/** Every amount within its variant's range; amounts the variant is not dosed in are dropped. */
function clampToRange(variant: Variant, dose: Dose): Dose {
  const clamped: Dose = { perSide: dose.perSide };
  for (const field of ["sets", "reps", "holds", "holdSeconds", "seconds"] as const) {
    const range = variant.dose[field];
    const amount = dose[field];
    if (!range || amount === undefined) continue;
    clamped[field] = Math.min(amount, range[1]);
  }
  return clamped;
}

/** The low end of every range: the dose of a light day. */
function lowEnd(variant: Variant): Step["dose"] {
  const low: Step["dose"] = {};
  for (const field of ["sets", "reps", "holds", "holdSeconds", "seconds"] as const) {
    const range = variant.dose[field];
    if (range) low[field] = range[0];
  }
  return low;
}

/**
 * Shortens a full session to fit the minutes available, gentlest cuts first: warm-up and floss
 * to the low end of their range, one set of strength, then no strength block (the hinge still
 * closes the session, R-BLEND), then two holds unless `keepHolds`. Undefined when even that
 * does not fit.
 */
function fitToBudget(
  blocks: PlanBlock[],
  budget: number,
  { keepHolds = false } = {},
): PlanBlock[] | undefined {
  const cuts: ((blocks: PlanBlock[]) => PlanBlock[])[] = [
    (all) =>
      all.map((b) => (b.role === "warmup" || b.exercise === "floss" ? toLowEnd(b, "seconds") : b)),
    (all) => all.map((b) => (b.role === "strength" ? toLowEnd(b, "sets") : b)),
    (all) => all.filter((b) => b.role !== "strength"),
  ];
  if (!keepHolds)
    cuts.push((all) => all.map((b) => (b.mode === "hold" ? toLowEnd(b, "holds") : b)));
  let current = blocks;
  for (const cut of cuts) {
    if (totalSeconds(current) <= budget) return current;
    current = cut(current);
  }
  return totalSeconds(current) <= budget ? current : undefined;
}

function toLowEnd(b: PlanBlock, field: "seconds" | "sets" | "holds"): PlanBlock {
  const range = variantById(b.variant).dose[field];
  if (!range || b.dose[field] === undefined || (b.dose[field] ?? 0) <= range[0]) return b;
  const { perSide: _, ...amounts } = b.dose;
  const shorter = reason(
    "R-DOSE-SESSION",
    "Shorter today to fit the time you have; your place on its ladder stays the same.",
  );
  // The shortened block's own reason replaces its progression note: the step it is on stays.
  const others = b.reasons.filter((r) => r.rule !== "R-PROGRESS" && r.text !== shorter.text);
  const reasons = [...others, shorter];
  return planBlock(variantById(b.variant), { ...amounts, [field]: range[0] }, reasons, b.step);
}

/** R-TIME: a warm-up, one mobility step and one hinge step, about 3 minutes. */
function microSession(day: Day): PlanBlock[] {
  const hinge = exerciseById("hip-hinge");
  const level = day.state.memory.levels[hinge.id];
  const hingeVariant = chooseStep(hinge, level, day.today, false).step.variant;
  return [
    planBlock(variantById("warmup-knee-bends"), { seconds: 30 }, [
      reason("R-WARMUP", "A half-minute of gentle knee bends to warm up."),
    ]),
    planBlock(variantById("desk-knee-extension"), { sets: 1, reps: 8 }, [
      reason("R-TIME", "One mobility step you can do on any chair."),
    ]),
    planBlock(variantById(hingeVariant), { sets: 1, reps: 8 }, [
      reason("R-BLEND", "One hinge step to use the range you just warmed up."),
    ]),
  ];
}

export function totalSeconds(blocks: readonly PlanBlock[]): number {
  const work = blocks.reduce((sum, b) => sum + b.seconds, 0);
  return work + Math.max(0, blocks.length - 1) * PAUSES.betweenBlocks;
}

function suggest(id: Suggestion["id"], rule: RuleId, text: string): Suggestion {
  const { sources } = reason(rule);
  return { id, text, rule, sources };
}
