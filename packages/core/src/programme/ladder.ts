import { type ExerciseId, exerciseById } from "../catalog/index.ts";
import type { DoseRange, Step, Variant, VariantId } from "../catalog/schema.ts";

/**
 * The exercises a clinician can prescribe: the ones a full session is made of, each with a
 * progression. The desk moves, the warm-up alternatives and the walk stay as Limber decides.
 */
export const PRESCRIBABLE = [
  "hip-rolls",
  "floss",
  "strap-stretch",
  "hip-hinge",
  "bridge",
  "dead-bug",
] as const satisfies readonly ExerciseId[];
export type PrescribableId = (typeof PRESCRIBABLE)[number];

export const DOSE_FIELDS = ["sets", "reps", "holds", "holdSeconds", "seconds"] as const;
export type DoseField = (typeof DOSE_FIELDS)[number];

/**
 * The part of an exercise's progression a prescription leaves: the steps whose variant it
 * allows, in order, each with its place (`indices`) in the progression the level is kept for
 * (`key`: the exercise, or a variant beside the ladder with steps of its own, such as the
 * nerve slider).
 */
export interface PrescribedLadder {
  key: string;
  steps: Step[];
  indices: number[];
  /** How many steps the whole progression has. */
  count: number;
}

/**
 * The ladder of `exercise` that `allowed` variants leave (every variant when undefined): its own
 * steps of those variants, or else the steps of an allowed variant beside the ladder.
 */
export function prescribedLadder(
  exercise: ExerciseId,
  allowed?: readonly VariantId[],
): PrescribedLadder | undefined {
  const { id, steps = [], alternativeSteps = {} } = exerciseById(exercise);
  const ok = (variant: VariantId) => allowed === undefined || allowed.includes(variant);
  const own = [...steps.entries()].filter(([, step]) => ok(step.variant));
  if (own.length > 0) {
    return {
      key: id,
      steps: own.map(([, step]) => step),
      indices: own.map(([index]) => index),
      count: steps.length,
    };
  }
  for (const [variant, list] of Object.entries(alternativeSteps) as [VariantId, Step[]][]) {
    if (ok(variant)) {
      return { key: variant, steps: list, indices: list.map((_, i) => i), count: list.length };
    }
  }
  return undefined;
}

/** A range of one dose field that two ranges share, or undefined when they do not meet. */
export function overlap(
  a: readonly [number, number],
  b: readonly [number, number],
): [number, number] | undefined {
  const low = Math.max(a[0], b[0]);
  const high = Math.min(a[1], b[1]);
  return low <= high ? [low, high] : undefined;
}

/**
 * A variant's dose range narrowed by a prescribed range: the prescription ∩ the catalog's
 * limits (domain.md §2–3). A field the prescription leaves open keeps the variant's range.
 */
export function narrowedRange(variant: Variant, prescribed: DoseRange | undefined): DoseRange {
  const range: DoseRange = {};
  for (const field of DOSE_FIELDS) {
    const own = variant.dose[field];
    if (!own) continue;
    const given = prescribed?.[field];
    range[field] = (given ? overlap(own, given) : undefined) ?? own;
  }
  return range;
}
