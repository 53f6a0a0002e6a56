import { nerveEasedBlock, softenedBlock } from "@limber/core";
import { buildTimeline, type PlayerBlock, positionAt, type Timeline } from "./timeline.ts";

/**
 * Live changes to the session, each recorded on its block for the session event: softening a
 * step that took the breath away (R-BREATH), and easing off nerve-like sensations (R-NERVE).
 * The changes themselves are core's, next to the planner's own choices; the player marks the
 * block and moves its timeline on.
 */

/** R-BREATH: a shorter hold, or the knee bent, now. */
export function soften(blocks: readonly PlayerBlock[], blockIndex: number): PlayerBlock[] {
  const block = blockAt(blocks, blockIndex);
  const flags = block.nerveSwitch ? { nerveSwitch: true } : {};
  return blocks.with(blockIndex, { ...softenedBlock(block), ...flags, softened: true });
}

/** R-NERVE: the nerve slider or the knee-bent variant now, holds of 20 s or less. */
export function nerveEase(blocks: readonly PlayerBlock[], blockIndex: number): PlayerBlock[] {
  const block = blockAt(blocks, blockIndex);
  const flags = block.softened ? { softened: true } : {};
  return blocks.with(blockIndex, { ...nerveEasedBlock(block), ...flags, nerveSwitch: true });
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
