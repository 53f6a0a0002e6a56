/**
 * Random programmes for the property tests: every exercise prescribed, left out or left to
 * Limber; random allowed variants, ranges that meet each allowed variant's, starting steps,
 * paces and days, each one passing the programme schema. Imported by tests only.
 */
import fc from "fast-check";
import { type Prescription, type Programme, programmeData } from "../events/schema.ts";
import { variantsOf } from "../planner/block.ts";
import { DOSE_FIELDS, PRESCRIBABLE, type PrescribableId, prescribedLadder } from "./ladder.ts";

type Terms =
  | { kind: "open" }
  | { kind: "excluded" }
  | { kind: "prescribed"; prescription: Prescription };

function prescriptionArb(exercise: PrescribableId): fc.Arbitrary<Prescription> {
  const all = variantsOf(exercise);
  return fc
    .option(
      fc.subarray(
        all.map((v) => v.id),
        { minLength: 1 },
      ),
      { nil: undefined },
    )
    .chain((variants) => {
      const allowed = all.filter((v) => !variants || variants.includes(v.id));
      const fields = DOSE_FIELDS.filter((field) => allowed.some((v) => v.dose[field]));
      const rangeOf = (field: (typeof DOSE_FIELDS)[number]) => {
        const ranges = allowed.flatMap((v) => (v.dose[field] ? [v.dose[field]] : []));
        const lowTop = Math.min(...ranges.map((r) => r[1]));
        const highBottom = Math.max(...ranges.map((r) => r[0]));
        const ceiling = Math.max(...ranges.map((r) => r[1]));
        return fc
          .tuple(fc.integer({ min: 1, max: lowTop }), fc.integer({ min: highBottom, max: ceiling }))
          .filter(([low, high]) => low <= high);
      };
      const doseArb = fc.record(
        Object.fromEntries(fields.map((field) => [field, rangeOf(field)])),
        { requiredKeys: [] },
      );
      const steps = prescribedLadder(exercise, variants)?.steps.length ?? 1;
      return fc.record(
        {
          exercise: fc.constant(exercise),
          variants: fc.constant(variants),
          dose: doseArb,
          startStep: fc.integer({ min: 0, max: steps - 1 }),
        },
        { requiredKeys: ["exercise"] },
      );
    })
    .map((p) => {
      const { variants, ...rest } = p;
      return (variants ? { ...rest, variants } : rest) as Prescription;
    });
}

const termsArb = (exercise: PrescribableId): fc.Arbitrary<Terms> =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constant<Terms>({ kind: "open" }) },
    { weight: 1, arbitrary: fc.constant<Terms>({ kind: "excluded" }) },
    {
      weight: 4,
      arbitrary: prescriptionArb(exercise).map(
        (prescription): Terms => ({ kind: "prescribed", prescription }),
      ),
    },
  );

/** A random valid programme, first prescribed on `on`. */
export const programmeArb = (on: string): fc.Arbitrary<Programme> =>
  fc
    .record({
      terms: fc.tuple(...PRESCRIBABLE.map(termsArb)),
      progression: fc.constantFrom("limber", "slow", "none" as const),
      daysPerWeek: fc.integer({ min: 1, max: 7 }),
      revision: fc.integer({ min: 1, max: 5 }),
    })
    .map(({ terms, progression, daysPerWeek, revision }) => {
      const programme: Programme = {
        programmeId: "prog-0001-test",
        revision,
        prescriber: { name: "Sam Lee", role: "Physiotherapist", practice: "Riverside Clinic" },
        prescribedOn: on,
        exercises: terms.flatMap((t) => (t.kind === "prescribed" ? [t.prescription] : [])),
        excluded: PRESCRIBABLE.filter((_, i) => terms[i]?.kind === "excluded"),
        progression,
        daysPerWeek,
      };
      return programme;
    })
    // Shrinking a chained value can pair a range with variants it was not made for.
    .filter((programme) => programmeData.safeParse(programme).success);

/** A programme that asks nothing of the plan: no exercise named, Limber's own pace. */
export const emptyProgrammeArb = (on: string): fc.Arbitrary<Programme> =>
  fc.record({
    programmeId: fc.constant("prog-empty-0001"),
    revision: fc.integer({ min: 1, max: 3 }),
    prescriber: fc.constant({ name: "Sam Lee" }),
    prescribedOn: fc.constant(on),
    exercises: fc.constant([]),
    excluded: fc.constant([]),
    progression: fc.constant("limber" as const),
    daysPerWeek: fc.integer({ min: 1, max: 7 }),
  });
