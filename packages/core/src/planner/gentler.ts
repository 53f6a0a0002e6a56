import type { Variant } from "../catalog/schema.ts";
import { variantsOf } from "./block.ts";

/**
 * Gentler variants of the same exercise, chosen by the attributes the rules reason about
 * (domain.md §2), never by name: the planner's choices for the day and the player's live
 * changes both pick from here. `allowed` narrows the choice to the variants a prescription
 * allows (every variant by default).
 */

/** Which variants may be chosen: a prescription's, or all of them. */
export type Allowed = (variant: Variant) => boolean;
const any: Allowed = () => true;

const byIntensity = (a: Variant, b: Variant) => a.intensity - b.intensity;

/**
 * R-NERVE, R-GRUMPY, R-BREATH: the gentlest variant of the same mode with the knee bent, when
 * this one's knee is not bent already.
 */
export function kneeBentVariant(variant: Variant, allowed: Allowed = any): Variant | undefined {
  if (variant.knee === "bent") return undefined;
  return variantsOf(variant.exercise)
    .filter((v) => v.knee === "bent" && v.mode === variant.mode && v.role === variant.role)
    .filter((v) => v.intensity <= variant.intensity && allowed(v))
    .sort(byIntensity)[0];
}

/** R-NERVE: the nerve glide beside this exercise's ladder, of the same mode, when it has one. */
export function nerveGlideVariant(variant: Variant, allowed: Allowed = any): Variant | undefined {
  return variantsOf(variant.exercise).find(
    (v) => v.role === "nerve-glide" && v.mode === variant.mode && v.id !== variant.id && allowed(v),
  );
}

/**
 * R-NERVE, R-SPIKE: the smallest range of the same work: the gentlest variant of the same role
 * and mode with the knee bent (the floss's small range), when this one is not it already.
 */
export function smallRangeVariant(variant: Variant, allowed: Allowed = any): Variant | undefined {
  const bent = variantsOf(variant.exercise)
    .filter((v) => v.role === variant.role && v.mode === variant.mode && v.knee === "bent")
    .filter(allowed)
    .sort(byIntensity)[0];
  return bent && bent.id !== variant.id && bent.intensity <= variant.intensity ? bent : undefined;
}

/** R-LIGHT-LOAD: whether a variant adds no weight and works both legs at once. */
export const isUnloaded = (v: Variant) => !v.props.includes("light-weight") && v.side === "both";

/**
 * R-LIGHT-LOAD: the hardest variant of the same exercise, no harder than this one, that adds no
 * weight and works both legs at once; undefined when this one already does.
 */
export function unloadedVariant(variant: Variant, allowed: Allowed = any): Variant | undefined {
  if (isUnloaded(variant) || (variant.role !== "hinge" && variant.role !== "strength")) {
    return undefined;
  }
  return variantsOf(variant.exercise)
    .filter((v) => isUnloaded(v) && v.role === variant.role && v.intensity <= variant.intensity)
    .filter(allowed)
    .sort(byIntensity)
    .at(-1);
}
