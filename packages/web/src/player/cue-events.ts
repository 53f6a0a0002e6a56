import type { Timeline, TimelineStep } from "./timeline.ts";

/**
 * The moments the player marks with sound, voice or touch, read from the timeline: a pure
 * function of time, so the same window always yields the same cues.
 */
export type CueEvent =
  | { kind: "step"; atMs: number; stepIndex: number }
  | { kind: "side-switch"; atMs: number; stepIndex: number }
  | { kind: "breath"; atMs: number; stepIndex: number; phase: "in" | "out"; durationMs: number }
  | { kind: "speech"; atMs: number; stepIndex: number; text: string }
  | { kind: "finish"; atMs: number };

/** Every cue event at or after `fromMs` and before `toMs`, in time order. */
export function cueEventsBetween(timeline: Timeline, fromMs: number, toMs: number): CueEvent[] {
  const events: CueEvent[] = [];
  const within = (atMs: number) => atMs >= fromMs && atMs < toMs;
  for (const [stepIndex, step] of timeline.steps.entries()) {
    const endMs = step.startMs + step.durationMs;
    if (endMs <= fromMs) continue;
    if (step.startMs >= toMs) break;
    if (within(step.startMs)) {
      const kind = step.kind === "switch" ? "side-switch" : "step";
      events.push({ kind, atMs: step.startMs, stepIndex });
      const text = step.kind === "work" ? spokenCue(step) : `Get ready: ${step.next}.`;
      events.push({ kind: "speech", atMs: step.startMs, stepIndex, text });
    }
    if (step.kind === "work") {
      events.push(...breathEvents(step, stepIndex, fromMs, toMs));
      if (countsDown(step)) {
        for (let count = COUNT_FROM; count >= 1; count--) {
          const atMs = endMs - count * 1000;
          if (within(atMs)) events.push({ kind: "speech", atMs, stepIndex, text: `${count}` });
        }
      }
    }
  }
  if (timeline.steps.length > 0 && within(timeline.totalMs)) {
    events.push({ kind: "finish", atMs: timeline.totalMs });
  }
  return events.sort((a, b) => a.atMs - b.atMs);
}

/** The last seconds counted down, shown on every step and spoken at the end of each hold. */
export const COUNT_FROM = 5;

/**
 * Holds and timed work end with a count of their last five seconds; repetitions count
 * themselves, and a step too short for it has nothing to count down from.
 */
function countsDown(step: TimelineStep): boolean {
  return step.tempo?.kind !== "reps" && step.durationMs >= 2 * COUNT_FROM * 1000;
}

/** The second of the count the step is in ("3"), or undefined before the last five seconds. */
export function countdownAt(step: TimelineStep, stepLeftMs: number): number | undefined {
  if (step.kind === "work" && !countsDown(step)) return undefined;
  const count = Math.ceil(stepLeftMs / 1000);
  return count >= 1 && count <= COUNT_FROM ? count : undefined;
}

/** A rising tone as each breath in begins, a falling one as each breath out begins. */
function breathEvents(
  step: TimelineStep,
  stepIndex: number,
  fromMs: number,
  toMs: number,
): CueEvent[] {
  if (step.tempo?.kind !== "breath") return [];
  const [inMs, heldInMs, outMs] = step.tempo.patternMs;
  const cycleMs = step.tempo.patternMs.reduce((sum, ms) => sum + ms, 0);
  if (cycleMs <= 0) return [];
  const endMs = step.startMs + step.durationMs;
  const events: CueEvent[] = [];
  const first = Math.max(0, Math.floor((fromMs - step.startMs) / cycleMs));
  for (let cycle = first; step.startMs + cycle * cycleMs < Math.min(toMs, endMs); cycle++) {
    const cycleStart = step.startMs + cycle * cycleMs;
    const phases = [
      { phase: "in" as const, atMs: cycleStart, durationMs: inMs },
      { phase: "out" as const, atMs: cycleStart + inMs + heldInMs, durationMs: outMs },
    ];
    for (const { phase, atMs, durationMs } of phases) {
      // The first breath in starts with the step's own chime and spoken cue; a tone on top
      // of both would only blur them.
      if (atMs === step.startMs || atMs < fromMs || atMs >= toMs || atMs >= endMs) continue;
      if (durationMs > 0) events.push({ kind: "breath", atMs, stepIndex, phase, durationMs });
    }
  }
  return events;
}

/** The step's name and one key cue; later holds and sets say only which one it is. */
function spokenCue(step: TimelineStep): string {
  const later =
    step.hold !== undefined && step.holds !== undefined && step.hold > 1
      ? `Hold ${step.hold} of ${step.holds}.`
      : step.set !== undefined && step.sets !== undefined && step.set > 1
        ? `Set ${step.set} of ${step.sets}.`
        : undefined;
  const opening = later ?? `${step.name}${step.side ? `, ${step.side} side` : ""}.`;
  return `${opening} ${step.cue}`;
}
