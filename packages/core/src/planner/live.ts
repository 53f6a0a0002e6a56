import { variantById } from "../catalog/index.ts";
import { reason } from "../rules.ts";
import { GENTLE_HOLD_SECONDS } from "./adjust.ts";
import { amountsOf, type PlanBlock, sameWork, switchTo } from "./block.ts";
import { kneeBentVariant, nerveGlideVariant } from "./gentler.ts";

/**
 * Changes made during a session, next to the planner's own choices and by the same attributes:
 * softening a step that took the breath away (R-BREATH), and easing off nerve-like sensations
 * (R-NERVE). Doses never go above their variant's range; the floors are the player's own, since
 * softening on the spot may go below the low end the planner starts from. Each returns the
 * block unchanged when there is nothing gentler to give.
 */

/** R-BREATH: how much one soften takes off, and the least it leaves. */
const SOFTEN = {
  holdSeconds: { by: 10, floor: 10 },
  reps: { by: 2, floor: 4 },
  seconds: { by: 15, floor: 30 },
} as const;

/** R-BREATH: a bent knee for a hold, or else a little less of the work, now. */
export function softenedBlock(block: PlanBlock): PlanBlock {
  const variant = variantById(block.variant);
  const bent = variant.mode === "hold" ? kneeBentVariant(variant) : undefined;
  if (bent) {
    const why = reason("R-BREATH", "Softened now: the knee bends, to keep the breath easy.");
    return switchTo(block, bent, amountsOf(block), why);
  }
  const amount =
    variant.mode === "hold" ? "holdSeconds" : variant.mode === "reps" ? "reps" : "seconds";
  const current = block.dose[amount];
  if (current === undefined) return block;
  const { by, floor } = SOFTEN[amount];
  // Never more than it was: a dose already under the floor stays as it is.
  const shorter = Math.min(current, Math.max(floor, current - by));
  if (shorter === current) return block;
  const what = amount === "reps" ? "fewer repetitions" : "a shorter time";
  const why = reason("R-BREATH", `Softened now: ${what}, to keep the breath easy.`);
  return switchTo(block, variant, { ...amountsOf(block), [amount]: shorter }, why);
}

/**
 * R-NERVE: the nerve slider (starting gently, at the low end of its own dose), or a bent knee
 * with holds of 20 s or less, or else a little less of the work, now.
 */
export function nerveEasedBlock(block: PlanBlock): PlanBlock {
  const variant = variantById(block.variant);
  const why = (text: string) => reason("R-NERVE", text);
  if (variant.role !== "nerve-glide") {
    const glide = nerveGlideVariant(variant);
    if (glide) {
      const text = "Switched now to the nerve slider, which moves the nerve without holding it.";
      // The slider climbs steps of its own: the floss's place on its ladder does not carry over.
      const { step: _, ...slider } = switchTo(block, glide, {}, why(text));
      return slider;
    }
    const bent = kneeBentVariant(variant) ?? (variant.knee === "bent" ? variant : undefined);
    if (bent && variant.mode === "hold") {
      const holdSeconds = Math.min(
        block.dose.holdSeconds ?? GENTLE_HOLD_SECONDS,
        GENTLE_HOLD_SECONDS,
      );
      const text = "Switched now to a bent knee and holds of 20 seconds or less.";
      const switched = switchTo(block, bent, { ...amountsOf(block), holdSeconds }, why(text));
      if (!sameWork(switched, block)) return switched;
    } else if (bent && bent !== variant) {
      return switchTo(block, bent, amountsOf(block), why("Switched now to the knee-bent version."));
    }
  }
  // Already as nerve-friendly as this exercise goes: take the load down instead.
  const soft = softenedBlock(block);
  const text = "Eased now: a little less, since nerve-like feelings came up.";
  return sameWork(soft, block) ? block : { ...soft, reasons: [...block.reasons, why(text)] };
}
