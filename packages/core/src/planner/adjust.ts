import { type ExerciseId, variantById } from "../catalog/index.ts";
import type { Variant } from "../catalog/schema.ts";
import { type Reason, type RuleId, reason } from "../rules.ts";
import { amountsOf, type PlanBlock, switchTo } from "./block.ts";
import type { Day } from "./day.ts";
import { stretchSecondsPerLeg } from "./dose.ts";
import {
  kneeBentVariant,
  nerveGlideVariant,
  smallRangeVariant,
  unloadedVariant,
} from "./gentler.ts";
import { progressionOf } from "./levels.ts";
import { chooseStep } from "./progression.ts";

/** R-GRUMPY, R-NERVE, R-SPIKE: holds of at most 20 s on a gentle day. */
export const GENTLE_HOLD_SECONDS = 20;
/** R-DOSE-HOLD: holds past 30 s only on calm days after weeks of practice. */
export const HOLD_CEILING_NOT_CALM = 30;
/** R-DOSE-TOTAL: about 4 minutes of stretch per leg per session. */
export const STRETCH_CEILING_PER_LEG = 240;

/**
 * A block a rule needed to change today when the programme allows none of the variants the
 * change needs: safety first, so the exercise is left out of today's session (docs/coach.md).
 */
export interface Dropped {
  dropped: true;
  exercise: ExerciseId;
  rule: RuleId;
  /** What the rule needed, in words: "a bent knee". */
  needs: string;
}

const dropped = (block: PlanBlock, rule: RuleId, needs: string): Dropped => ({
  dropped: true,
  exercise: block.exercise,
  rule,
  needs,
});

/** The rule that makes today gentle, when one does (R-NERVE, R-SPIKE, then the light day's). */
export function gentleRuleOf(day: Day): RuleId | undefined {
  const spike = day.light.some((r) => r.rule === "R-SPIKE");
  return day.nerve
    ? "R-NERVE"
    : spike
      ? "R-SPIKE"
      : day.light.length > 0
        ? (day.light[0]?.rule ?? "R-GRUMPY")
        : undefined;
}

/**
 * Today's safety and comfort changes to one planned block, each with its reason (domain.md §4):
 * R-NERVE and R-SPIKE change the floss and the stretch, a gentle day keeps holds bent and short,
 * R-LIGHT-LOAD takes the weight and the single leg out, and R-DOSE-HOLD and R-DOSE-TOTAL cap
 * the holds. Variants are chosen by their attributes, never by name, among those `day.allowed`;
 * when a change is needed and no allowed variant gives it, the block is dropped.
 */
