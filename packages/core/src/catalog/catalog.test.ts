import { describe, expect, it } from "vitest";
import { RULES } from "../rules.ts";
import { isSourceId } from "../sources.ts";
import { EXERCISES, VARIANTS, variantById, variantSchema, variantWordsSchema } from "./index.ts";
import { VARIANT_WORDS, variantWords } from "./words.ts";

describe("the catalog", () => {
  it.each(VARIANTS.map((v) => [v.id, v]))("%s is complete and valid", (_, variant) => {
    expect(variantSchema.parse(variant)).toEqual(variant);
    expect(variant.sources.length).toBeGreaterThan(0);
    for (const source of variant.sources) expect(isSourceId(source)).toBe(true);
    expect(variantWordsSchema.parse(variantWords(variant.id))).toEqual(variantWords(variant.id));
  });

  it("keeps words for exactly the catalog's variants", () => {
    expect(Object.keys(VARIANT_WORDS).sort()).toEqual(VARIANTS.map((v) => v.id).sort());
  });

  it("gives every variant a unique id that belongs to exactly one exercise", () => {
    const ids = VARIANTS.map((v) => v.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const variant of VARIANTS) {
      const owners = EXERCISES.filter((e) => [...e.ladder, ...e.alternatives].includes(variant.id));
      expect(owners.map((e) => e.id)).toEqual([variant.exercise]);
    }
  });

  it("orders every ladder gentlest first", () => {
    for (const exercise of EXERCISES) {
      const intensities = exercise.ladder.map((id) => variantById(id).intensity);
      expect(intensities).toEqual([...intensities].sort((a, b) => a - b));
    }
  });

  it("holds the essay's routine, desk moves, warm-up alternatives and the walk", () => {
    expect(EXERCISES.map((e) => e.id)).toEqual([
      "hip-rolls",
      "floss",
      "strap-stretch",
      "hip-hinge",
      "bridge",
      "dead-bug",
      "desk",
      "warmup",
      "walk",
    ]);
    expect(variantById("floss-nerve-slider").role).toBe("nerve-glide");
    expect(variantById("hip-rolls-breath").breathPattern).toEqual([4, 4, 4, 4]);
  });

  it("keeps every dose range within domain.md's ceilings (R-DOSE-HOLD: 3 × 45 s)", () => {
    for (const variant of VARIANTS) {
      expect(variant.dose.holds?.[1] ?? 0).toBeLessThanOrEqual(3);
      expect(variant.dose.holdSeconds?.[1] ?? 0).toBeLessThanOrEqual(45);
    }
    expect(RULES["R-DOSE-HOLD"].sources).toContain("BANDY94");
  });
});

describe("progressions (R-PROGRESS as data)", () => {
  const progressive = EXERCISES.filter((e) => e.steps);

  it.each(progressive.map((e) => [e.id, e]))(
    "%s climbs one allowed step at a time",
    (_, exercise) => {
      const steps = exercise.steps ?? [];
      expect(steps[0]?.variant).toBe(exercise.ladder[0]);
      for (const [index, step] of steps.entries()) {
        const variant = variantById(step.variant);
        for (const [field, amount] of Object.entries(step.dose)) {
          const range = variant.dose[field as keyof typeof variant.dose];
          expect(range, `${step.variant} ${field}`).toBeDefined();
          expect(amount).toBeGreaterThanOrEqual(range?.[0] ?? 0);
          expect(amount).toBeLessThanOrEqual(range?.[1] ?? 0);
        }
        const previous = steps[index - 1];
        if (!previous) continue;
        if (previous.variant !== step.variant) {
          // The next variant of the ladder, at the low end of its dose.
          expect(exercise.ladder.indexOf(step.variant)).toBe(
            exercise.ladder.indexOf(previous.variant) + 1,
          );
          for (const [field, amount] of Object.entries(step.dose)) {
            expect(amount).toBe(variant.dose[field as keyof typeof variant.dose]?.[0]);
          }
          continue;
        }
        const changes = Object.entries(step.dose).filter(
          ([field, amount]) => previous.dose[field as keyof typeof previous.dose] !== amount,
        );
        expect(changes).toHaveLength(1);
        const [field, amount] = changes[0] as [string, number];
        const before = previous.dose[field as keyof typeof previous.dose] ?? 0;
        const allowed: Record<string, [number, number]> = {
          holdSeconds: [5, 10],
          seconds: [5, 10],
          holds: [1, 1],
          reps: [2, 2],
          sets: [1, 1],
        };
        const [low, high] = allowed[field] ?? [0, 0];
        expect(amount - before).toBeGreaterThanOrEqual(low);
        expect(amount - before).toBeLessThanOrEqual(high);
      }
    },
  );
});
