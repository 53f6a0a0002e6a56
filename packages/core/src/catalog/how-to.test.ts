import { describe, expect, it } from "vitest";
import { HOW_TO, HOW_TO_PICTURES, howToSteps, PROP_WORDS, variantWords } from "../words.ts";
import { PROPS, VARIANTS, variantById } from "./index.ts";

describe("how to do each variant", () => {
  it("covers every variant of the catalog and nothing else", () => {
    expect(Object.keys(HOW_TO).sort()).toEqual(VARIANTS.map((v) => v.id).sort());
  });

  it.each(VARIANTS.map((v) => [v.id, v]))(
    "%s has three or four illustrated steps, its setup first",
    (_, variant) => {
      const steps = howToSteps(variant);
      const { setup, cues } = variantWords(variant.id);
      expect(steps.length).toBeGreaterThanOrEqual(3);
      expect(steps.length).toBeLessThanOrEqual(4);
      expect(HOW_TO[variant.id]?.setup).toHaveLength(setup.length);
      expect(steps.slice(0, setup.length).map((s) => s.text)).toEqual(setup);
      for (const step of steps) {
        expect(HOW_TO_PICTURES).toContain(step.shows);
        expect(step.text).toMatch(/^[A-Z].{10,200}\.$/);
        expect(step.text).not.toMatch(/!/);
        // A step says what to do; the cues are the reminders while doing it, not a copy.
        expect(cues).not.toContain(step.text);
      }
      // Every step's words are its own, and the movement is shown.
      expect(new Set(steps.map((s) => s.text)).size).toBe(steps.length);
      expect(steps.some((s) => s.shows === "end" || s.shows === "move")).toBe(true);
    },
  );

  it("names every prop in plain words", () => {
    for (const prop of PROPS) expect(PROP_WORDS[prop]).toMatch(/^an? /);
  });
});
