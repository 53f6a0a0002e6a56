import type { Step } from "../catalog/schema.ts";
import { daysBetween } from "../days.ts";
import { type Reason, reason } from "../rules.ts";
import type { Level } from "./levels.ts";

export interface StepChoice {
  step: Step;
  index: number;
  reason: Reason;
}

/**
 * How often a progression may step up: at most once in `days` days (R-PROGRESS: 7), or never
 * when `days` is undefined; `owner` names a prescription that set another pace ("Your
 * physiotherapist's programme").
 */
export interface StepPace {
  days?: number;
  owner?: string;
}

/** R-PROGRESS: at most one step up a week. */
export const WEEKLY_PACE: StepPace = { days: 7 };

/**
 * Today's step of one progression, by R-PROGRESS and R-BREATH: a step up only when the day
 * allows one (`mayStepUp`: the gates of R-PROGRESS), after three comfortable sessions in a row,
 * and at most once a week, or at the slower pace a prescription sets.
 */
export function chooseStep(
  steps: readonly Step[],
  level: Level | undefined,
  today: string,
  mayStepUp: boolean,
  pace: StepPace = WEEKLY_PACE,
): StepChoice {
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
  if (level.step >= steps.length - 1) {
    return at(steps.length - 1, "This is the top of its ladder.");
  }
  if (pace.days === undefined) {
    return at(
      level.step,
      `Same step as last time: ${pace.owner ?? "the programme"} keeps it at this step.`,
    );
  }
  if (!mayStepUp) return at(level.step, "Same step as last time: no step up on a day like today.");
  if (!comfortable) {
    return at(
      level.step,
      "Same step as last time: it steps up after three comfortable sessions in a row, with easy breathing, no nerve-like feelings and no rise in pain.",
    );
  }
  const weekly = pace.days === 7;
  if (sinceUp < pace.days) {
    const often = weekly
      ? "steps come at most once a week"
      : `${pace.owner ?? "the programme"} allows at most one step every ${pace.days} days`;
    return at(
      level.step,
      `Same step as last time: the last step up was ${sinceUp} day${sinceUp === 1 ? "" : "s"} ago, and ${often}.`,
    );
  }
  const since = weekly ? "a week" : `${pace.days} days`;
  return at(
    level.step + 1,
    `One step up: your last three sessions of it felt comfortable, with easy breathing and no rise in pain, and the last step up was at least ${since} ago.`,
  );
}
