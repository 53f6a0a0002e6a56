import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../days.ts";
import { project, readLog } from "../events/read-model.ts";
import type { CheckIn, EventOf, LimberEvent } from "../events/schema.ts";
import { idFor } from "../testing.ts";
import type { WarningSign } from "../triage/signs.ts";
import { CAUTION, EMERGENCY, FEVER_OR_INFECTION, SEE_CLINICIAN } from "../triage/tiers.fixture.ts";
import { checkInArb, logArb, RUNS, today } from "./arbitraries.testing.ts";
import { planSession } from "./plan.ts";

// The safety rules as a model of their own, from domain.md's literal sign lists, never from the
// code under test: R-TRIAGE-A, R-TRIAGE-B, R-TRIAGE-FOLLOW-UP, R-TRIAGE-REST, R-TRIAGE-NO-BYPASS.

/** A check-in's signs, its leg answer counted as the sign it stands for. */
function signsOf(checkIn: CheckIn): WarningSign[] {
  const signs = [...(checkIn.signs ?? [])];
  if (checkIn.leg === "both-legs") signs.push("both-legs");
  if (checkIn.leg === "one-leg-worsening") signs.push("progressive-nerve");
  return signs;
}

const inLogOrder = (a: LimberEvent, b: LimberEvent) =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

interface Expected {
  tier: "emergency" | "see-clinician" | "open";
  rest: boolean;
}

/** What domain.md says a check-in on `day` must get, given the log before it. */
function expectedFor(events: readonly LimberEvent[], checkIn: CheckIn, day: string): Expected {
  const withdrawn = new Set(events.flatMap((e) => (e.type === "retract" ? [e.data.target] : [])));
  const checkIns = events.filter((e): e is EventOf<"checkin"> => e.type === "checkin");
  const clearances = events.filter(
    (e): e is EventOf<"clearance"> => e.type === "clearance" && !withdrawn.has(e.id),
  );
  const emergencyOn = (d: string) =>
    checkIns
      .filter((c) => c.day === d)
      .flatMap((c) => signsOf(c.data).filter((s) => EMERGENCY.includes(s)));
  const today = signsOf(checkIn);
  if (today.some((s) => EMERGENCY.includes(s)) || emergencyOn(day).length > 0) {
    return { tier: "emergency", rest: false };
  }
  // Emergencies of earlier days, withdrawn or not, until a clearance dated after them.
  const followUps = [...new Set(checkIns.map((c) => c.day))]
    .filter((d) => d < day)
    .flatMap((d) =>
      emergencyOn(d).filter(
        (sign) =>
          !clearances.some(
            (c) => c.day > d && c.day <= day && (!c.data.signs || c.data.signs.includes(sign)),
          ),
      ),
    );
  // See-clinician and caution signs in force, until a clearance after them answers them.
  const open = new Set<WarningSign>();
  const live = events.filter((e) => !withdrawn.has(e.id) && e.day <= day).sort(inLogOrder);
  for (const event of live) {
    if (event.type === "checkin") {
      for (const sign of signsOf(event.data)) if (!EMERGENCY.includes(sign)) open.add(sign);
    } else if (event.type === "clearance") {
      if (event.data.signs) for (const sign of event.data.signs) open.delete(sign);
      else open.clear();
    }
  }
  const clinician = [...today, ...open].filter((s) => SEE_CLINICIAN.includes(s));
  if (clinician.length === 0 && followUps.length === 0) return { tier: "open", rest: false };
  const causes = [...clinician, ...followUps];
  return { tier: "see-clinician", rest: causes.some((s) => FEVER_OR_INFECTION.includes(s)) };
}

describe("R-TRIAGE-NO-BYPASS over random histories", () => {
  it("plans no session on an emergency day or while a clinician's clearance is owed", () => {
    const seen = { emergency: 0, "see-clinician": 0, open: 0, rest: 0 };
    fc.assert(
      fc.property(logArb, checkInArb, (events, checkIn) => {
        const plan = planSession(project(events), checkIn, today);
        const expected = expectedFor(events, checkIn, today);
        seen[expected.tier]++;
        if (expected.rest) seen.rest++;
        if (expected.tier === "emergency") {
          expect(plan).toMatchObject({ tier: "emergency", kind: "none", blocks: [] });
        } else if (expected.tier === "see-clinician") {
          expect(plan.tier).toBe("see-clinician");
          expect(plan.kind).toBe("walk-only");
          expect(plan.blocks.map((b) => b.variant)).toEqual(
            expected.rest ? ["hip-rolls-breath"] : ["hip-rolls-breath", "walk-easy"],
          );
          expect(plan.suggestions).toEqual([]);
        } else {
          expect(["caution", "clear"]).toContain(plan.tier);
          expect(["standard", "light", "micro"]).toContain(plan.kind);
        }
      }),
      RUNS,
    );
    // Every branch is reached, so the property is not vacuous.
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(0);
  });

  it("keeps every day after an emergency sign closed until a clearance dated after it (R-TRIAGE-FOLLOW-UP)", () => {
    const emergencyCheckIn = fc.record({
      back: fc.constantFrom("calm", "okay", "grumpy" as const),
      signs: fc.uniqueArray(fc.constantFrom(...EMERGENCY.filter((s) => s !== "both-legs")), {
        minLength: 1,
        maxLength: 2,
      }),
    });
    fc.assert(
      fc.property(
        logArb,
        emergencyCheckIn,
        fc.integer({ min: 1, max: 40 }),
        fc.option(fc.integer({ min: 0, max: 40 })),
        fc.boolean(),
        (earlier, emergency, later, clearedAfter, withdraw) => {
          const day = addDays(today, 1);
          const events: LimberEvent[] = [...earlier];
          const id = idFor(5000);
          events.push({ id, type: "checkin", v: 1, day, at: `${day}T08:00:00Z`, data: emergency });
          if (withdraw) {
            const at = `${day}T08:05:00Z`;
            events.push({ id: idFor(5001), type: "retract", v: 1, day, at, data: { target: id } });
          }
          const target = addDays(day, later);
          if (clearedAfter !== null && clearedAfter !== undefined) {
            const on = addDays(day, clearedAfter);
            events.push({
              id: idFor(5002),
              type: "clearance",
              v: 1,
              day: on,
              at: `${on}T06:00:00Z`,
              data: {},
            });
          }
          const calm: CheckIn = { back: "calm" };
          events.push({
            id: idFor(5003),
            type: "checkin",
            v: 1,
            day: target,
            at: `${target}T07:00:00Z`,
            data: calm,
          });
          const plan = readLog(events, { from: target, to: target }).days.get(target)?.plan;
          const cleared =
            clearedAfter !== null &&
            clearedAfter !== undefined &&
            clearedAfter >= 1 &&
            clearedAfter <= later;
          if (!cleared) {
            expect(plan?.tier).toBe("see-clinician");
            expect(plan?.blocks.every((b) => b.role === "warmup" || b.role === "walk")).toBe(true);
          }
        },
      ),
      RUNS,
    );
  });

  it("lets the caution sign alone leave practice open", () => {
    for (const sign of CAUTION) {
      const plan = planSession(project([]), { back: "okay", signs: [sign] }, today);
      expect(plan.tier).toBe("caution");
      expect(plan.blocks.length).toBeGreaterThan(0);
    }
  });
});
