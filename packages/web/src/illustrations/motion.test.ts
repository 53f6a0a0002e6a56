import { describe, expect, it } from "vitest";
import { blockOf } from "../player/testing.ts";
import { buildTimeline, positionAt, type Timeline } from "../player/timeline.ts";
import { momentOf, SETTLE_MS } from "./motion.ts";

/** Where the figure is `ms` into the session. */
const at = (timeline: Timeline, ms: number) => {
  const position = positionAt(timeline, ms);
  return momentOf(timeline.steps[position.stepIndex], position);
};

describe("the figure moves on the player's clock", () => {
  it("goes down and up with each rep at the rep tempo (the hinge: 3 s down, 3 s up)", () => {
    const timeline = buildTimeline([blockOf("hinge-dowel", { sets: 1, reps: 8 })]);
    expect(at(timeline, 0).t).toBe(0);
    expect(at(timeline, 1500).t).toBeCloseTo(0.5, 5);
    expect(at(timeline, 3000).t).toBeCloseTo(1, 5);
    expect(at(timeline, 4500).t).toBeCloseTo(0.5, 5);
    expect(at(timeline, 6000).t).toBeCloseTo(0, 5);
    // The same moment of another rep is the same pose.
    expect(at(timeline, 6000 * 3 + 1000).t).toBeCloseTo(at(timeline, 1000).t, 9);
  });

  it("lifts first for the bridge, and holds at the top where the variant pauses", () => {
    const plain = buildTimeline([blockOf("bridge", { sets: 1, reps: 6 })]);
    expect(at(plain, 1250).t).toBeCloseTo(0.5, 5);
    const held = buildTimeline([blockOf("bridge-hold", { sets: 1, reps: 6 })]);
    // Up in the first part of the 4 s lift, then still at the top until the lowering.
    expect(at(held, 2000).t).toBe(1);
    expect(at(held, 3900).t).toBe(1);
    expect(at(held, 6000).t).toBeCloseTo(0.5, 5);
  });

  it("takes turns between the near and the far side, rep by rep, on a dead bug", () => {
    const timeline = buildTimeline([blockOf("dead-bug-heel-taps", { sets: 1, reps: 6 })]);
    expect(at(timeline, 1000).swap).toBe(false);
    expect(at(timeline, 5000).swap).toBe(true);
    expect(at(timeline, 9000).swap).toBe(false);
    expect(at(buildTimeline([blockOf("bridge", { sets: 1, reps: 6 })]), 6000).swap).toBe(false);
  });

  it("tilts the pelvis with the box breath: out rolls into the tilt, in rolls back, pauses stay", () => {
    const timeline = buildTimeline([blockOf("hip-rolls-tilt", { seconds: 60 })]);
    // In 4 s (back to neutral, the start), hold 4, out 4 (into the tilt, the end), hold 4.
    expect(at(timeline, 0).t).toBe(1);
    expect(at(timeline, 2000).t).toBeCloseTo(0.5, 5);
    expect(at(timeline, 4000).t).toBe(0);
    expect(at(timeline, 7000).t).toBe(0);
    expect(at(timeline, 10_000).t).toBeCloseTo(0.5, 5);
    expect(at(timeline, 13_000).t).toBe(1);
    expect(at(timeline, 16_000 + 2000).t).toBeCloseTo(0.5, 5);
    // Breathing only: the belly rises on the breath in.
    const breath = buildTimeline([blockOf("hip-rolls-breath", { seconds: 60 })]);
    expect(at(breath, 4000).t).toBe(1);
    expect(at(breath, 12_000).t).toBe(0);
  });

  it("eases a hold into position and stays there; a rest brings the leg back down", () => {
    const timeline = buildTimeline([blockOf("strap-knee-soft", { holds: 2, holdSeconds: 20 })]);
    expect(at(timeline, 0).t).toBe(0);
    expect(at(timeline, SETTLE_MS / 2).t).toBeCloseTo(0.5, 5);
    expect(at(timeline, SETTLE_MS).t).toBe(1);
    expect(at(timeline, 19_000).t).toBe(1);
    // The rest after the first hold.
    expect(at(timeline, 20_000).t).toBe(1);
    expect(at(timeline, 23_000).t).toBe(0);
  });

  it("mirrors for the side being worked, left first", () => {
    const timeline = buildTimeline([blockOf("floss-small", { seconds: 60 })]);
    expect(at(timeline, 1000).side).toBe("left");
    expect(at(timeline, 61_000).side).toBe("right");
    expect(at(buildTimeline([blockOf("bridge", { sets: 1, reps: 6 })]), 0).side).toBeUndefined();
  });

  it("moves active work without a tempo at its own easy pace: the floss over 6 s", () => {
    const timeline = buildTimeline([blockOf("floss-small", { seconds: 60 })]);
    expect(at(timeline, 0).t).toBeCloseTo(0, 9);
    expect(at(timeline, 3000).t).toBeCloseTo(1, 9);
    expect(at(timeline, 6000).t).toBeCloseTo(0, 9);
    expect(at(timeline, 1500).t).toBeCloseTo(0.5, 9);
  });

  it("waits in the start position while getting ready and on a side switch", () => {
    const timeline = buildTimeline([
      blockOf("hip-rolls-breath", { seconds: 60 }),
      blockOf("floss-full", { seconds: 60 }),
    ]);
    const getReady = timeline.steps[1];
    expect(getReady?.kind).toBe("transition");
    expect(at(timeline, (getReady?.startMs ?? 0) + 5000)).toEqual({
      t: 0,
      swap: false,
      side: "left",
    });
    const change = timeline.steps.find((s) => s.kind === "switch");
    expect(at(timeline, (change?.startMs ?? 0) + 1000)).toEqual({
      t: 0,
      swap: false,
      side: "right",
    });
  });
});
