import {
  blockSeconds,
  DOSE_FIELDS_BY_MODE,
  type Dose,
  exerciseById,
  GENTLE_HOLD_SECONDS,
  planBlock,
  type Reason,
  reason,
  type Variant,
  variantById,
} from "@limber/core";
import { buildTimeline, type PlayerBlock, positionAt, type Timeline } from "./timeline.ts";

/**
 * Live changes to the session, each recorded on its block for the session event: softening a
 * step that took the breath away (R-BREATH), and easing off nerve-like sensations (R-NERVE).
 * Doses never go above their variant's range; the floors below are the player's own, since
 * softening on the spot may go below the low end the planner starts from.
 */

/** R-BREATH: how much one soften takes off, and the least it leaves. */
const SOFTEN = {
  holdSeconds: { by: 10, floor: 10 },
  reps: { by: 2, floor: 4 },
  seconds: { by: 15, floor: 30 },
} as const;

type Amount = keyof typeof SOFTEN;

/** R-BREATH: a shorter hold, or the knee bent, now. */
export function soften(blocks: readonly PlayerBlock[], blockIndex: number): PlayerBlock[] {
  const block = blockAt(blocks, blockIndex);
  return blocks.with(blockIndex, { ...softer(block), softened: true });
}

/** R-NERVE: the nerve slider or the knee-bent variant now, holds of 20 s or less. */
export function nerveEase(blocks: readonly PlayerBlock[], blockIndex: number): PlayerBlock[] {
  const block = blockAt(blocks, blockIndex);
  return blocks.with(blockIndex, { ...eased(block), nerveSwitch: true });
}

function softer(block: PlayerBlock): PlayerBlock {
  const variant = variantById(block.variant);
  const bent = variant.mode === "hold" ? kneeBentEquivalent(variant) : undefined;
  if (bent) {
    const why = "Softened now: the knee bends, to keep the breath easy.";
    return switchTo(block, bent, block.dose, reason("R-BREATH", why));
  }
  const amount: Amount =
    variant.mode === "hold" ? "holdSeconds" : variant.mode === "reps" ? "reps" : "seconds";
  const current = block.dose[amount];
  if (current === undefined) return block;
  const { by, floor } = SOFTEN[amount];
  // Never more than it was: a dose already under the floor stays as it is.
  const shorter = Math.min(current, Math.max(floor, current - by));
  if (shorter === current) return block;
  const what = amount === "reps" ? "fewer repetitions" : "a shorter time";
  const why = reason("R-BREATH", `Softened now: ${what}, to keep the breath easy.`);
  return switchTo(block, variant, { ...block.dose, [amount]: shorter }, why);
}

function eased(block: PlayerBlock): PlayerBlock {
  const variant = variantById(block.variant);
  const why = (text: string) => reason("R-NERVE", text);
  if (variant.role !== "nerve-glide") {
    const glide = nerveGlideFor(variant);
    if (glide) {
      const text = "Switched now to the nerve slider, which moves the nerve without holding it.";
      return switchTo(block, glide, block.dose, why(text));
    }
    const bent = kneeBentEquivalent(variant) ?? (variant.knee === "bent" ? variant : undefined);
    if (bent && variant.mode === "hold") {
      const holdSeconds = Math.min(
        block.dose.holdSeconds ?? GENTLE_HOLD_SECONDS,
        GENTLE_HOLD_SECONDS,
      );
      const text = "Switched now to a bent knee and holds of 20 seconds or less.";
      const switched = switchTo(block, bent, { ...block.dose, holdSeconds }, why(text));
      if (!sameWork(switched, block)) return switched;
    } else if (bent && bent !== variant) {
      return switchTo(block, bent, block.dose, why("Switched now to the knee-bent version."));
    }
  }
  // Already as nerve-friendly as this exercise goes: take the load down instead.
  const soft = softer(block);
  const text = "Eased now: a little less, since nerve-like feelings came up.";
  return sameWork(soft, block) ? block : { ...soft, reasons: [...block.reasons, why(text)] };
}

