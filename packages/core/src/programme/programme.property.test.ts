import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { variantById } from "../catalog/index.ts";
import { addDays } from "../days.ts";
import { project, readLog } from "../events/read-model.ts";
import type { CheckIn, LimberEvent, Programme, SessionRecord } from "../events/schema.ts";
import { STRETCH_CEILING_PER_LEG } from "../planner/adjust.ts";
import { checkInArb, logArb, RUNS, today } from "../planner/arbitraries.testing.ts";
import { stretchSecondsPerLeg, withinCeilings } from "../planner/dose.ts";
import { progressionOf } from "../planner/levels.ts";
import { planSession, SESSION_CEILING_SECONDS } from "../planner/plan.ts";
import { idFor, sessionAsPlanned } from "../testing.ts";
import { expectedFor } from "../triage/expected.testing.ts";
import { emptyProgrammeArb, programmeArb } from "./arbitraries.testing.ts";
import { DOSE_FIELDS, prescribedLadder } from "./ladder.ts";
import { allowedIds } from "./words.ts";

/** The programme event, chosen `ago` days before today, and its withdrawal when asked for. */
function withProgramme(
  events: readonly LimberEvent[],
  programme: Programme,
  ago: number,
  withdrawn: boolean,
): LimberEvent[] {
  const day = addDays(today, -ago);
  const id = idFor(3000);
  const added: LimberEvent[] = [
    ...events,
    { id, type: "programme", v: 1, day, at: `${day}T05:00:00Z`, data: programme },
  ];
  if (withdrawn) {
    added.push({
      id: idFor(3001),
      type: "retract",
      v: 1,
      day: today,
      at: `${today}T04:00:00Z`,
      data: { target: id },
    });
  }
  return added;
}

const GENTLER = /programme allows .*; today is gentler because/;
const programmed = fc.record({
  programme: programmeArb(addDays(today, -30)),
  ago: fc.integer({ min: 0, max: 30 }),
  withdrawn: fc.oneof(
    { weight: 5, arbitrary: fc.constant(false) },
    { weight: 1, arbitrary: fc.constant(true) },
  ),
});

