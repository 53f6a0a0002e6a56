import { variantById } from "@limber/core";
import type { PlayerPosition, TimelineStep } from "../player/timeline.ts";
import type { Motion } from "./draw.tsx";
import { sceneOf } from "./figures.tsx";

/**
 * Where the figure is in its movement at a moment of the session, from the player's own
 * timeline: 0 is the start position, 1 the end. Reps follow the rep tempo, breath variants the
 * box-breath phases, holds ease into position and stay, and active work without a tempo moves
 * at its own easy pace, all from the time into the step, so the figure stops when the clock does.
 */
export interface Moment {
  t: number;
  /** The far limbs do the work this repetition (every other rep of a dead bug). */
  swap: boolean;
  side?: "left" | "right";
}

/** Slow in, slow out. */
export const ease = (x: number) => (1 - Math.cos(Math.PI * Math.min(Math.max(x, 0), 1))) / 2;

/** Holds take this long to ease into position; a rest takes the leg back down as quickly. */
export const SETTLE_MS = 3000;
const RETURN_MS = 2000;
/** Active work the timeline gives no tempo: one movement and back. */
const DEFAULT_CYCLE_MS = 4000;

export function momentOf(step: TimelineStep | undefined, position: PlayerPosition): Moment {
  if (!step) return { t: 0, swap: false };
  const variant = variantById(step.variant);
  // Getting ready for a two-sided block shows its first side, the left.
  const first = step.kind === "transition" && variant.side === "each" ? "left" : undefined;
  const facing = step.side ?? first;
  const side = facing ? { side: facing } : {};
  const motion: Motion = sceneOf(step.variant)?.motion ?? {};
  const into = position.intoStepMs;
  const mode = variant.mode;
  if (step.kind === "rest") {
    // Between holds the leg comes back down; between sets the body rests where it started.
    const t = mode === "hold" ? 1 - ease(into / RETURN_MS) : 0;
    return { t, swap: false, ...side };
  }
  if (step.kind !== "work") return { t: 0, swap: false, ...side };
  const tempo = step.tempo;
  if (tempo?.kind === "reps" && tempo.msPerRep > 0) {
    const rep = Math.min(Math.floor(into / tempo.msPerRep), Math.max(tempo.reps - 1, 0));
    const inRep = into - rep * tempo.msPerRep;
    const half = tempo.msPerRep / 2;
    // The first half of each rep goes from the start position to the end, the second comes back.
    const t =
      inRep < half
        ? ease(inRep / (half * (motion.moveShare ?? 1)))
        : 1 - ease((inRep - half) / half);
    return { t, swap: motion.alternate === true && rep % 2 === 1, ...side };
  }
  if (tempo?.kind === "breath") {
    const inPose = motion.breathIn === "end" ? 1 : 0;
    const cycle = tempo.patternMs.reduce((sum, ms) => sum + ms, 0);
    const at = cycle > 0 ? into % cycle : 0;
    // In, hold, out, hold: the body travels with each breath and waits through each pause.
    const [inhale, full, exhale] = tempo.patternMs;
    const breathingIn = (u: number) => (inPose === 1 ? ease(u) : 1 - ease(u));
    let t: number = 1 - inPose;
    if (at < inhale) t = breathingIn(at / inhale);
    else if (at < inhale + full) t = inPose;
    else if (at < inhale + full + exhale) t = 1 - breathingIn((at - inhale - full) / exhale);
    return { t, swap: false, ...side };
  }
  if (mode === "hold") return { t: ease(into / SETTLE_MS), swap: false, ...side };
  const cycle = motion.cycleMs ?? DEFAULT_CYCLE_MS;
  const t = (1 - Math.cos((2 * Math.PI * (into % cycle)) / cycle)) / 2;
  return { t, swap: false, ...side };
}
