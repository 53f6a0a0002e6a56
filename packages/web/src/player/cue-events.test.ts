import { variantWords } from "@limber/core/words";
import { describe, expect, it } from "vitest";
import { countdownAt, cueEventsBetween } from "./cue-events.ts";
import { blockOf, plansOfPractice } from "./testing.ts";
import { buildTimeline } from "./timeline.ts";

const breath = blockOf("hip-rolls-breath", { seconds: 60 });
const strap = blockOf("strap-knee-bent", { holds: 2, holdSeconds: 20 });
const timeline = buildTimeline([breath, strap]);
// Breathing 0–60 s, getting ready 60–70, left 70–90, rest, 100–120, switch 120–125,
// right 125–145, rest, 155–175.
const breathing = variantWords("hip-rolls-breath").cues;
const stretch = variantWords("strap-knee-bent").cues;
const kinds = (from: number, to: number) =>
  cueEventsBetween(timeline, from, to).map((e) => `${e.kind}@${e.atMs / 1000}`);

describe("cueEventsBetween", () => {
  it("opens a work step with a chime and its name and first cue spoken", () => {
    expect(cueEventsBetween(timeline, 0, 1000)).toEqual([
      { kind: "step", atMs: 0, stepIndex: 0 },
      {
        kind: "speech",
        atMs: 0,
        stepIndex: 0,
        text: `Box breathing, knees bent. ${breathing[0]}`,
      },
    ]);
  });

  it("rises for each breath in and falls for each breath out, after the first", () => {
    const tones = cueEventsBetween(timeline, 1, 60_000).flatMap((e) =>
      e.kind === "breath" ? [`${e.phase}@${e.atMs / 1000}`] : [],
    );
    expect(tones).toEqual(["out@8", "in@16", "out@24", "in@32", "out@40", "in@48", "out@56"]);
    const [first] = cueEventsBetween(timeline, 8000, 8001);
    expect(first).toMatchObject({ kind: "breath", phase: "out", durationMs: 4000 });
  });

  it("chimes into the getting-ready pause and says what comes", () => {
    expect(kinds(60_000, 70_000)).toEqual(["step@60", "speech@60"]);
    expect(cueEventsBetween(timeline, 60_000, 60_001).at(-1)).toMatchObject({
      text: "Get ready: Strap stretch, knee bent, left side.",
    });
  });

  it("counts the last five seconds of each hold aloud", () => {
    const counts = cueEventsBetween(timeline, 70_001, 90_000).flatMap((e) =>
      e.kind === "speech" ? [`${e.text}@${e.atMs / 1000}`] : [],
    );
    expect(counts).toEqual(["5@85", "4@86", "3@87", "2@88", "1@89"]);
  });

  it("shows the count on holds and pauses, never on repetitions", () => {
    const [hold] = timeline.steps.filter((s) => s.kind === "work" && s.side === "left");
    if (!hold) throw new Error("no hold");
    expect([6000, 5000, 4200, 800].map((ms) => countdownAt(hold, ms))).toEqual([
      undefined,
      5,
      5,
      1,
    ]);
    const reps = buildTimeline([blockOf("bridge", { sets: 1, reps: 8 })]).steps[0];
    if (!reps) throw new Error("no set");
    expect(countdownAt(reps, 3000)).toBeUndefined();
  });

  it("names the leg at the start of each leg, and only the hold after that", () => {
    const spoken = cueEventsBetween(timeline, 60_000, timeline.totalMs).flatMap((e) =>
      e.kind === "speech" ? [e.text] : [],
    );
    expect(spoken.filter((text) => !/^(\d|Get ready)/.test(text))).toEqual([
      `Strap stretch, knee bent, left side. ${stretch[0]}`,
      `Hold 2 of 2. ${stretch[1]}`,
      `Strap stretch, knee bent, right side. ${stretch[0]}`,
      `Hold 2 of 2. ${stretch[1]}`,
    ]);
  });

  it("marks a side switch with its own tone, and the session's end", () => {
    expect(kinds(120_000, 125_000)).toEqual(["side-switch@120", "speech@120"]);
    expect(kinds(175_000 - 1, 176_000)).toEqual(["finish@175"]);
  });

  it("is empty for a day without a session", () => {
    expect(cueEventsBetween(buildTimeline([]), 0, 10_000)).toEqual([]);
  });

  it("gives every cue once however the session is cut into windows", () => {
    for (const plan of plansOfPractice("2025-03-01", 20, { back: "okay" })) {
      const planned = buildTimeline(plan.blocks);
      const whole = cueEventsBetween(planned, 0, planned.totalMs + 1);
      for (const windowMs of [250, 1000, 3000, 7777]) {
        const pieces = [];
        for (let from = 0; from <= planned.totalMs; from += windowMs) {
          pieces.push(...cueEventsBetween(planned, from, from + windowMs));
        }
        expect(pieces).toEqual(whole);
      }
      const steps = planned.steps.length;
      expect(whole.filter((e) => e.kind === "step" || e.kind === "side-switch")).toHaveLength(
        steps,
      );
    }
  });
});
