import { blockSeconds, type CheckIn, totalSeconds, variantById } from "@limber/core";
import { variantWords } from "@limber/core/words";
import { describe, expect, it } from "vitest";
import { blockOf, plansOfPractice } from "./testing.ts";
import { blockStartMs, buildTimeline, positionAt, stepStartMs } from "./timeline.ts";

const strap = blockOf("strap-knee-bent", { holds: 2, holdSeconds: 20 });
const hinge = blockOf("hinge-tall-kneel", { sets: 1, reps: 8 });
const breath = blockOf("hip-rolls-breath", { seconds: 60 });
const bridge = blockOf("bridge", { sets: 2, reps: 6 });

describe("buildTimeline", () => {
  it("lays a two-sided stretch out hold by hold, left leg first", () => {
    const { steps, totalMs } = buildTimeline([strap]);
    expect(steps.map((s) => [s.kind, s.side, s.hold, s.durationMs / 1000])).toEqual([
      ["work", "left", 1, 20],
      ["rest", "left", 2, 10],
      ["work", "left", 2, 20],
      ["switch", "right", undefined, 5],
      ["work", "right", 1, 20],
      ["rest", "right", 2, 10],
      ["work", "right", 2, 20],
    ]);
    expect(totalMs).toBe(strap.seconds * 1000);
  });

  it("says what comes next, relative to where the person is", () => {
    const { steps } = buildTimeline([strap, hinge]);
    expect(steps.map((s) => s.next)).toEqual([
      "Rest, then hold 2 of 2",
      "Hold 2 of 2",
      "Right side",
      "Hold 1 of 2",
      "Rest, then hold 2 of 2",
      "Hold 2 of 2",
      "Hip hinge, tall kneeling",
      "Hip hinge, tall kneeling",
      "Finish",
    ]);
  });

  it("rotates through the variant's cues by hold, and starts each leg on the first cue", () => {
    const { cues } = variantWords("strap-knee-bent");
    const work = buildTimeline([blockOf("strap-knee-bent", { holds: 3, holdSeconds: 15 })])
      .steps.filter((s) => s.kind === "work")
      .map((s) => s.cue);
    expect(work).toEqual([cues[0], cues[1], cues[2], cues[0], cues[1], cues[2]]);
  });

  it("gives the 10 s between blocks to getting ready for the next one, with its setup", () => {
    const { steps } = buildTimeline([breath, strap]);
    const transition = steps[1];
    expect(transition).toMatchObject({
      kind: "transition",
      blockIndex: 1,
      durationMs: 10_000,
      name: "Strap stretch, knee bent",
      cue: variantWords("strap-knee-bent").setup[0],
    });
  });

  it("rests 30 s between sets and paces each set's reps", () => {
    const { steps } = buildTimeline([bridge]);
    expect(steps.map((s) => [s.kind, s.set, s.durationMs / 1000])).toEqual([
      ["work", 1, 30],
      ["rest", 2, 30],
      ["work", 2, 30],
    ]);
    expect(steps[0]?.tempo).toEqual({ kind: "reps", reps: 6, msPerRep: 5000, firstPhase: "up" });
  });

  it("paces a breath block on its box pattern", () => {
    const [step] = buildTimeline([breath]).steps;
    expect(step?.tempo).toEqual({ kind: "breath", patternMs: [4000, 4000, 4000, 4000] });
  });

  it("has no steps on a day without a session", () => {
    expect(buildTimeline([])).toEqual({ blocks: [], steps: [], totalMs: 0 });
  });
});

describe("the timeline takes exactly the plan's total time", () => {
  const days: [string, CheckIn, number][] = [
    ["calm days, climbing the ladders", { back: "calm" }, 90],
    ["okay days", { back: "okay", leg: "none" }, 30],
    ["grumpy days", { back: "grumpy" }, 10],
    ["one leg with symptoms", { back: "okay", leg: "one-leg" }, 10],
    ["three minutes", { back: "calm", context: { minutes: 3 } }, 10],
    ["five minutes at a desk", { back: "okay", context: { minutes: 5, deskDay: true } }, 10],
    ["a see-clinician day", { back: "okay", signs: ["night-pain"] }, 2],
    ["an emergency day", { back: "grumpy", signs: ["saddle-numbness"] }, 1],
  ];
  for (const [label, checkIn, count] of days) {
    it(label, () => {
      for (const plan of plansOfPractice("2025-03-01", count, checkIn)) {
        const timeline = buildTimeline(plan.blocks);
        expect(timeline.totalMs).toBe(plan.totalSeconds * 1000);
        expect(timeline.totalMs).toBe(totalSeconds(plan.blocks) * 1000);
        let expectedStart = 0;
        for (const step of timeline.steps) {
          expect(step.startMs).toBe(expectedStart);
          expectedStart += step.durationMs;
        }
        for (const [i, block] of plan.blocks.entries()) {
          const own = timeline.steps.filter((s) => s.blockIndex === i && s.kind !== "transition");
          const ms = own.reduce((sum, s) => sum + s.durationMs, 0);
          expect(ms).toBe(blockSeconds(variantById(block.variant), block.dose) * 1000);
        }
      }
    });
  }

  it("climbs far enough to time straight-knee holds and single-leg bridges", () => {
    const variants = plansOfPractice("2025-03-01", 200, { back: "calm" }).flatMap((p) =>
      p.blocks.map((b) => b.variant),
    );
    expect(variants).toContain("strap-knee-straight");
    expect(variants).toContain("hinge-weight");
  });
});

