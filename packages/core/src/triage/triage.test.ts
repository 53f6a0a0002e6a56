import { describe, expect, it } from "vitest";
import { project } from "../events/read-model.ts";
import type { CheckIn } from "../events/schema.ts";
import { planSession } from "../planner/plan.ts";
import { Log } from "../testing.ts";
import { emergencyNumberFor } from "./emergency-number.ts";
import { EMERGENCY_SIGNS, isEmergencySign, WARNING_SIGN_IDS, type WarningSign } from "./signs.ts";
import { triageCheckIn } from "./triage.ts";

const today = "2026-11-25";
const empty = project([]);
const LEGS = ["none", "one-leg", "one-leg-worsening", "both-legs"] as const;

/** Every subset of the warning signs, as a list of lists. */
function allSubsets(signs: readonly WarningSign[]): WarningSign[][] {
  return Array.from({ length: 2 ** signs.length }, (_, mask) =>
    signs.filter((_, bit) => mask & (1 << bit)),
  );
}

describe("triage over every combination of warning signs and leg answers", () => {
  const subsets = allSubsets(WARNING_SIGN_IDS);

  it(`sorts all ${subsets.length * LEGS.length} answers into the tier domain.md gives`, () => {
    let checked = 0;
    for (const signs of subsets) {
      for (const leg of LEGS) {
        const checkIn: CheckIn = { back: "calm", leg, signs };
        const emergency = signs.some(isEmergencySign) || leg === "both-legs";
        const clinician = signs.some((s) => !isEmergencySign(s)) || leg === "one-leg-worsening";
        const expected = emergency
          ? "emergency"
          : clinician
            ? "see-clinician"
            : leg === "one-leg"
              ? "caution"
              : "clear";
        const triage = triageCheckIn(empty, checkIn, today);
        if (triage.tier !== expected)
          expect({ signs, leg, tier: triage.tier }).toEqual({ signs, leg, tier: expected });
        checked++;
      }
    }
    expect(checked).toBe(2 ** 15 * 4);
  });

  it.each(WARNING_SIGN_IDS)(
    "%s alone never yields a session of the stretching programme (R-TRIAGE-NO-BYPASS)",
    (sign) => {
      for (const back of ["calm", "okay", "grumpy"] as const) {
        for (const minutes of [2, 5, 10, 30]) {
          const plan = planSession(empty, { back, signs: [sign], context: { minutes } }, today);
          if (isEmergencySign(sign)) {
            expect(plan).toMatchObject({
              tier: "emergency",
              kind: "none",
              blocks: [],
              totalSeconds: 0,
            });
          } else {
            expect(plan.kind).toBe("walk-only");
            expect(plan.blocks.map((b) => b.variant)).toEqual(["hip-rolls-breath", "walk-easy"]);
          }
        }
      }
    },
  );
});

describe("R-TRIAGE-A: emergency", () => {
  it("names the sign and the region's number, and says to seek care now", () => {
    const state = project(new Log().events);
    const triage = triageCheckIn(
      { ...state, settings: { ...state.settings, region: "US" } },
      { back: "okay", signs: ["saddle-numbness"] },
      today,
    );
    expect(triage.tier).toBe("emergency");
    expect(triage.emergencyNumber).toEqual({ number: "911", generic: false });
    expect(triage.reasons[0]?.rule).toBe("R-TRIAGE-A");
    expect(triage.reasons[0]?.text).toMatch(/groin.*seek emergency care now/);
    expect(triage.reasons[1]).toMatchObject({
      rule: "R-EMERGENCY-NUMBER",
      text: expect.stringMatching(/^Call 911/),
    });
  });

  it("stands for the rest of the day even when the check-in is edited (R-TRIAGE-NO-BYPASS)", () => {
    const log = new Log();
    const wrong = log.checkIn(today, { back: "okay", signs: ["bladder-change"] });
    log.add("retract", today, { target: wrong }, "07:05");
    log.checkIn(today, { back: "calm" }, "07:06");
    const plan = log.plan(today);
    expect(plan).toMatchObject({ tier: "emergency", kind: "none", blocks: [] });
    expect(plan.reasons.map((r) => r.rule)).toContain("R-TRIAGE-NO-BYPASS");
    log.checkIn("2026-11-26", { back: "calm" });
    expect(log.plan("2026-11-26")).toMatchObject({ tier: "clear", kind: "standard" });
  });
});

