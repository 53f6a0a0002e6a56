import { type ExerciseId, exerciseById, variantById } from "../catalog/index.ts";
import type {
  Dose,
  Knee,
  Mode,
  Position,
  Role,
  Side,
  Step,
  Variant,
  VariantId,
} from "../catalog/schema.ts";
import type { Reason } from "../rules.ts";
import { blockSeconds, doseOf, PAUSES } from "./dose.ts";

/** One block of a plan: a variant at a dose, timed, with the reasons for every choice. */
export interface PlanBlock {
  exercise: ExerciseId;
  variant: VariantId;
  name: string;
  role: Role;
  knee: Knee;
  mode: Mode;
  side: Side;
  position: Position;
  intensity: number;
  dose: Dose;
  /** Seconds the block takes, pauses included. */
  seconds: number;
  /** The block's place on its exercise's progression, when it has one. */
  step?: { index: number; count: number };
  reasons: Reason[];
}

export type Amounts = Step["dose"];

const FIELDS = ["sets", "reps", "holds", "holdSeconds", "seconds"] as const;

/** A plan block of `variant` at `amounts`, kept within the variant's range and timed. */
export function planBlock(
  variant: Variant,
  amounts: Amounts,
  reasons: Reason[],
  step?: PlanBlock["step"],
): PlanBlock {
  const dose = clampToRange(variant, doseOf(variant, amounts));
  return {
    exercise: variant.exercise,
    variant: variant.id,
    name: variant.name,
    role: variant.role,
    knee: variant.knee,
    mode: variant.mode,
    side: variant.side,
    position: variant.position,
    intensity: variant.intensity,
    dose,
    seconds: blockSeconds(variant, dose),
    ...(step ? { step } : {}),
    reasons,
  };
}

/** The amounts of a block's dose, without its `perSide`. */
export function amountsOf(block: PlanBlock): Amounts {
  const { perSide: _, ...amounts } = block.dose;
  return amounts;
}

/**
 * The block as `variant` at `amounts` with one more reason: amounts the new variant is not
 * dosed in are dropped, and ones it needs but was not given start at the low end of its range.
 */
export function switchTo(
  block: PlanBlock,
  variant: Variant,
  amounts: Amounts,
  why: Reason,
): PlanBlock {
  const needed: Amounts = {};
  for (const field of FIELDS) {
    const range = variant.dose[field];
    if (!range) continue;
    needed[field] = amounts[field] ?? range[0];
  }
  return planBlock(variant, needed, [...block.reasons, why], block.step);
}

/** Every amount within its variant's range; amounts the variant is not dosed in are dropped. */
function clampToRange(variant: Variant, dose: Dose): Dose {
  const clamped: Dose = { perSide: dose.perSide };
  for (const field of FIELDS) {
    const range = variant.dose[field];
    const amount = dose[field];
    if (!range || amount === undefined) continue;
    clamped[field] = Math.min(amount, range[1]);
  }
  return clamped;
}

/** The low end of every range: the dose of a light day. */
export function lowEnd(variant: Variant): Amounts {
  const low: Amounts = {};
  for (const field of FIELDS) {
    const range = variant.dose[field];
    if (range) low[field] = range[0];
  }
  return low;
}

/** Whether two blocks ask for the same work: the same variant at the same amounts. */
export function sameWork(a: PlanBlock, b: PlanBlock): boolean {
  return a.variant === b.variant && FIELDS.every((field) => a.dose[field] === b.dose[field]);
}

/** Seconds a list of blocks takes, the pauses between them included. */
export function totalSeconds(blocks: readonly PlanBlock[]): number {
  const work = blocks.reduce((sum, b) => sum + b.seconds, 0);
  return work + Math.max(0, blocks.length - 1) * PAUSES.betweenBlocks;
}

/** The variants of an exercise: its ladder and those beside it. */
export function variantsOf(exercise: ExerciseId): Variant[] {
  const { ladder, alternatives } = exerciseById(exercise);
  return [...ladder, ...alternatives].map(variantById);
}
