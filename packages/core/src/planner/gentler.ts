import type { Variant } from "../catalog/schema.ts";
import { variantsOf } from "./block.ts";

/**
 * Gentler variants of the same exercise, chosen by the attributes the rules reason about
 * (domain.md §2), never by name: the planner's choices for the day and the player's live
 * changes both pick from here.
 */

const byIntensity = (a: Variant, b: Variant) => a.intensity - b.intensity;

/**
 * R-NERVE, R-GRUMPY, R-BREATH: the gentlest variant of the same mode with the knee bent, when
 * this one's knee is not bent already.
 */
export function kneeBentVariant(variant: Variant): Variant | undefined {
  if (variant.knee === "bent") return undefined;
  return variantsOf(variant.exercise)
    .filter((v) => v.knee === "bent" && v.mode === variant.mode && v.role === variant.role)
    .filter((v) => v.intensity <= variant.intensity)
    .sort(byIntensity)[0];
}

/** R-NERVE: the nerve glide beside this exercise's ladder, of the same mode, when it has one. */
export function nerveGlideVariant(variant: Variant): Variant | undefined {
  return variantsOf(variant.exercise).find(
    (v) => v.role === "nerve-glide" && v.mode === variant.mode && v.id !== variant.id,
  );
}

/**
 * R-NERVE, R-SPIKE: the smallest range of the same work: the gentlest variant of the same role
 * and mode with the knee bent (the floss's small range), when this one is not it already.
 */
export function smallRangeVariant(variant: Variant): Variant | undefined {
  const bent = variantsOf(variant.exercise)
    .filter((v) => v.role === variant.role && v.mode === variant.mode && v.knee === "bent")
    .sort(byIntensity)[0];
  return bent && bent.id !== variant.id && bent.intensity <= variant.intensity ? bent : undefined;
}

/**
 * R-LIGHT-LOAD: the hardest variant of the same exercise, no harder than this one, that adds no
 * weight and works both legs at once; undefined when this one already does.
 */
export function unloadedVariant(variant: Variant): Variant | undefined {
  const unloaded = (v: Variant) => !v.props.includes("light-weight") && v.side === "both";
  if (unloaded(variant) || (variant.role !== "hinge" && variant.role !== "strength")) {
    return undefined;
  }
  return variantsOf(variant.exercise)
    .filter((v) => unloaded(v) && v.role === variant.role && v.intensity <= variant.intensity)
    .sort(byIntensity)
    .at(-1);
}
