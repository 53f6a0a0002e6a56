import { EXERCISES } from "./exercises.ts";
import type { Exercise, Variant } from "./schema.ts";
import { VARIANTS } from "./variants.ts";

export * from "./how-to.ts";
export * from "./schema.ts";
export { EXERCISES, VARIANTS };

export const VARIANT_IDS: readonly string[] = VARIANTS.map((variant) => variant.id);

const variantsById = new Map<string, Variant>(VARIANTS.map((variant) => [variant.id, variant]));
const exercisesById = new Map<string, Exercise>(
  EXERCISES.map((exercise) => [exercise.id, exercise]),
);

/** The catalog variant with this id; throws for an id the catalog does not hold. */
export function variantById(id: string): Variant {
  const variant = variantsById.get(id);
  if (!variant) throw new Error(`unknown variant ${id}`);
  return variant;
}

/** The catalog exercise with this id; throws for an id the catalog does not hold. */
export function exerciseById(id: string): Exercise {
  const exercise = exercisesById.get(id);
  if (!exercise) throw new Error(`unknown exercise ${id}`);
  return exercise;
}