describe("positionAt", () => {
  const timeline = buildTimeline([breath, strap]);
  const total = timeline.totalMs;

  it.each([
    ["the start", 0, 0, 0],
    ["half-way into the breathing", 30_000, 0, 30_000],
    ["the block change", 60_000, 1, 0],
    ["the first hold", 75_000, 2, 5_000],
    ["the last moment", total - 1, 8, 19_999],
  ])("at %s", (_, elapsed, stepIndex, intoStepMs) => {
    const position = positionAt(timeline, elapsed);
    expect(position).toMatchObject({ stepIndex, intoStepMs, done: false });
    const step = timeline.steps[stepIndex];
    expect(position.stepLeftMs).toBe((step?.durationMs ?? 0) - intoStepMs);
    expect(position.sessionLeftMs).toBe(total - elapsed);
    expect(position.progress).toBeCloseTo(elapsed / total);
  });

  it("is done at the end and after it, on the last step", () => {
    for (const elapsed of [total, total + 60_000, Number.POSITIVE_INFINITY]) {
      expect(positionAt(timeline, elapsed)).toEqual({
        stepIndex: timeline.steps.length - 1,
        intoStepMs: 20_000,
        stepLeftMs: 0,
        sessionLeftMs: 0,
        progress: 1,
        done: true,
      });
    }
  });

  it("reads a negative or unknown elapsed time as the start", () => {
    expect(positionAt(timeline, -500)).toMatchObject({ stepIndex: 0, intoStepMs: 0 });
    expect(positionAt(timeline, Number.NaN)).toMatchObject({ stepIndex: 0, intoStepMs: 0 });
  });

  it("is done at once for a timeline without steps", () => {
    expect(positionAt(buildTimeline([]), 0)).toMatchObject({ stepIndex: -1, done: true });
  });

  it.each([
    [0, "in", 4000, 1],
    [3999, "in", 1, 1],
    [4000, "hold-in", 4000, 1],
    [8000, "out", 4000, 1],
    [13_000, "hold-out", 3000, 1],
    [16_000, "in", 4000, 2],
    [59_000, "out", 1000, 4],
  ])("paces box breathing: at %i ms, %s with %i ms left (breath %i)", (at, phase, left, n) => {
    expect(positionAt(timeline, at).pacing).toEqual({
      kind: "breath",
      breath: n,
      phase,
      phaseLeftMs: left,
    });
  });

  it.each([
    [0, 1, "down", 3000],
    [2999, 1, "down", 1],
    [3000, 1, "up", 3000],
    [6000, 2, "down", 3000],
    [47_999, 8, "up", 1],
  ])("paces the hinge: at %i ms, rep %i %s with %i ms left", (at, rep, phase, left) => {
    const hinged = buildTimeline([hinge]);
    expect(positionAt(hinged, at).pacing).toEqual({
      kind: "reps",
      rep,
      of: 8,
      phase,
      phaseLeftMs: left,
    });
  });

  it("lifts first on a bridge", () => {
    const bridged = buildTimeline([bridge]);
    expect(positionAt(bridged, 0).pacing).toMatchObject({ phase: "up", phaseLeftMs: 2500 });
    expect(positionAt(bridged, 2500).pacing).toMatchObject({ phase: "down", phaseLeftMs: 2500 });
  });

  it("paces neither holds nor rests", () => {
    expect(positionAt(timeline, 75_000).pacing).toBeUndefined();
    expect(positionAt(buildTimeline([bridge]), 31_000).pacing).toBeUndefined();
  });
});

describe("skip and back", () => {
  const timeline = buildTimeline([breath, strap]);

  it("finds where each step starts, the session's end past the last", () => {
    expect(stepStartMs(timeline, -1)).toBe(0);
    expect(stepStartMs(timeline, 0)).toBe(0);
    expect(stepStartMs(timeline, 2)).toBe(70_000);
    expect(stepStartMs(timeline, timeline.steps.length)).toBe(timeline.totalMs);
  });

  it("finds where a block starts, getting ready included", () => {
    expect(blockStartMs(timeline, 0)).toBe(0);
    expect(blockStartMs(timeline, 1)).toBe(60_000);
    expect(blockStartMs(timeline, 2)).toBe(timeline.totalMs);
  });
});
