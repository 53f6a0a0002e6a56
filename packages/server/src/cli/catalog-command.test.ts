import { EXERCISES, VARIANTS } from "@limber/core";
import { variantWords } from "@limber/core/words";
import { describe, expect, it } from "vitest";
import { limber } from "./cli-testing.ts";

describe("limber catalog", () => {
  it("prints every exercise and variant as JSON, each variant with its words", async () => {
    const run = await limber(["catalog", "--json"]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      exercises: JSON.parse(JSON.stringify(EXERCISES)),
      variants: JSON.parse(
        JSON.stringify(VARIANTS.map((variant) => ({ ...variant, ...variantWords(variant.id) }))),
      ),
    });
  });

  it("lists every variant, with its attributes and dose range, under its exercise", async () => {
    const { stdout } = await limber(["catalog"]);
    for (const variant of VARIANTS) expect(stdout).toContain(`(${variant.id})`);
    expect(stdout).toContain(
      "  - Strap stretch, knee straight (strap-knee-straight)\n" +
        "      stretch · hold · knee straight · each side · supine · intensity 3/5\n" +
        "      dose: 2–3 holds × 15–45 s each side · props: mat, strap\n",
    );
    expect(stdout).toContain("dose: 1–2 sets × 6–10 reps · props: mat");
    expect(stdout).toContain("Nerve slider with head nod (floss-nerve-slider) · beside the ladder");
  });
});
