import type { Dose, SessionBlock } from "@limber/core";
import type { PlayerBlock, PlayerPosition, Timeline, TimelineStep } from "./timeline.ts";

type Amounts = Omit<Dose, "perSide">;

/**
 * The `session` event's blocks: what was done, as the blocks stand after any live change.
 * A block skipped, or never reached because the person finished early, counts as skipped. A
 * block the person stopped in records what was done on the leg reached last: the holds or
 * sets completed, or, when none was, the seconds or reps of the one in progress.
 */
export function sessionBlocks(
  blocks: readonly PlayerBlock[],
  timeline: Timeline,
  position: PlayerPosition,
  skipped: ReadonlySet<number>,
): SessionBlock[] {
  return blocks.map((block, blockIndex) => {
    const record: SessionBlock = {
      exercise: block.exercise,
      variant: block.variant,
      ...(block.step ? { step: block.step.index } : {}),
      ...(block.softened ? { softened: true } : {}),
      ...(block.nerveSwitch ? { nerveSwitch: true } : {}),
    };
    const done = skipped.has(blockIndex)
      ? undefined
      : doneOf(block, blockIndex, timeline, position);
    return done ? { ...record, ...done } : { ...record, skipped: true };
  });
}

/** The amounts done of one block; undefined when none of it was done. */
function doneOf(
  block: PlayerBlock,
  blockIndex: number,
  timeline: Timeline,
  position: PlayerPosition,
): Amounts | undefined {
  const { perSide: _, ...planned } = block.dose;
  const reachedIndex = position.done ? timeline.steps.length : position.stepIndex;
  const work = [...timeline.steps.entries()].filter(
    ([, s]) => s.blockIndex === blockIndex && s.kind === "work",
  );
  const started = work.filter(([index]) => index <= reachedIndex);
  const latest = started.at(-1);
  if (!latest) return undefined;
  const [latestIndex, latestStep] = latest;
  const inProgress = latestIndex === reachedIndex;
  if (started.length === work.length && !inProgress) return planned;
  // Stopped within the block: count on the leg reached last.
  const onLeg = started.filter(([, s]) => s.side === latestStep.side);
  const completed = onLeg.length - (inProgress ? 1 : 0);
  const partial = partialOf(block, latestStep, completed, inProgress ? position.intoStepMs : 0);
  return Object.values(partial).some((amount) => amount === 0) ? undefined : partial;
}

function partialOf(
  block: PlayerBlock,
  step: TimelineStep,
  completed: number,
  intoMs: number,
): Amounts {
  const { dose } = block;
  const seconds = Math.floor(intoMs / 1000);
  switch (block.mode) {
    case "hold":
      return completed > 0
        ? { holds: completed, holdSeconds: dose.holdSeconds ?? 0 }
        : { holds: 1, holdSeconds: seconds };
    case "reps": {
      if (completed > 0) return { sets: completed, reps: dose.reps ?? 0 };
      const msPerRep = step.tempo?.kind === "reps" ? step.tempo.msPerRep : 0;
      return { sets: 1, reps: msPerRep > 0 ? Math.floor(intoMs / msPerRep) : 0 };
    }
    default:
      return { seconds: completed > 0 ? (dose.seconds ?? 0) : seconds };
  }
}
