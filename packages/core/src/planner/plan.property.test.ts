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
import { findingsOf } from "../triage/findings.ts";
import { WARNING_SIGN_IDS, type WarningSign } from "../triage/signs.ts";
import { pendingClinicianSigns } from "../triage/triage.ts";
import { deskSnack } from "./desk-snack.ts";
import { stretchSecondsPerLeg, withinCeilings } from "./dose.ts";
import { planSession, SESSION_CEILING_SECONDS, STRETCH_CEILING_PER_LEG } from "./plan.ts";

const RUNS = { numRuns: 1000 };
const today = "2026-11-25";
const dayOffset = fc.integer({ min: -30, max: 0 });

const checkInArb: fc.Arbitrary<CheckIn> = fc.record(
  {
    back: fc.constantFrom("calm", "okay", "grumpy"),
    pain: fc.integer({ min: 0, max: 10 }),
    leg: fc.constantFrom("none", "none", "none", "one-leg", "one-leg-worsening", "both-legs"),
    signs: fc.oneof(
      { weight: 4, arbitrary: fc.constant<WarningSign[]>([]) },
      {
        weight: 1,
        arbitrary: fc.uniqueArray(fc.constantFrom(...WARNING_SIGN_IDS), { maxLength: 3 }),
      },
    ),
    context: fc.record(
      {
        sleep: fc.constantFrom("poor", "ok", "good"),
        stress: fc.constantFrom("low", "medium", "high"),
        deskDay: fc.boolean(),
        hardDayYesterday: fc.boolean(),
        minutes: fc.integer({ min: 1, max: 60 }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ["back"] },
);

const VARIANTS = [
  "hip-rolls-tilt",
  "floss-full",
  "strap-knee-straight",
  "strap-knee-soft",
  "hinge-weight",
  "bridge-single-leg",
  "dead-bug-alternating",
];
const sessionArb: fc.Arbitrary<SessionRecord> = fc.record({
  kind: fc.constantFrom("standard", "light", "micro"),
  blocks: fc.array(
    fc
      .record({
        variant: fc.constantFrom(...VARIANTS),
        holds: fc.integer({ min: 0, max: 10 }),
        holdSeconds: fc.integer({ min: 0, max: 120 }),
        reps: fc.integer({ min: 0, max: 50 }),
        sets: fc.integer({ min: 0, max: 10 }),
        seconds: fc.integer({ min: 0, max: 600 }),
        softened: fc.boolean(),
        skipped: fc.boolean(),
      })
      .map((b) => ({ ...b, exercise: variantById(b.variant).exercise })),
    { maxLength: 6 },
  ),
  feel: fc.constantFrom("comfortable", "comfortable", "a-bit-much", "too-much"),
  breathChat: fc.boolean(),
  nerve: fc.constantFrom("none", "none", "brief", "persistent"),
  painBefore: fc.integer({ min: 0, max: 10 }),
  painAfter: fc.integer({ min: 0, max: 10 }),
});

type Raw = { type: LimberEvent["type"]; offset: number; minute: number; data: unknown };
const rawEventArb: fc.Arbitrary<Raw> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant("checkin" as const),
      offset: dayOffset,
      minute: fc.nat(1439),
      data: checkInArb,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant("session" as const),
      offset: dayOffset,
      minute: fc.nat(1439),
      data: sessionArb,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant("clearance" as const),
      offset: dayOffset,
      minute: fc.nat(1439),
      data: fc.constant({}),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant("settings" as const),
      offset: dayOffset,
      minute: fc.nat(1439),
      data: fc.record({ region: fc.constantFrom("US", "GB", "IE", "BR", "JP") }),
    }),
  },
);

/** A random history of the last 30 days, with some events withdrawn by `retract`. */
const logArb = fc
  .tuple(fc.array(rawEventArb, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 4 }))
  .map(([raws, retractions]) => {
    const events = raws.map((raw, i): LimberEvent => {
      const day = addDays(today, raw.offset);
      const time = `${String(Math.floor(raw.minute / 60)).padStart(2, "0")}:${String(raw.minute % 60).padStart(2, "0")}`;
      return {
        id: idFor(i + 1),
        type: raw.type,
        day,
        at: `${day}T${time}:00Z`,
        v: 1,
        data: raw.data,
      } as LimberEvent;
    });
    retractions.forEach((pick, j) => {
      const target = events[pick % Math.max(1, raws.length)];
      if (target)
        events.push({
          id: idFor(1000 + j),
          type: "retract",
          day: today,
          at: `${today}T23:59:00Z`,
          v: 1,
          data: { target: target.id },
        });
    });
    return events;
  });

describe("the planner's invariants over random histories", () => {
  it("never plans a session on an emergency or unanswered see-clinician day (R-TRIAGE-NO-BYPASS)", () => {
    fc.assert(
      fc.property(logArb, checkInArb, (events, checkIn) => {
        const state = project(events);
        const plan = planSession(state, checkIn, today);
        const findings = findingsOf(checkIn);
        if (findings.emergency.length > 0 || state.emergencyDays.has(today)) {
          expect(plan).toMatchObject({ tier: "emergency", kind: "none", blocks: [] });
        } else if (
          findings.seeClinician.length > 0 ||
          pendingClinicianSigns(state, today).length > 0
        ) {
          expect(plan.kind).toBe("walk-only");
          expect(plan.blocks.map((b) => b.role)).toEqual(["warmup", "walk"]);
          expect(plan.blocks[0]?.variant).toBe("hip-rolls-breath");
        } else {
          expect(["standard", "light", "micro"]).toContain(plan.kind);
        }
      }),
      RUNS,
    );
  });

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
