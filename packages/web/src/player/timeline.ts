import { PAUSES, type PlanBlock, type VariantId, variantById } from "@limber/core";
import { variantWords } from "@limber/core/words";

/**
 * A session laid out in time: every hold, set, rest, side switch and block change as one flat
 * list of steps, so where the person is follows from elapsed time alone (no ticks counted).
 */

/** A plan block as the player holds it: its current variant and dose, and what changed live. */
export interface PlayerBlock extends PlanBlock {
  /** Softened during the session (R-BREATH). */
  softened?: boolean;
  /** Switched to a knee-bent or slider variant for nerve-like sensations (R-NERVE). */
  nerveSwitch?: boolean;
}

export type StepKind = "work" | "rest" | "switch" | "transition";
export type Leg = "left" | "right";
export type RepPhase = "down" | "up";
export type BreathPhase = "in" | "hold-in" | "out" | "hold-out";

/** How a work step is paced, when it is. */
export type Tempo =
  | { kind: "reps"; reps: number; msPerRep: number; firstPhase: RepPhase }
  | { kind: "breath"; patternMs: readonly [number, number, number, number] };

export interface TimelineStep {
  kind: StepKind;
  /** The block this step belongs to; a transition belongs to the block it leads into. */
  blockIndex: number;
  startMs: number;
  durationMs: number;
  /** The leg being worked, or being changed to on a switch. */
  side?: Leg;
  /** On a rest, the hold or set that comes next. */
  hold?: number;
  holds?: number;
  set?: number;
  sets?: number;
  variant: VariantId;
  /** The block's variant name, on every step of the block. */
  name: string;
  /** The one line to show: a cue on work, the setup while getting ready for a block. */
  cue: string;
  /** What comes next, for "Next: …". */
  next: string;
  tempo?: Tempo;
}

export interface Timeline {
  blocks: readonly PlayerBlock[];
  steps: readonly TimelineStep[];
  totalMs: number;
}

export type Pacing =
  | { kind: "reps"; rep: number; of: number; phase: RepPhase; phaseLeftMs: number }
  | { kind: "breath"; breath: number; phase: BreathPhase; phaseLeftMs: number };

export interface PlayerPosition {
  /** Index into `timeline.steps`; -1 only for a timeline without steps. */
  stepIndex: number;
  intoStepMs: number;
  stepLeftMs: number;
  sessionLeftMs: number;
  /** 0 at the start, 1 at the end. */
  progress: number;
  done: boolean;
  pacing?: Pacing;
}

const REST_CUE = "Rest, and let your breath settle.";
const FINISH = "Finish";
const BREATH_PHASES: readonly BreathPhase[] = ["in", "hold-in", "out", "hold-out"];
// The catalog gives a tempo but not which half comes first. The bridge and the seated knee
// straightening lift first; the hinge and the dead bug lower first.
const LIFT_FIRST = new Set(["bridge", "desk"]);

type Draft = Omit<TimelineStep, "startMs" | "next">;

/** The session as a flat list of steps whose durations add up to the plan's total time. */
export function buildTimeline(blocks: readonly PlayerBlock[]): Timeline {
  const drafts: Draft[] = [];
  blocks.forEach((block, blockIndex) => {
    if (blockIndex > 0) {
      const setup = variantWords(block.variant).setup[0] ?? block.name;
      drafts.push(pause("transition", block, blockIndex, PAUSES.betweenBlocks, setup));
    }
    drafts.push(...blockSteps(block, blockIndex));
  });
  const kept = drafts.filter((d) => d.durationMs > 0);
  let startMs = 0;
  const steps = kept.map((draft, i) => {
    const step: TimelineStep = { ...draft, startMs, next: nextText(kept, i) };
    startMs += draft.durationMs;
    return step;
  });
  return { blocks, steps, totalMs: startMs };
}

function blockSteps(block: PlayerBlock, blockIndex: number): Draft[] {
  const variant = variantById(block.variant);
  const { cues } = variantWords(block.variant);
  const { dose } = block;
  const sides: (Leg | undefined)[] = dose.perSide ? ["left", "right"] : [undefined];
  const cueFor = (count: number) => cues[(count - 1) % cues.length] ?? block.name;
  const work = (durationMs: number, side: Leg | undefined, count: number): Draft => ({
    ...base(block, blockIndex, "work", durationMs, side),
    cue: cueFor(count),
  });
  const drafts: Draft[] = [];
  for (const [sideIndex, side] of sides.entries()) {
    if (sideIndex > 0) {
      const cue = `Change to your ${side} leg.`;
      drafts.push({ ...pause("switch", block, blockIndex, PAUSES.sideSwitch, cue), side });
    }
    if (block.mode === "hold") {
      const holds = dose.holds ?? 1;
      for (let hold = 1; hold <= holds; hold++) {
        if (hold > 1) {
          const rest = pause("rest", block, blockIndex, PAUSES.betweenHolds, REST_CUE);
          drafts.push({ ...rest, side, hold, holds });
        }
        drafts.push({ ...work((dose.holdSeconds ?? 0) * 1000, side, hold), hold, holds });
      }
    } else if (block.mode === "reps") {
      const sets = dose.sets ?? 1;
      const reps = dose.reps ?? 0;
      const msPerRep = (variant.secondsPerRep ?? 0) * 1000;
      const firstPhase: RepPhase = LIFT_FIRST.has(block.exercise) ? "up" : "down";
      for (let set = 1; set <= sets; set++) {
        if (set > 1) {
          const rest = pause("rest", block, blockIndex, PAUSES.betweenSets, REST_CUE);
          drafts.push({ ...rest, side, set, sets });
        }
        const tempo: Tempo = { kind: "reps", reps, msPerRep, firstPhase };
        drafts.push({ ...work(reps * msPerRep, side, set), set, sets, tempo });
      }
    } else {
      const step = work((dose.seconds ?? 0) * 1000, side, 1);
      const pattern = variant.breathPattern;
      if (block.mode === "breath" && pattern) {
        const [inhale, full, exhale, empty] = pattern;
        const patternMs = [inhale * 1000, full * 1000, exhale * 1000, empty * 1000] as const;
        step.tempo = { kind: "breath", patternMs };
      }
      drafts.push(step);
    }
  }
  return drafts;
}