describe("R-TRIAGE-B: see a clinician", () => {
  it("pauses the programme on later days until a clearance is recorded", () => {
    const log = new Log();
    log.checkIn("2026-11-20", { back: "okay", signs: ["night-pain"] });
    expect(log.plan("2026-11-20").kind).toBe("walk-only");
    log.checkIn("2026-11-21", { back: "calm" });
    expect(log.plan("2026-11-21")).toMatchObject({ tier: "see-clinician", kind: "walk-only" });
    log.add("clearance", "2026-11-22", { by: "physical-therapist" }, "09:00");
    log.checkIn("2026-11-22", { back: "calm" }, "10:00");
    expect(log.plan("2026-11-22")).toMatchObject({ tier: "clear", kind: "standard" });
  });

  it("is not cleared by a clearance recorded before the sign", () => {
    const log = new Log();
    log.add("clearance", "2026-11-20", {});
    log.checkIn("2026-11-21", { back: "calm", signs: ["weight-loss"] });
    log.checkIn("2026-11-22", { back: "calm" });
    expect(log.plan("2026-11-22").tier).toBe("see-clinician");
  });

  it("lets a mistaken answer be withdrawn", () => {
    const log = new Log();
    const mistaken = log.checkIn(today, { back: "calm", signs: ["cancer-history"] });
    log.add("retract", today, { target: mistaken }, "07:01");
    log.checkIn(today, { back: "calm" }, "07:02");
    expect(log.plan(today).tier).toBe("clear");
  });

  it("treats worsening one-leg symptoms as progressive nerve symptoms", () => {
    const triage = triageCheckIn(empty, { back: "okay", leg: "one-leg-worsening" }, today);
    expect(triage).toMatchObject({ tier: "see-clinician", signs: ["progressive-nerve"] });
    expect(triage.reasons[0]?.text).toMatch(/family doctor, a physiatrist or a physical therapist/);
  });
});

describe("R-EMERGENCY-NUMBER", () => {
  it.each([
    ["US", "911"],
    ["CA", "911"],
    ["GB", "999"],
    ["UK", "999"],
    ["FR", "112"],
    ["DE", "112"],
    ["AU", "000"],
    ["NZ", "111"],
    ["JP", "119"],
    ["IN", "112"],
    ["CN", "120"],
  ])("%s dials %s", (region, number) => {
    expect(emergencyNumberFor(region)).toEqual({ number, generic: false });
  });

  it("gives Ireland both of its numbers", () => {
    expect(emergencyNumberFor("IE")).toEqual({ number: "112", alternative: "999", generic: false });
  });

  it.each([["BR"], [undefined]])("falls back to 112 and the local number for %s", (region) => {
    expect(emergencyNumberFor(region)).toEqual({ number: "112", generic: true });
    const state = project([]);
    const plan = planSession(
      { ...state, settings: { ...state.settings, ...(region ? { region } : {}) } },
      { back: "calm", signs: ["major-trauma"] },
      today,
    );
    expect(plan.emergencyNumber).toEqual({ number: "112", generic: true });
    expect(plan.reasons.find((r) => r.rule === "R-EMERGENCY-NUMBER")?.text).toMatch(
      /your local emergency number/,
    );
  });

  it("lists every emergency sign in plain words", () => {
    for (const text of Object.values(EMERGENCY_SIGNS)) expect(text).not.toMatch(/cauda|CES|!/);
  });
});
