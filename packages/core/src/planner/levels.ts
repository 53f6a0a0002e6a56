import { exerciseById, isExerciseId, variantById } from "../catalog/index.ts";
import type { Exercise, Step, VariantId } from "../catalog/schema.ts";
import type { SessionBlock, SessionRecord } from "../events/schema.ts";
import type { Dated } from "../events/state.ts";

/** Where a person stands on one progression, read from the sessions they did. */
export interface Level {
  /** The exercise's id, or for a variant beside its ladder with steps of its own, its id. */
  exercise: string;
  /** Index into the progression's steps: the level the next session starts from. */
  step: number;
  /** The day the level last went up. */
  lastStepUp?: string;
  /** The last three sessions of it, oldest first: was each comfortable (R-PROGRESS)? */
  outcomes: { day: string; comfortable: boolean }[];
  /** R-BREATH: the last session of it was softened or could not be done breathing smoothly. */
  stepDown: boolean;
}

/** R-PROGRESS looks at the last three sessions of an exercise; older ones are not kept. */
const OUTCOMES_KEPT = 3;

/** R-BREAK: this many days without a session is a break. */
export const BREAK_DAYS = 14;

/** R-BREAK: one step lower for every two weeks away, never below the first step. */
export function stepsDownAfter(daysAway: number): number {
  return daysAway >= BREAK_DAYS ? Math.floor(daysAway / BREAK_DAYS) : 0;
}

/** The progression a block of `variant` climbs, and the key its level is kept under. */
export function progressionOf(variant: VariantId): { key: string; steps: Step[] } | undefined {
  const exercise = exerciseById(variantById(variant).exercise);
  if (exercise.steps?.some((step) => step.variant === variant)) {
    return { key: exercise.id, steps: exercise.steps };
  }
  const own = exercise.alternativeSteps?.[variant];
  return own ? { key: variant, steps: own } : undefined;
}

const AMOUNTS = ["sets", "reps", "holds", "holdSeconds", "seconds"] as const;

/** The highest step of this variant whose amounts the block reached; undefined off the steps. */
export function stepIndexOf(steps: readonly Step[], block: SessionBlock): number | undefined {
  let found: number | undefined;
  for (const [index, step] of steps.entries()) {
    if (step.variant !== block.variant) continue;
    found ??= index;
    const reached = AMOUNTS.every((field) => {
      const asked = step.dose[field];
      return asked === undefined || (block[field] ?? 0) >= asked;
    });
    if (reached) found = index;
  }
  return found;
}

/** The step a block was planned at, when it names one that matches its variant. */
function plannedStep(steps: readonly Step[], block: SessionBlock): number | undefined {
  if (block.step === undefined) return undefined;
  return steps[block.step]?.variant === block.variant ? block.step : undefined;
}

/**
 * R-NERVE: the highest step of a stretch or mobility progression whose variant keeps the knee
 * bent; where nerve-like sensations came up, the level comes back down to it.
 */
export function highestBentKneeStep(steps: readonly Step[]): number | undefined {
  const bent = [...steps.entries()].filter(([, step]) => variantById(step.variant).knee === "bent");
  return bent.at(-1)?.[0];
}

/** A session's facts that decide whether it counts as comfortable (R-PROGRESS). */
export interface SessionOutcome {
  /** Pain after minus pain before, when both were recorded. */
  painRise?: number;
  /** Days since the session before it, when there was one. */
  daysSincePrevious?: number;
}

/**
 * Moves each progression's level on by one session, in log order. The highest step reached in
 * a full (`standard`) session counts, as the block's planned step when it names one (a block
 * shortened to fit the time is still that step), or else as read from its amounts; a light,
 * short or time-trimmed day's lower dose is not a step back. Steps back come only from the
 * rules: R-BREATH (a softened block or a breathless session: one step lower), R-NERVE
 * (nerve-like sensations: the stretch and the floss back to their knee-bent steps) and
 * R-BREAK (a session after two weeks or more away starts lower).
 */
export function foldLevels(
  levels: Record<string, Level>,
  session: Dated<SessionRecord>,
  outcome: SessionOutcome,
): void {
  const { data } = session;
  const away = stepsDownAfter(outcome.daysSincePrevious ?? 0);
  if (away > 0) {
    for (const level of Object.values(levels)) {
      level.step = Math.max(0, level.step - away);
      level.outcomes = [];
    }
  }
  // Only what was reported counts: a session kept without its answers reports neither nerve
  // sensations nor a lost breath, and, not rated comfortable, never counts toward a step up.
  const nerve =
    data.nerve === "brief" ||
    data.nerve === "persistent" ||
    data.blocks.some((block) => block.nerveSwitch);
  const setsLevel = data.kind === undefined || data.kind === "standard";
  for (const block of data.blocks) {
    if (block.skipped) continue;
    const progression = progressionOf(block.variant);
    if (!progression) continue;
    const { key, steps } = progression;
    const level: Level = levels[key] ?? { exercise: key, step: 0, outcomes: [], stepDown: false };
    levels[key] = level;
    const strained = block.softened === true || data.breathChat === false;
    const comfortable =
      data.feel === "comfortable" &&
      !strained &&
      !nerve &&
      (outcome.painRise === undefined || outcome.painRise < 2);
    level.outcomes = [...level.outcomes, { day: session.day, comfortable }].slice(-OUTCOMES_KEPT);
    if (strained) {
      level.step = Math.max(0, level.step - 1);
      level.stepDown = true;
      continue;
    }
    level.stepDown = false;
    const index = plannedStep(steps, block) ?? stepIndexOf(steps, block);
    if (setsLevel && index !== undefined && index > level.step) {
      level.step = index;
      level.lastStepUp = session.day;
    }
  }
  if (nerve) lowerForNerve(levels);
}

/** R-NERVE: after nerve-like sensations, the stretch and the floss go back to a bent knee. */
function lowerForNerve(levels: Record<string, Level>): void {
  for (const level of Object.values(levels)) {
    const exercise = exerciseOfKey(level.exercise);
    if (!exercise?.steps) continue;
    const role = variantById(exercise.ladder[0] as VariantId).role;
    if (role !== "stretch" && role !== "mobility") continue;
    const bent = highestBentKneeStep(exercise.steps);
    if (bent !== undefined && level.step > bent) level.step = bent;
  }
}

function exerciseOfKey(key: string): Exercise | undefined {
  return isExerciseId(key) ? exerciseById(key) : undefined;
}