function base(
  block: PlayerBlock,
  blockIndex: number,
  kind: StepKind,
  durationMs: number,
  side?: Leg,
): Draft {
  return {
    kind,
    blockIndex,
    durationMs,
    ...(side ? { side } : {}),
    variant: block.variant,
    name: block.name,
    cue: "",
  };
}

function pause(
  kind: StepKind,
  block: PlayerBlock,
  blockIndex: number,
  seconds: number,
  cue: string,
): Draft {
  return { ...base(block, blockIndex, kind, seconds * 1000), cue };
}

/** "Next: …" for step i: the next piece of work, said relative to where the person is. */
function nextText(drafts: readonly Draft[], i: number): string {
  const from = drafts[i];
  const to = drafts.slice(i + 1).find((d) => d.kind === "work");
  if (!from || !to) return FINISH;
  if (to.blockIndex !== from.blockIndex || from.kind === "transition")
    return to.side ? `${to.name}, ${to.side} side` : to.name;
  if (to.side !== from.side && to.side) return `${capitalise(to.side)} side`;
  const count = countOf(to);
  if (from.kind === "work" && drafts[i + 1]?.kind === "rest") return `Rest, then ${count}`;
  return capitalise(count || to.name);
}

function countOf(step: Draft): string {
  if (step.hold && step.holds && step.holds > 1) return `hold ${step.hold} of ${step.holds}`;
  if (step.set && step.sets && step.sets > 1) return `set ${step.set} of ${step.sets}`;
  return "";
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Where the session stands `elapsedMs` after its start: a pure function of elapsed time. */
export function positionAt(timeline: Timeline, elapsedMs: number): PlayerPosition {
  const { steps, totalMs } = timeline;
  const elapsed = Math.min(Math.max(Number.isNaN(elapsedMs) ? 0 : elapsedMs, 0), totalMs);
  const last = steps.at(-1);
  if (!last) {
    return {
      stepIndex: -1,
      intoStepMs: 0,
      stepLeftMs: 0,
      sessionLeftMs: 0,
      progress: 1,
      done: true,
    };
  }
  const done = elapsed >= totalMs;
  const stepIndex = done ? steps.length - 1 : stepIndexAt(steps, elapsed);
  const step = steps[stepIndex] ?? last;
  const intoStepMs = elapsed - step.startMs;
  const position: PlayerPosition = {
    stepIndex,
    intoStepMs,
    stepLeftMs: step.durationMs - intoStepMs,
    sessionLeftMs: totalMs - elapsed,
    progress: totalMs === 0 ? 1 : elapsed / totalMs,
    done,
  };
  const pacing = !done && step.tempo ? pacingAt(step.tempo, intoStepMs) : undefined;
  return pacing ? { ...position, pacing } : position;
}

/** The last step starting at or before `elapsed` (steps are contiguous and in order). */
function stepIndexAt(steps: readonly TimelineStep[], elapsed: number): number {
  let low = 0;
  let high = steps.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if ((steps[mid]?.startMs ?? 0) <= elapsed) low = mid;
    else high = mid - 1;
  }
  return low;
}

function pacingAt(tempo: Tempo, intoMs: number): Pacing | undefined {
  if (tempo.kind === "reps") {
    if (tempo.msPerRep <= 0 || tempo.reps <= 0) return undefined;
    const rep = Math.min(Math.floor(intoMs / tempo.msPerRep) + 1, tempo.reps);
    const inRep = intoMs - (rep - 1) * tempo.msPerRep;
    const half = tempo.msPerRep / 2;
    const firstHalf = inRep < half;
    const secondPhase: RepPhase = tempo.firstPhase === "down" ? "up" : "down";
    return {
      kind: "reps",
      rep,
      of: tempo.reps,
      phase: firstHalf ? tempo.firstPhase : secondPhase,
      phaseLeftMs: firstHalf ? half - inRep : tempo.msPerRep - inRep,
    };
  }
  const cycleMs = tempo.patternMs.reduce((sum, ms) => sum + ms, 0);
  if (cycleMs <= 0) return undefined;
  const inCycle = intoMs % cycleMs;
  let phaseEnd = 0;
  for (const [i, ms] of tempo.patternMs.entries()) {
    phaseEnd += ms;
    if (inCycle < phaseEnd) {
      const phase = BREATH_PHASES[i] ?? "in";
      const breath = Math.floor(intoMs / cycleMs) + 1;
      return { kind: "breath", breath, phase, phaseLeftMs: phaseEnd - inCycle };
    }
  }
  return undefined;
}

/** Where step `index` starts, for skip and back; past the last step, the session's end. */
export function stepStartMs(timeline: Timeline, index: number): number {
  if (index < 0) return 0;
  return timeline.steps[index]?.startMs ?? timeline.totalMs;
}

/** Where a block starts, its getting-ready pause included; past the last block, the end. */
export function blockStartMs(timeline: Timeline, blockIndex: number): number {
  return timeline.steps.find((s) => s.blockIndex >= blockIndex)?.startMs ?? timeline.totalMs;
}
