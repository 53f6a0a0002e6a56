import { clockTime } from "@limber/core";
import type { PlayerPosition, TimelineStep } from "./timeline.ts";

const RADIUS = 52;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/**
 * The step's time as a ring that fills as the step goes, the time left in its middle, and in
 * the last five seconds the count alone, large. On breathing steps the disc inside swells with
 * each breath in and settles with each breath out.
 */
export function StepRing({
  step,
  position,
  count,
}: {
  step: TimelineStep | undefined;
  position: PlayerPosition;
  count: number | undefined;
}) {
  const fraction = step && step.durationMs > 0 ? position.intoStepMs / step.durationMs : 0;
  const breath = position.pacing?.kind === "breath" ? position.pacing.phase : undefined;
  return (
    <div class={`step-ring${breath ? ` breath-${breath}` : ""}`} aria-hidden="true">
      <svg viewBox="0 0 120 120" aria-hidden="true">
        <circle class="ring-disc" cx="60" cy="60" r="40" />
        <circle class="ring-track" cx="60" cy="60" r={RADIUS} />
        <circle
          class="ring-fill"
          cx="60"
          cy="60"
          r={RADIUS}
          stroke-dasharray={`${CIRCUMFERENCE}`}
          stroke-dashoffset={`${CIRCUMFERENCE * (1 - Math.min(Math.max(fraction, 0), 1))}`}
          transform="rotate(-90 60 60)"
        />
      </svg>
      <span class={count === undefined ? "timer" : "timer counting"}>
        {count ?? clockTime(Math.ceil(position.stepLeftMs / 1000))}
      </span>
    </div>
  );
}

const BREATH_WORDS = {
  in: "Breathe in",
  "hold-in": "Hold",
  out: "Breathe out",
  "hold-out": "Hold",
} as const;

/**
 * The one line under the ring, always there so nothing below it moves: paused, getting ready,
 * the breath or the repetition, or which hold this is.
 */
export function phaseText(
  step: TimelineStep | undefined,
  position: PlayerPosition,
  state: "ready" | "running" | "paused",
): string {
  if (state === "paused") return "Paused";
  if (state === "ready") return "Start when you are ready";
  if (!step) return "";
  if (step.kind !== "work") return "Get ready";
  const pacing = position.pacing;
  if (pacing?.kind === "breath") return BREATH_WORDS[pacing.phase];
  if (pacing?.kind === "reps") {
    return `${pacing.phase === "down" ? "Down" : "Up"} · rep ${pacing.rep} of ${pacing.of}`;
  }
  if (step.hold === undefined) return "";
  return step.holds !== undefined && step.holds > 1 ? `Hold ${step.hold} of ${step.holds}` : "Hold";
}