export function adjustForDay(day: Day, planned: PlanBlock): PlanBlock | Dropped {
  let b = planned;
  const variant = variantById(b.variant);
  const spike = day.light.some((r) => r.rule === "R-SPIKE");
  const gentleRule = gentleRuleOf(day);
  const allowed = day.allowed;

  // The floss: a nerve slider with leg symptoms, a small range after nerve-like sensations or
  // pain spikes (R-NERVE, R-SPIKE); the other of the two when a programme allows only it.
  if (variant.mode === "active" && (day.nerve || spike)) {
    const sliderDay = day.nerve === "slider";
    const needed =
      (sliderDay ? nerveGlideVariant(variant) : undefined) ?? smallRangeVariant(variant);
    const glide = needed && nerveGlideVariant(variant, allowed);
    const small = needed && smallRangeVariant(variant, allowed);
    const first = sliderDay ? (glide ?? small) : (small ?? glide);
    if (first && first.role === "nerve-glide") b = toSlider(day, b, first);
    else if (first) {
      const why = day.nerve
        ? "Nerve-like sensations came up in the last week, so the range stays small with the knee bent."
        : "Pain rose after two recent sessions, so the floss keeps a small range this week.";
      b = swapped(switchTo(b, first, amountsOf(b), reason(day.nerve ? "R-NERVE" : "R-SPIKE", why)));
    } else if (needed) {
      return dropped(b, day.nerve ? "R-NERVE" : "R-SPIKE", "a nerve slider or a small range");
    }
  }

  if (b.mode === "hold") {
    if (gentleRule && (b.knee !== "bent" || (b.dose.holdSeconds ?? 0) > GENTLE_HOLD_SECONDS)) {
      const current = variantById(b.variant);
      const bent = kneeBentVariant(current, allowed);
      if (!bent && kneeBentVariant(current)) return dropped(b, gentleRule, "a bent knee");
      const holdSeconds = Math.min(b.dose.holdSeconds ?? GENTLE_HOLD_SECONDS, GENTLE_HOLD_SECONDS);
      const why = reason(
        gentleRule,
        "Today the knee stays bent and each hold is 20 seconds or less.",
      );
      const next = switchTo(b, bent ?? current, { ...amountsOf(b), holdSeconds }, why);
      b = next.variant === b.variant ? next : swapped(next);
    } else if (!day.longHolds && (b.dose.holdSeconds ?? 0) > HOLD_CEILING_NOT_CALM) {
      const why = day.calm
        ? "After a break, holds stay at 30 seconds or less for three weeks of practice (R-BREAK)."
        : "Holds longer than 30 seconds are for calm days; today they stop at 30.";
      b = switchTo(
        b,
        variantById(b.variant),
        { ...amountsOf(b), holdSeconds: HOLD_CEILING_NOT_CALM },
        reason(day.calm ? "R-BREAK" : "R-DOSE-HOLD", why),
      );
    }
    b = { ...b, reasons: [...b.reasons, holdReason(b)] };
    const current = variantById(b.variant);
    if (stretchSecondsPerLeg(current, b.dose) > STRETCH_CEILING_PER_LEG) {
      const holds = Math.floor(STRETCH_CEILING_PER_LEG / (b.dose.holdSeconds ?? 1));
      b = switchTo(b, current, { ...amountsOf(b), holds }, reason("R-DOSE-TOTAL"));
    }
  }

  // R-LIGHT-LOAD: on light days and with leg symptoms, no added weight and no single leg.
  if (day.light.length > 0 || day.nerve) {
    const current = variantById(b.variant);
    const unloaded = unloadedVariant(current, allowed);
    if (unloaded) {
      const why = reason(
        "R-LIGHT-LOAD",
        unloaded.role === "hinge"
          ? "Today the hinge is done without added weight."
          : "Today the strength work uses both legs together.",
      );
      b = swapped(switchTo(b, unloaded, amountsOf(b), why));
    } else if (unloadedVariant(current)) {
      const needs = current.role === "hinge" ? "no added weight" : "both legs together";
      return dropped(b, "R-LIGHT-LOAD", needs);
    }
  }
  return b;
}

/** R-DOSE-HOLD, said as the hold is (R-HONEST-TEXT): a longer hold is an option, not a need. */
function holdReason(block: PlanBlock): Reason {
  return (block.dose.holdSeconds ?? 0) > HOLD_CEILING_NOT_CALM
    ? reason(
        "R-DOSE-HOLD",
        `A hold of ${block.dose.holdSeconds} seconds is an option on calm days after weeks of practice; holds of 30 seconds already gain as much range as longer ones.`,
      )
    : reason("R-DOSE-HOLD");
}

/**
 * R-NERVE: the floss as its nerve slider, at the slider's own step: it starts gently and
 * grows by R-PROGRESS while the slider stays in use.
 */
function toSlider(day: Day, block: PlanBlock, glide: Variant): PlanBlock {
  const progression = progressionOf(glide.id);
  const why = reason(
    "R-NERVE",
    "With leg symptoms, a nerve slider moves the nerve gently instead of holding it on tension.",
  );
  if (!progression) return swapped(switchTo(block, glide, {}, why));
  const choice = chooseStep(
    progression.steps,
    day.levels[progression.key],
    day.today,
    day.mayStepUp,
    day.pace,
  );
  const others = block.reasons.filter((r) => r.rule !== "R-PROGRESS" && r.rule !== "R-BREATH");
  const moved = switchTo({ ...block, reasons: others }, glide, choice.step.dose, why);
  return {
    ...moved,
    step: { index: choice.index, count: progression.steps.length },
    reasons: [...moved.reasons, choice.reason],
  };
}

/**
 * A block a rule moved to a gentler variant: its progression sentence, written for the step it
 * would have been, no longer describes it (R-HONEST-TEXT), so it says the level stays.
 */
function swapped(block: PlanBlock): PlanBlock {
  const stays = reason(
    "R-PROGRESS",
    "Your place on its ladder stays where it is; today's version is a gentler one.",
  );
  let replaced = false;
  const reasons = block.reasons.map((r) => {
    if (r.rule !== "R-PROGRESS" || replaced) return r;
    replaced = true;
    return stays;
  });
  return { ...block, reasons };
}
