import { describe, expect, it } from "vitest";
import { completionText, practisedMs } from "./completion.ts";
import { blockOf } from "./testing.ts";
import { blockStartMs, buildTimeline, positionAt } from "./timeline.ts";

// 20 + 10 + 20 on the left, 5 to change, 20 + 10 + 20 on the right: 105 s.
const strap = blockOf("strap-knee-bent", { holds: 2, holdSeconds: 20 });
const hinge = blockOf("hinge-tall-kneel", { sets: 1, reps: 8 });
const timeline = buildTimeline([strap, hinge]);
const none = new Set<number>();

describe("the completion moment", () => {
  it("counts the whole session when it ran to its end, both sides", () => {
    const end = positionAt(timeline, timeline.totalMs);
    expect(practisedMs(timeline, end, none)).toBe(timeline.totalMs);
    expect(completionText(timeline, end, none)).toMatch(/^Done: \d+ min, both sides\.$/);
  });

  it("says nothing of sides when Finish came on the first leg", () => {
    const early = positionAt(timeline, 30_000);
    expect(practisedMs(timeline, early, none)).toBe(30_000);
    expect(completionText(timeline, early, none)).toBe("Done: 1 min.");
  });

  it("does not count a skipped exercise's time as practice", () => {
    const atHinge = positionAt(timeline, blockStartMs(timeline, 1) + 4_000);
    const skipped = new Set([0]);
    // Only the 4 s of getting ready for the hinge: the skipped stretch counts nothing.
    expect(practisedMs(timeline, atHinge, skipped)).toBe(4_000);
    expect(completionText(timeline, atHinge, skipped)).toBe("Done: 1 min.");
  });
});
