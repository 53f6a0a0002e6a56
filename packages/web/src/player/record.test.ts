import { type SessionBlock, sessionData } from "@limber/core";
import { describe, expect, it } from "vitest";
import { nerveEase, soften } from "./adjust.ts";
import { sessionBlocks } from "./record.ts";
import { blockOf, plansOfPractice } from "./testing.ts";
import { buildTimeline, type PlayerBlock, positionAt } from "./timeline.ts";

const none = new Set<number>();

/** What the person did when they stopped `elapsedMs` in. */
function recordAt(blocks: PlayerBlock[], elapsedMs: number, skipped = none): SessionBlock[] {
  const timeline = buildTimeline(blocks);
  const recorded = sessionBlocks(blocks, timeline, positionAt(timeline, elapsedMs), skipped);
  // Whatever it records is a valid session event.
  sessionData.parse({ blocks: recorded, feel: "comfortable", breathChat: true, nerve: "none" });
  return recorded;
}

const breath = blockOf("hip-rolls-breath", { seconds: 60 }, 0);
const floss = blockOf("floss-full", { seconds: 60 }, 2);
const strap = blockOf("strap-knee-soft", { holds: 3, holdSeconds: 30 }, 5);
const hinge = blockOf("hinge-dowel", { sets: 1, reps: 8 }, 2);
const bridge = blockOf("bridge", { sets: 2, reps: 10 }, 3);
const session = [breath, floss, strap, hinge, bridge];
const end = buildTimeline(session).totalMs;

describe("sessionBlocks", () => {
  it("records a session done as planned, with each block's step", () => {
    expect(recordAt(session, end)).toEqual([
      { exercise: "hip-rolls", variant: "hip-rolls-breath", seconds: 60, step: 0 },
      { exercise: "floss", variant: "floss-full", seconds: 60, step: 2 },
      { exercise: "strap-stretch", variant: "strap-knee-soft", holds: 3, holdSeconds: 30, step: 5 },
      { exercise: "hip-hinge", variant: "hinge-dowel", sets: 1, reps: 8, step: 2 },
      { exercise: "bridge", variant: "bridge", sets: 2, reps: 10, step: 3 },
    ]);
  });

  it("records real plans done to the end as planned", () => {
    for (const plan of plansOfPractice("2025-03-01", 30, { back: "calm" })) {
      const recorded = recordAt(plan.blocks, Number.POSITIVE_INFINITY);
      expect(recorded.map((b) => b.variant)).toEqual(plan.blocks.map((b) => b.variant));
      expect(recorded.some((b) => b.skipped)).toBe(false);
    }
  });

  it("records the blocks as they were changed live, and says so", () => {
    const changed = nerveEase(soften(session, 2), 1);
    expect(recordAt(changed, Number.POSITIVE_INFINITY).slice(1, 3)).toEqual([
      { exercise: "floss", variant: "floss-nerve-slider", seconds: 30, nerveSwitch: true },
      {
        exercise: "strap-stretch",
        variant: "strap-knee-bent",
        holds: 3,
        holdSeconds: 30,
        step: 5,
        softened: true,
      },
    ]);
  });

  it("records a skipped block as skipped, with no amounts", () => {
    const [, second] = recordAt(session, end, new Set([1]));
    expect(second).toEqual({ exercise: "floss", variant: "floss-full", step: 2, skipped: true });
  });

  it("counts the blocks never reached as skipped when the person finishes early", () => {
    // 60 s breathing, 10 s to get ready, 60 s left leg: 100 s in is the floss's left leg.
    const recorded = recordAt(session, 100_000);
    expect(recorded.map((b) => b.skipped ?? false)).toEqual([false, false, true, true, true]);
  });

  it("counts a block whose getting-ready pause had begun, but no work, as skipped", () => {
    expect(recordAt(session, 65_000).map((b) => b.skipped ?? false)).toEqual([
      false,
      true,
      true,
      true,
      true,
    ]);
  });

  describe("a block the person stopped in", () => {
    const strapAt = (elapsedMs: number) => recordAt([strap], elapsedMs)[0];
    it.each([
      ["12 s into the first hold", 12_000, { holds: 1, holdSeconds: 12 }],
      ["resting after the first hold", 35_000, { holds: 1, holdSeconds: 30 }],
      ["in the second hold", 50_000, { holds: 1, holdSeconds: 30 }],
      ["changing legs after three holds", 112_000, { holds: 3, holdSeconds: 30 }],
      ["in the right leg's second hold", 160_000, { holds: 1, holdSeconds: 30 }],
    ])("records the holds done %s", (_, elapsedMs, done) => {
      expect(strapAt(elapsedMs)).toMatchObject({ ...done, step: 5 });
      expect(strapAt(elapsedMs)?.skipped).toBeUndefined();
    });

    it("counts a hold barely begun as not done", () => {
      expect(strapAt(500)).toMatchObject({ skipped: true });
    });

    it("records the reps and seconds done", () => {
      expect(recordAt([hinge], 20_000)[0]).toMatchObject({ sets: 1, reps: 3 });
      expect(recordAt([bridge], 60_000)[0]).toMatchObject({ sets: 1, reps: 10 });
      expect(recordAt([floss], 80_000)[0]).toMatchObject({ seconds: 15 });
      expect(recordAt([breath], 45_500)[0]).toMatchObject({ seconds: 45 });
    });
  });
});
