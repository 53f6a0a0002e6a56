import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { variantById } from "../catalog/index.ts";
import { addDays } from "../days.ts";
import { compareEvents } from "../events/in-force.ts";
import { project, readLog } from "../events/read-model.ts";
import type { CheckIn, LimberEvent, SessionRecord } from "../events/schema.ts";
import { lessonForRule } from "../learn/lessons.ts";
import { RULES } from "../rules.ts";
import { SOURCE_USES } from "../source-citations.ts";
import { isSourceId, SOURCE_LABELS } from "../sources.ts";
import { idFor, sessionAsPlanned } from "../testing.ts";
import { STRETCH_CEILING_PER_LEG } from "./adjust.ts";
import { checkInArb, logArb, RUNS, today } from "./arbitraries.testing.ts";
import { deskSnack } from "./desk-snack.ts";
import { stretchSecondsPerLeg, withinCeilings } from "./dose.ts";
import { planSession, SESSION_CEILING_SECONDS } from "./plan.ts";

describe("the planner's invariants over random histories", () => {
  it("keeps every dose within the ceilings of domain.md", () => {
    fc.assert(
      fc.property(logArb, checkInArb, (events, checkIn) => {
        const plan = planSession(project(events), checkIn, today);
        expect(plan.totalSeconds).toBeLessThanOrEqual(SESSION_CEILING_SECONDS);
        for (const block of plan.blocks) {
          const variant = variantById(block.variant);
          expect(withinCeilings(variant, block.dose)).toBe(true);
          expect(block.dose.holdSeconds ?? 0).toBeLessThanOrEqual(45);
          expect(block.dose.holds ?? 0).toBeLessThanOrEqual(3);
          expect(stretchSecondsPerLeg(variant, block.dose)).toBeLessThanOrEqual(
            STRETCH_CEILING_PER_LEG,
          );
          if ((block.dose.holdSeconds ?? 0) > 30) expect(checkIn.back).toBe("calm");
        }
      }),
      RUNS,
    );
  });

  it("holds no straight knee and nothing over 20 s on a grumpy day or with leg symptoms (R-GRUMPY, R-NERVE)", () => {
    const tender = checkInArb.filter((c) => c.back === "grumpy" || (c.leg ?? "none") !== "none");
    fc.assert(
      fc.property(logArb, tender, (events, checkIn) => {
        const plan = planSession(project(events), checkIn, today);
        for (const block of plan.blocks.filter((b) => b.mode === "hold")) {
          expect(block.knee).not.toBe("straight");
          expect(block.dose.holdSeconds ?? 0).toBeLessThanOrEqual(20);
        }
      }),
      RUNS,
    );
  });

  it("gives the same plan for the same events in any order, delivered any number of times", () => {
    fc.assert(
      fc.property(logArb, checkInArb, fc.integer(), (events, checkIn, seed) => {
        const shuffled =
          fc.sample(
            fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
            { numRuns: 1, seed },
          )[0] ?? [];
        const twice = [...shuffled, ...events.slice(0, 3)];
        expect(planSession(project(twice), checkIn, today)).toEqual(
          planSession(project(events), checkIn, today),
        );
      }),
      RUNS,
    );
  });
});

describe("progression over simulated months", () => {
  const dayArb = fc.record({
    practised: fc.constantFrom(true, true, true, false),
    checkIn: fc.record(
      { back: fc.constantFrom("calm", "calm", "okay", "grumpy") },
      { requiredKeys: ["back"] },
    ),
    after: fc.record({
      feel: fc.constantFrom("comfortable", "comfortable", "comfortable", "a-bit-much", "too-much"),
      breathChat: fc.constantFrom(true, true, true, false),
      nerve: fc.constantFrom("none", "none", "none", "brief"),
    }),
  });

  it("steps each exercise up at most once in any 7 days (R-PROGRESS)", () => {
    fc.assert(
      fc.property(fc.array(dayArb, { minLength: 20, maxLength: 45 }), (days) => {
        const events: LimberEvent[] = [];
        const peak = new Map<string, { step: number; day: number }>();
        days.forEach((d, i) => {
          const day = addDays("2026-09-01", i);
          events.push({
            id: idFor(2 * i + 1),
            type: "checkin",
            day,
            at: `${day}T07:00:00Z`,
            v: 1,
            data: d.checkIn as CheckIn,
          });
          const plan = planSession(project(events), d.checkIn as CheckIn, day);
          for (const block of plan.blocks) {
            if (!block.step || plan.kind !== "standard") continue;
            const before = peak.get(block.exercise);
            if (before && block.step.index > before.step) {
              expect(
                i - before.day,
                `${block.exercise} stepped up twice within a week`,
              ).toBeGreaterThanOrEqual(7);
              expect(d.checkIn.back).not.toBe("grumpy");
            }
            if (!before || block.step.index > before.step)
              peak.set(block.exercise, { step: block.step.index, day: before ? i : -7 });
          }
          if (d.practised && plan.blocks.length > 0) {
            events.push({
              id: idFor(2 * i + 2),
              type: "session",
              day,
              at: `${day}T07:20:00Z`,
              v: 1,
              data: sessionAsPlanned(plan, d.after as Partial<SessionRecord>),
            });
          }
        });
      }),
      RUNS,
    );
  });
});

describe("every reason a plan shows can be explained", () => {
  it("names only rules that have a lesson and cite only sources with a page", () => {
    const shown = new Set<string>();
    fc.assert(
      fc.property(logArb, checkInArb, (events, checkIn) => {
        const plan = planSession(project(events), checkIn, today);
        const snack = deskSnack(plan);
        const reasons = [plan, ...(snack ? [snack] : [])].flatMap((p) => [
          ...p.reasons,
          ...p.blocks.flatMap((b) => b.reasons),
          ...p.suggestions.map((s) => ({ rule: s.rule, sources: s.sources })),
        ]);
        for (const { rule, sources } of reasons) {
          shown.add(rule);
          const lesson = lessonForRule(rule);
          expect(lesson, `${rule} has no lesson`).toBeDefined();
          expect(lesson?.rules).toContain(rule);
          expect(RULES[rule], `${rule} is not a known rule`).toBeDefined();
          for (const source of sources) {
            expect(isSourceId(source), `${rule} cites unknown ${source}`).toBe(true);
            expect(SOURCE_LABELS[source]).toBeTruthy();
            expect(SOURCE_USES[source]).toBeTruthy();
          }
        }
      }),
      RUNS,
    );
    // The random days reach the rules that matter, so the check above is not vacuous.
    for (const rule of ["R-TRIAGE-A", "R-TRIAGE-B", "R-GRUMPY", "R-RECOVERY", "R-DESK", "R-TIME"]) {
      expect(shown).toContain(rule);
    }
  });
});

describe("reading the log in one pass", () => {
  it("folds each prefix of the log exactly as project does", () => {
    fc.assert(
      fc.property(logArb, (events) => {
        const ordered = [...events].sort(compareEvents);
        let position = 0;
        readLog(events, {}, (event, state) => {
          expect(event.id).toBe(ordered[position]?.id);
          position++;
          expect(state).toEqual(project(ordered.slice(0, position)));
        });
        expect(position).toBe(ordered.length);
      }),
      { numRuns: 200 },
    );
  });
});
