import { exerciseById, variantById } from "../catalog/index.ts";
import type { Exercise } from "../catalog/schema.ts";
import type { SessionBlock, SessionRecord } from "../events/schema.ts";
import type { Dated } from "../events/state.ts";

/** Where a person stands on one exercise's progression, read from the sessions they did. */
export interface Level {
  exercise: string;
  /** Index into the exercise's steps: the level the next session starts from. */
  step: number;
  /** The day the level last went up. */
  lastStepUp?: string;
  /** The last three sessions of this exercise, oldest first: was each comfortable? */
  outcomes: { day: string; comfortable: boolean }[];
  /** R-BREATH: the last session of it was softened or could not be done breathing smoothly. */
  stepDown: boolean;
}

/** R-PROGRESS looks at the last three sessions of an exercise; older ones are not kept. */
const OUTCOMES_KEPT = 3;

const AMOUNTS = ["sets", "reps", "holds", "holdSeconds", "seconds"] as const;

/** The highest step of this variant whose amounts the block reached; undefined off the ladder. */
export function stepIndexOf(exercise: Exercise, block: SessionBlock): number | undefined {
  const steps = exercise.steps ?? [];
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
function plannedStep(exercise: Exercise, block: SessionBlock): number | undefined {
  if (block.step === undefined) return undefined;
  return exercise.steps?.[block.step]?.variant === block.variant ? block.step : undefined;
}

/**
 * Moves each progressive exercise's level on by one session, in log order: the highest step
 * reached in a full (`standard`) session counts, as the block's planned step when it names one
 * (a block shortened to fit the time is still that step), or else as read from its amounts. A
 * light, short or time-trimmed day's lower dose is not a step back; only R-BREATH steps back: a
 * softened block or a breathless session lowers the level by one, so the next session starts
 * one step lower.
 */
export function foldLevels(levels: Record<string, Level>, session: Dated<SessionRecord>): void {
  const { data } = session;
  const setsLevel = data.kind === undefined || data.kind === "standard";
  for (const block of data.blocks) {
    if (block.skipped) continue;
    const exercise = exerciseById(variantById(block.variant).exercise);
    if (!exercise.steps) continue;
    const level: Level = levels[exercise.id] ?? {
      exercise: exercise.id,
      step: 0,
      outcomes: [],
      stepDown: false,
    };
    levels[exercise.id] = level;
    const strained = block.softened === true || !data.breathChat;
    const comfortable =
      data.feel === "comfortable" && !strained && !block.nerveSwitch && data.nerve === "none";
    level.outcomes = [...level.outcomes, { day: session.day, comfortable }].slice(-OUTCOMES_KEPT);
    if (strained) {
      level.step = Math.max(0, level.step - 1);
      level.stepDown = true;
      continue;
    }
    level.stepDown = false;
    const index = plannedStep(exercise, block) ?? stepIndexOf(exercise, block);
    if (!setsLevel || index === undefined || index <= level.step) continue;
    level.step = index;
    level.lastStepUp = session.day;
  }
}
