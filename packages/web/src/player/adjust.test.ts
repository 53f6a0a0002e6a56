import {
  blockSeconds,
  totalSeconds,
  VARIANTS,
  type VariantId,
  variantById,
  withinCeilings,
} from "@limber/core";
import { describe, expect, it } from "vitest";
import { nerveEase, replanFrom, soften } from "./adjust.ts";
import { blockOf } from "./testing.ts";
import { buildTimeline, type PlayerBlock, positionAt } from "./timeline.ts";

type Amounts = Parameters<typeof blockOf>[1];
const only = (variant: VariantId, amounts: Amounts) => [blockOf(variant, amounts)];
const workOf = (block: PlayerBlock | undefined) => {
  const { perSide: _, ...amounts } = block?.dose ?? { perSide: false };
  return { variant: block?.variant, ...amounts };
};

describe("soften (R-BREATH)", () => {
  it.each<[string, VariantId, Amounts, ReturnType<typeof workOf>]>([
    [
      "bends a straight knee, within the bent variant's ceiling",
      "strap-knee-straight",
      { holds: 3, holdSeconds: 45 },
      { variant: "strap-knee-bent", holds: 3, holdSeconds: 30 },
    ],
    [
      "bends a soft knee",
      "strap-knee-soft",
      { holds: 2, holdSeconds: 20 },
      { variant: "strap-knee-bent", holds: 2, holdSeconds: 20 },
    ],
    [
      "shortens a bent-knee hold by 10 s",
      "strap-knee-bent",
      { holds: 3, holdSeconds: 30 },
      { variant: "strap-knee-bent", holds: 3, holdSeconds: 20 },
    ],
    [
      "shortens a hold to 10 s at the least",
      "strap-knee-bent",
      { holds: 2, holdSeconds: 15 },
      { variant: "strap-knee-bent", holds: 2, holdSeconds: 10 },
    ],
    [
      "shortens a hold with no bent-knee variant",
      "desk-stool-fold",
      { holds: 1, holdSeconds: 20 },
      { variant: "desk-stool-fold", holds: 1, holdSeconds: 10 },
    ],
    [
      "takes 2 reps off",
      "hinge-tall-kneel",
      { sets: 1, reps: 10 },
      { variant: "hinge-tall-kneel", sets: 1, reps: 8 },
    ],
    [
      "leaves at least 4 reps",
      "bridge",
      { sets: 1, reps: 5 },
      { variant: "bridge", sets: 1, reps: 4 },
    ],
    [
      "takes 15 s off timed work",
      "floss-full",
      { seconds: 90 },
      { variant: "floss-full", seconds: 75 },
    ],
    [
      "takes 15 s off breathing",
      "hip-rolls-breath",
      { seconds: 60 },
      { variant: "hip-rolls-breath", seconds: 45 },
    ],
    [
      "leaves at least 30 s",
      "warmup-knee-bends",
      { seconds: 40 },
      { variant: "warmup-knee-bends", seconds: 30 },
    ],
  ])("%s", (_, variant, amounts, softened) => {
    const [block] = soften(only(variant, amounts), 0);
    expect(workOf(block)).toEqual(softened);
    expect(block?.softened).toBe(true);
    expect(block?.reasons.at(-1)?.rule).toBe("R-BREATH");
  });

  it("marks a block already at its floor as softened, with its dose unchanged", () => {
    const [block] = soften(only("strap-knee-bent", { holds: 2, holdSeconds: 10 }), 0);
    expect(workOf(block)).toEqual({ variant: "strap-knee-bent", holds: 2, holdSeconds: 10 });
    expect(block).toMatchObject({ softened: true, reasons: [] });
  });

  it("leaves the blocks it was given, and every other block, as they were", () => {
    const blocks = [
      blockOf("hip-rolls-breath", { seconds: 60 }),
      blockOf("strap-knee-soft", { holds: 2, holdSeconds: 20 }, 5),
    ];
    const frozen = structuredClone(blocks);
    const softened = soften(blocks, 1);
    expect(blocks).toEqual(frozen);
    expect(softened[0]).toBe(blocks[0]);
    expect(softened[1]).toMatchObject({ knee: "bent", name: "Strap stretch, knee bent" });
    expect(softened[1]?.step).toEqual(blocks[1]?.step);
  });

  it("has no block to soften past the end", () => {
    expect(() => soften([], 0)).toThrow(RangeError);
  });
});

