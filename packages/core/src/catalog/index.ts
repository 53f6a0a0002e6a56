import { EXERCISE_IDS, type ExerciseId } from "./exercise-ids.ts";
import { EXERCISES } from "./exercises.ts";
import type { Exercise, Variant, VariantId } from "./schema.ts";
import { VARIANTS as SPECS } from "./variants.ts";

export * from "./schema.ts";
export { EXERCISE_IDS, type ExerciseId };

/** Every variant of the catalog (domain.md §2), in catalog order. */
export const VARIANTS: readonly Variant[] = SPECS;
export { EXERCISES };

export const VARIANT_IDS = VARIANTS.map((variant) => variant.id) as [VariantId, ...VariantId[]];

const variantsById = new Map<string, Variant>(VARIANTS.map((variant) => [variant.id, variant]));
const exercisesById = new Map<string, Exercise>(
  EXERCISES.map((exercise) => [exercise.id, exercise]),
);

/** The catalog variant with this id; throws for an id the catalog does not hold. */
export function variantById(id: VariantId): Variant {
  const variant = variantsById.get(id);
  if (!variant) throw new Error(`unknown variant ${id}`);
  return variant;
}

/** Whether a string from outside (a file, a link) names a variant of the catalog. */
export function isVariantId(id: string): id is VariantId {
  return variantsById.has(id);
}

/** Whether a string names an exercise of the catalog. */
export function isExerciseId(id: string): id is ExerciseId {
  return exercisesById.has(id);
}

/** The catalog exercise with this id; throws for an id the catalog does not hold. */
export function exerciseById(id: ExerciseId): Exercise {
  const exercise = exercisesById.get(id);
  if (!exercise) throw new Error(`unknown exercise ${id}`);
  return exercise;
}
