import { exerciseById, variantById } from "../catalog/index.ts";
import type { Exercise, Step } from "../catalog/schema.ts";
import { daysBetween } from "../days.ts";
import type { LimberState } from "../events/project.ts";
import type { SessionBlock } from "../events/schema.ts";
import { sessionsUpTo } from "../history.ts";
import { type Reason, reason } from "../rules.ts";

/** Where a person stands on one exercise's progression, read from the sessions they did. */
export interface Level {
  exercise: string;
  /** Index into the exercise's steps: the level the next session starts from. */
  step: number;
  /** The day the level last went up. */
  lastStepUp?: string;
  /** Every session of this exercise, oldest first: was it comfortable, with easy breathing? */
  outcomes: { day: string; comfortable: boolean }[];
  /** R-BREATH: the last session of it was softened or could not be done breathing smoothly. */
  stepDown: boolean;
}

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
 * Reads each progressive exercise's level from the sessions on or before `today`: the highest
 * step reached in a full (`standard`) session, as the block's planned step when it names one
 * (a block shortened to fit the time is still that step), or else as read from its amounts. A light, short or time-trimmed day's lower dose
 * is not a step back; only R-BREATH steps back: a softened block or a breathless session
 * lowers the level by one, so the next session starts one step lower.
 */
export function exerciseLevels(state: LimberState, today: string): Map<string, Level> {
  const levels = new Map<string, Level>();
  for (const session of sessionsUpTo(state, today)) {
    const { data } = session;
    const setsLevel = data.kind === undefined || data.kind === "standard";
    for (const block of data.blocks) {
      if (block.skipped) continue;
      const exercise = exerciseById(variantById(block.variant).exercise);
      if (!exercise.steps) continue;
      const level: Level = levels.get(exercise.id) ?? {
        exercise: exercise.id,
        step: 0,
        outcomes: [],
        stepDown: false,
      };
      levels.set(exercise.id, level);
      const strained = block.softened === true || !data.breathChat;
      const comfortable =
        data.feel === "comfortable" && !strained && !block.nerveSwitch && data.nerve === "none";
      level.outcomes.push({ day: session.day, comfortable });
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
  return levels;
}

export interface StepChoice {
  step: Step;
  index: number;
  reason: Reason;
}

/** Today's step of one exercise, by R-PROGRESS and R-BREATH. */
export function chooseStep(
  exercise: Exercise,
  level: Level | undefined,
  today: string,
  mayStepUp: boolean,
): StepChoice {
  const steps = exercise.steps ?? [];
  const at = (index: number, text: string, rule: "R-PROGRESS" | "R-BREATH" = "R-PROGRESS") => ({
    step: steps[index] as Step,
    index,
    reason: reason(rule, text),
  });
  if (!level) return at(0, "A first session starts at the gentlest step.");
  if (level.stepDown) {
    return at(
      level.step,
      "One step lower than last time: last time it needed softening or made smooth breathing hard.",
      "R-BREATH",
    );
  }
  const lastThree = level.outcomes.slice(-3);
  const comfortable = lastThree.length === 3 && lastThree.every((o) => o.comfortable);
  const sinceUp = level.lastStepUp
    ? daysBetween(level.lastStepUp, today)
    : Number.POSITIVE_INFINITY;
  if (level.step >= steps.length - 1) return at(level.step, "This is the top of its ladder.");
  if (!mayStepUp) return at(level.step, "Same step as last time: no step up on a day like today.");
  if (!comfortable) {
    return at(
      level.step,
      "Same step as last time: it steps up after three comfortable sessions in a row with easy breathing.",
    );
  }
  if (sinceUp < 7) {
    return at(
      level.step,
      `Same step as last time: the last step up was ${sinceUp} day${sinceUp === 1 ? "" : "s"} ago, and steps come at most once a week.`,
    );
  }
  return at(
    level.step + 1,
    "One step up: your last three sessions of it felt comfortable with easy breathing, and the last step up was at least a week ago.",
  );
}
