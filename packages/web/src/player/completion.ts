import { minutesText } from "@limber/core";
import type { PlayerPosition, Timeline } from "./timeline.ts";

/**
 * The time actually practised, up to `position`: every step reached of every block not skipped.
 * A skip moves the clock on without practice, and a step gone back over counts once.
 */
export function practisedMs(
  timeline: Timeline,
  position: PlayerPosition,
  skipped: ReadonlySet<number>,
): number {
  let ms = 0;
  for (const [index, step] of timeline.steps.entries()) {
    if (skipped.has(step.blockIndex)) continue;
    if (position.done || index < position.stepIndex) ms += step.durationMs;
    else if (index === position.stepIndex) ms += position.intoStepMs;
  }
  return ms;
}

/**
 * The completion moment's line: "Done: 7 min, both sides." Both sides when every block done
 * that works one leg at a time reached its second leg.
 */
export function completionText(
  timeline: Timeline,
  position: PlayerPosition,
  skipped: ReadonlySet<number>,
): string {
  const minutes = minutesText(Math.round(practisedMs(timeline, position, skipped) / 1000));
  const sided = new Map<number, Set<string>>();
  for (const [index, step] of timeline.steps.entries()) {
    if (!step.side || step.kind !== "work" || skipped.has(step.blockIndex)) continue;
    const reached = position.done || index <= position.stepIndex;
    const sides = sided.get(step.blockIndex) ?? new Set();
    if (reached) sides.add(step.side);
    sided.set(step.blockIndex, sides);
  }
  const done = [...sided.values()].filter((sides) => sides.size > 0);
  const bothSides = done.length > 0 && done.every((sides) => sides.size === 2);
  return `Done: ${minutes}${bothSides ? ", both sides" : ""}.`;
}
