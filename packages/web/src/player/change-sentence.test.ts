import { describe, expect, it } from "vitest";
import { nerveEase, soften } from "./adjust.ts";
import { changeSentence } from "./change-sentence.ts";
import { blockOf } from "./testing.ts";

const changed = (adjust: typeof soften, block: ReturnType<typeof blockOf>) => {
  const [after] = adjust([block], 0);
  if (!after) throw new Error("no block after the change");
  return changeSentence(block, after);
};

describe("what Soften and Nerve-y? say they changed", () => {
  it("names the bent knee and the new dose when a straight-knee stretch softens (R-BREATH)", () => {
    const sentence = changed(soften, blockOf("strap-knee-straight", { holds: 2, holdSeconds: 30 }));
    expect(sentence).toMatch(/^Softened now: the knee bends/);
    expect(sentence).toMatch(/Now: Strap stretch, knee bent, 2 × 30 s each side\.$/);
  });

  it("names the shorter hold when the knee is already bent", () => {
    const sentence = changed(soften, blockOf("strap-knee-bent", { holds: 2, holdSeconds: 30 }));
    expect(sentence).toMatch(/^Softened now: a shorter time/);
    expect(sentence).toMatch(/2 × \d+ s each side\.$/);
    expect(sentence).not.toContain("2 × 30 s");
  });

  it("names the nerve slider when a floss turns nerve-y (R-NERVE)", () => {
    const sentence = changed(nerveEase, blockOf("floss-full", { seconds: 60 }));
    expect(sentence).toMatch(/^Switched now to the nerve slider/);
    expect(sentence).toContain("Now: Nerve slider");
  });

  it("says so when nothing could be softer", () => {
    let block = blockOf("strap-knee-bent", { holds: 2, holdSeconds: 15 });
    for (let i = 0; i < 10; i++) block = soften([block], 0)[0] ?? block;
    expect(changed(soften, block)).toBe(
      "This is already as gentle as this exercise goes. Ease off by feel, or skip it.",
    );
  });
});