describe("a prescribed programme within the safety rules (docs/clinicians.md)", () => {
  it("keeps every block inside the prescription ∩ the ceilings, and every safety invariant", () => {
    const seen = { prescribed: 0, gentler: 0, leftOut: 0, paused: 0 };
    fc.assert(
      fc.property(logArb, checkInArb, programmed, (log, checkIn, { programme, ago, withdrawn }) => {
        const events = withProgramme(log, programme, ago, withdrawn);
        const plan = planSession(project(events), checkIn, today);
        const expected = expectedFor(events, checkIn, today);

        // Triage first, whatever the programme says (R-TRIAGE-A, R-TRIAGE-B, R-TRIAGE-NO-BYPASS).
        if (expected.tier === "emergency") {
          expect(plan).toMatchObject({ tier: "emergency", kind: "none", blocks: [] });
          seen.paused++;
          return;
        }
        if (expected.tier === "see-clinician") {
          expect(plan.kind).toBe("walk-only");
          expect(plan.blocks.map((b) => b.variant)).toEqual(
            expected.rest ? ["hip-rolls-breath"] : ["hip-rolls-breath", "walk-easy"],
          );
          seen.paused++;
          return;
        }
        expect(["standard", "light", "micro"]).toContain(plan.kind);
        const minutes = checkIn.context?.minutes ?? 10;
        expect(plan.totalSeconds).toBeLessThanOrEqual(
          Math.min(SESSION_CEILING_SECONDS, minutes * 60),
        );
        const tender = checkIn.back === "grumpy" || (checkIn.leg ?? "none") !== "none";
        const lightLoad = plan.kind === "light" || (checkIn.leg ?? "none") !== "none";
        if ((checkIn.pain ?? 0) >= 7) expect(["light", "micro"]).toContain(plan.kind);
        if (plan.overrides?.some((o) => o.leftOut)) seen.leftOut++;

        for (const block of plan.blocks) {
          const variant = variantById(block.variant);
          // The catalog's ceilings (domain.md §2–3).
          expect(withinCeilings(variant, block.dose)).toBe(true);
          expect(stretchSecondsPerLeg(variant, block.dose)).toBeLessThanOrEqual(
            STRETCH_CEILING_PER_LEG,
          );
          if ((block.dose.holdSeconds ?? 0) > 30) expect(checkIn.back).toBe("calm");
          // R-GRUMPY, R-NERVE: no straight knee and nothing over 20 s held on a tender day.
          if (tender && block.mode === "hold") {
            expect(block.knee).not.toBe("straight");
            expect(block.dose.holdSeconds ?? 0).toBeLessThanOrEqual(20);
          }
          // R-LIGHT-LOAD: no added weight and no single leg on a light day or with leg symptoms.
          if (lightLoad && (block.role === "hinge" || block.role === "strength")) {
            expect(variant.props).not.toContain("light-weight");
            expect(variant.side).toBe("both");
          }
          if (withdrawn) continue;
          // The prescription: only its variants, none of a left-out exercise, doses in range.
          expect(programme.excluded as readonly string[]).not.toContain(block.exercise);
          const prescription = programme.exercises.find((p) => p.exercise === block.exercise);
          if (!prescription) continue;
          seen.prescribed++;
          expect(allowedIds(prescription)).toContain(block.variant);
          const gentler = block.reasons.some((r) => GENTLER.test(r.text));
          if (gentler) seen.gentler++;
          for (const field of DOSE_FIELDS) {
            const range = prescription.dose?.[field];
            const amount = block.dose[field];
            if (!range || amount === undefined || !variant.dose[field]) continue;
            expect(amount).toBeLessThanOrEqual(range[1]);
            if (amount < range[0]) expect(gentler, `${block.variant} ${field}`).toBe(true);
          }
        }
      }),
      RUNS,
    );
    for (const [what, count] of Object.entries(seen)) expect(count, what).toBeGreaterThan(0);
  });

  it("plans exactly as with no programme when the programme asks nothing, or none is followed", () => {
    fc.assert(
      fc.property(
        logArb,
        checkInArb,
        emptyProgrammeArb(addDays(today, -30)),
        fc.integer({ min: 0, max: 30 }),
        (log, checkIn, empty, ago) => {
          const events = withProgramme(log, empty, ago, false);
          expect(planSession(project(events), checkIn, today)).toEqual(
            planSession(project(log), checkIn, today),
          );
          const from = addDays(today, -30);
          expect(readLog(events, { from }).days).toEqual(readLog(log, { from }).days);
        },
      ),
      RUNS,
    );
  });

  it("plans exactly as with no programme once the programme is withdrawn", () => {
    fc.assert(
      fc.property(logArb, checkInArb, programmed, (log, checkIn, { programme, ago }) => {
        const events = withProgramme(log, programme, ago, true);
        expect(planSession(project(events), checkIn, today)).toEqual(
          planSession(project(log), checkIn, today),
        );
      }),
      RUNS,
    );
  });

  it("steps up no faster than the prescribed pace, over simulated weeks", () => {
    const dayArb = fc.record({
      practised: fc.constantFrom(true, true, true, false),
      back: fc.constantFrom("calm", "calm", "okay", "grumpy" as const),
      after: fc.record({
        feel: fc.constantFrom("comfortable", "comfortable", "comfortable", "a-bit-much"),
        breathChat: fc.constantFrom(true, true, true, false),
        nerve: fc.constantFrom("none", "none", "none", "brief"),
      }),
    });
    let ups = 0;
    fc.assert(
      fc.property(
        programmeArb("2026-09-01"),
        fc.array(dayArb, { minLength: 20, maxLength: 40 }),
        (programme, days) => {
          const first = "2026-09-01";
          const events: LimberEvent[] = [
            {
              id: idFor(1),
              type: "programme",
              v: 1,
              day: first,
              at: `${first}T05:00:00Z`,
              data: programme,
            },
          ];
          const gap = { limber: 7, slow: 14, none: Number.POSITIVE_INFINITY }[
            programme.progression
          ];
          const peak = new Map<string, { step: number; day: number }>();
          days.forEach((d, i) => {
            const day = addDays(first, i);
            const checkIn: CheckIn = { back: d.back };
            events.push({
              id: idFor(10 + 2 * i),
              type: "checkin",
              v: 1,
              day,
              at: `${day}T07:00:00Z`,
              data: checkIn,
            });
            const plan = planSession(project(events), checkIn, day);
            for (const block of plan.blocks) {
              const key = progressionOf(block.variant)?.key;
              if (!block.step || !key || plan.kind !== "standard") continue;
              const before = peak.get(key);
              if (before && block.step.index > before.step) {
                ups++;
                expect(i - before.day, `${key} stepped up too soon`).toBeGreaterThanOrEqual(gap);
              }
              // A prescribed start counts as a step up on the day the programme was chosen.
              const started = programme.exercises.some(
                (p) =>
                  p.startStep !== undefined &&
                  prescribedLadder(p.exercise, p.variants)?.key === key,
              );
              if (!before || block.step.index > before.step) {
                peak.set(key, { step: block.step.index, day: before ? i : started ? 0 : -gap });
              }
            }
            if (d.practised && plan.blocks.length > 0) {
              events.push({
                id: idFor(11 + 2 * i),
                type: "session",
                v: 1,
                day,
                at: `${day}T07:20:00Z`,
                data: sessionAsPlanned(plan, d.after as Partial<SessionRecord>),
              });
            }
          });
        },
      ),
      { numRuns: 300 },
    );
    expect(ups).toBeGreaterThan(0);
  });
});
