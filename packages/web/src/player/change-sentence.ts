import { doseText } from "@limber/core";
import type { PlayerBlock } from "./timeline.ts";

/**
 * What Soften or Nerve-y? changed, in a sentence for the person (and their screen reader): the
 * change itself, as core's reason for it words it, then the exercise as it now stands.
 */
export function changeSentence(before: PlayerBlock, after: PlayerBlock): string {
  const why = after.reasons.length > before.reasons.length ? after.reasons.at(-1)?.text : undefined;
  const sameWork =
    after.variant === before.variant &&
    doseText(after.mode, after.dose) === doseText(before.mode, before.dose);
  if (!why || sameWork) {
    return "This is already as gentle as this exercise goes. Ease off by feel, or skip it.";
  }
  return `${why} Now: ${after.name}, ${doseText(after.mode, after.dose)}.`;
}