/** The exercise's knee-bent variant of the same mode, when it is gentler than this one. */
function kneeBentEquivalent(variant: Variant): Variant | undefined {
  if (variant.knee === "bent") return undefined;
  return variantsOf(variant.exercise)
    .filter((v) => v.knee === "bent" && v.mode === variant.mode)
    .filter((v) => v.intensity <= variant.intensity)
    .sort((a, b) => a.intensity - b.intensity)[0];
}

/** The nerve slider beside this exercise's ladder, when it has one of the same mode. */
function nerveGlideFor(variant: Variant): Variant | undefined {
  return variantsOf(variant.exercise).find(
    (v) => v.role === "nerve-glide" && v.mode === variant.mode,
  );
}

function variantsOf(exerciseId: string): Variant[] {
  const exercise = exerciseById(exerciseId);
  return [...exercise.ladder, ...exercise.alternatives].map(variantById);
}

/** The block as `variant` at `amounts`, kept under the variant's ceilings and newly timed. */
function switchTo(
  block: PlayerBlock,
  variant: Variant,
  amounts: Omit<Dose, "perSide">,
  why: Reason,
): PlayerBlock {
  // A dose the new variant is not given in starts at the low end of its range.
  const filled: Omit<Dose, "perSide"> = {};
  for (const field of DOSE_FIELDS_BY_MODE[variant.mode]) {
    const amount = amounts[field] ?? variant.dose[field]?.[0];
    if (amount !== undefined) filled[field] = amount;
  }
  return { ...block, ...planBlock(variant, filled, [...block.reasons, why], block.step) };
}

function sameWork(a: PlayerBlock, b: PlayerBlock): boolean {
  const fields = ["sets", "reps", "holds", "holdSeconds", "seconds"] as const;
  return a.variant === b.variant && fields.every((field) => a.dose[field] === b.dose[field]);
}

function blockAt(blocks: readonly PlayerBlock[], index: number): PlayerBlock {
  const block = blocks[index];
  if (!block) throw new RangeError(`no block ${index} in a session of ${blocks.length}`);
  return block;
}

export interface Replanned {
  timeline: Timeline;
  /** Where to continue in the new timeline. */
  elapsedMs: number;
}

/**
 * The timeline for the changed blocks, and where to continue in it: a hold, set or side of a
 * changed block starts again from its beginning, softer; anywhere else the person stays
 * exactly where they were. Earlier blocks keep all their time.
 */
export function replanFrom(
  timeline: Timeline,
  blocks: readonly PlayerBlock[],
  elapsedMs: number,
): Replanned {
  const rebuilt = buildTimeline(blocks);
  const position = positionAt(timeline, elapsedMs);
  const current = timeline.steps[position.stepIndex];
  if (!current) return { timeline: rebuilt, elapsedMs: 0 };
  if (position.done) return { timeline: rebuilt, elapsedMs: rebuilt.totalMs };
  const same = rebuilt.steps.find(
    (s) =>
      s.blockIndex === current.blockIndex &&
      s.kind === current.kind &&
      s.side === current.side &&
      s.hold === current.hold &&
      s.set === current.set,
  );
  if (!same) {
    // The step is gone (fewer holds or sets): start the block's remaining work on this side.
    const fallback = rebuilt.steps.findLast(
      (s) => s.blockIndex === current.blockIndex && s.side === current.side && s.kind === "work",
    );
    return { timeline: rebuilt, elapsedMs: fallback?.startMs ?? 0 };
  }
  const changed = timeline.blocks[current.blockIndex] !== blocks[current.blockIndex];
  const restart = changed && current.kind === "work";
  const into = restart ? 0 : Math.min(position.intoStepMs, same.durationMs - 1);
  return { timeline: rebuilt, elapsedMs: same.startMs + into };
}