describe("nerveEase (R-NERVE)", () => {
  it.each<[string, VariantId, Amounts, ReturnType<typeof workOf>]>([
    [
      "swaps small-range floss for the nerve slider, starting it gently",
      "floss-small",
      { seconds: 60 },
      { variant: "floss-nerve-slider", seconds: 30 },
    ],
    [
      "swaps full-range floss for the nerve slider, starting it gently",
      "floss-full",
      { seconds: 90 },
      { variant: "floss-nerve-slider", seconds: 30 },
    ],
    [
      "bends a straight knee and holds 20 s at most",
      "strap-knee-straight",
      { holds: 3, holdSeconds: 45 },
      { variant: "strap-knee-bent", holds: 3, holdSeconds: 20 },
    ],
    [
      "keeps a bent knee and holds 20 s at most",
      "strap-knee-bent",
      { holds: 3, holdSeconds: 30 },
      { variant: "strap-knee-bent", holds: 3, holdSeconds: 20 },
    ],
    [
      "softens a bent-knee hold already at 20 s or less",
      "strap-knee-bent",
      { holds: 2, holdSeconds: 15 },
      { variant: "strap-knee-bent", holds: 2, holdSeconds: 10 },
    ],
    [
      "takes a standing hinge to its knee-bent variant",
      "hinge-dowel",
      { sets: 1, reps: 10 },
      { variant: "hinge-tall-kneel", sets: 1, reps: 10 },
    ],
    [
      "takes the arm-and-leg dead bug to heel taps",
      "dead-bug-alternating",
      { sets: 2, reps: 10 },
      { variant: "dead-bug-heel-taps", sets: 2, reps: 10 },
    ],
    [
      "softens the nerve slider itself",
      "floss-nerve-slider",
      { seconds: 45 },
      { variant: "floss-nerve-slider", seconds: 30 },
    ],
    [
      "softens a variant with no gentler knee",
      "bridge-single-leg",
      { sets: 1, reps: 8 },
      { variant: "bridge-single-leg", sets: 1, reps: 6 },
    ],
  ])("%s", (_, variant, amounts, eased) => {
    const [block] = nerveEase(only(variant, amounts), 0);
    expect(workOf(block)).toEqual(eased);
    expect(block?.nerveSwitch).toBe(true);
    expect(block?.softened).toBeUndefined();
    expect(block?.reasons.at(-1)?.rule).toBe("R-NERVE");
  });
});

describe("every live change keeps within the catalog", () => {
  const highEnd = (id: VariantId): Amounts => {
    const { dose } = variantById(id);
    return {
      sets: dose.sets?.[1],
      reps: dose.reps?.[1],
      holds: dose.holds?.[1],
      holdSeconds: dose.holdSeconds?.[1],
      seconds: dose.seconds?.[1],
    };
  };
  for (const variant of VARIANTS) {
    it(`${variant.id}, softened and eased, again and again`, () => {
      let softened = only(variant.id, highEnd(variant.id));
      let eased = softened;
      for (let i = 0; i < 6; i++) {
        softened = soften(softened, 0);
        eased = nerveEase(eased, 0);
        for (const block of [...softened, ...eased]) {
          const now = variantById(block.variant);
          expect(withinCeilings(now, block.dose)).toBe(true);
          expect(now.exercise).toBe(variant.exercise);
          expect(block.dose.perSide).toBe(now.side === "each");
          expect(block.seconds).toBe(blockSeconds(now, block.dose));
          expect(buildTimeline([block]).totalMs).toBe(block.seconds * 1000);
        }
      }
    });
  }
});

describe("replanFrom", () => {
  const breath = blockOf("hip-rolls-breath", { seconds: 60 });
  const strap = blockOf("strap-knee-bent", { holds: 2, holdSeconds: 30 });
  const hinge = blockOf("hinge-tall-kneel", { sets: 1, reps: 8 });
  const blocks = [breath, strap, hinge];
  const timeline = buildTimeline(blocks);
  // Breathing 0–60 s, getting ready 60–70, left 70–100, rest, 110–140, switch 140–145,
  // right 145–175, rest, 185–215, getting ready 215–225, hinge 225–273.

  it("restarts the hold in progress, softer, on the same leg", () => {
    const softened = soften(blocks, 1);
    const { timeline: next, elapsedMs } = replanFrom(timeline, softened, 160_000);
    // Left 70–90, rest, 100–120, switch 120–125: the right leg's first hold starts at 125 s.
    expect(elapsedMs).toBe(125_000);
    expect(next.totalMs).toBe(totalSeconds(softened) * 1000);
    expect(next.steps[positionAt(next, elapsedMs).stepIndex]).toMatchObject({
      kind: "work",
      side: "right",
      hold: 1,
      durationMs: 20_000,
    });
  });

  it("keeps the time of every earlier block", () => {
    const { elapsedMs } = replanFrom(timeline, nerveEase(blocks, 2), 250_000);
    expect(elapsedMs).toBe(225_000);
    expect(replanFrom(timeline, soften(blocks, 1), 80_000).elapsedMs).toBe(70_000);
  });

  it("stays put in a rest or on the way into the changed block", () => {
    expect(replanFrom(timeline, soften(blocks, 1), 104_000).elapsedMs).toBe(94_000);
    expect(replanFrom(timeline, soften(blocks, 1), 65_000).elapsedMs).toBe(65_000);
  });

  it("stays put when a later block changes", () => {
    expect(replanFrom(timeline, soften(blocks, 2), 150_000).elapsedMs).toBe(150_000);
  });

  it("stays at the end of a finished session", () => {
    const softened = soften(blocks, 2);
    const { timeline: next, elapsedMs } = replanFrom(timeline, softened, timeline.totalMs);
    expect(elapsedMs).toBe(next.totalMs);
  });
});
