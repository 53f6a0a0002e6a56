import { describe, expect, it } from "vitest";
import { project } from "../events/read-model.ts";
import type { CheckIn } from "../events/schema.ts";
import { planSession } from "../planner/plan.ts";
import { Log } from "../testing.ts";
import { emergencyNumberFor } from "./emergency-number.ts";
import { WARNING_SIGN_IDS, WARNING_SIGNS, type WarningSign } from "./signs.ts";
import { ALL_SIGNS, CAUTION, EMERGENCY, SEE_CLINICIAN } from "./tiers.fixture.ts";
import { triageCheckIn } from "./triage.ts";

const today = "2026-11-25";
const empty = project([]);
const LEGS = ["none", "one-leg", "one-leg-worsening", "both-legs"] as const;

const ALL = ALL_SIGNS;

describe("the warning signs", () => {
  it("are exactly the signs of domain.md's triage table", () => {
    expect([...WARNING_SIGN_IDS].sort()).toEqual([...ALL].sort());
  });

  it("read as plain words, with a new foot drop among the emergency signs", () => {
    for (const sign of ALL) expect(WARNING_SIGNS[sign]).not.toMatch(/cauda|CES|aneurysm|!/);
    expect(WARNING_SIGNS["leg-weakness"]).toMatch(/foot that has started to drop/);
    expect(WARNING_SIGNS["progressive-nerve"]).not.toMatch(/foot/);
  });
});

describe("triage over every combination of warning signs and leg answers", () => {
  // Bit i of a mask is ALL[i]; the tier of a mask is decided from the literal lists above.
  const bitsOf = (list: readonly WarningSign[]) =>
    list.reduce((mask, sign) => mask | (1 << ALL.indexOf(sign)), 0);
  const emergencyBits = bitsOf(EMERGENCY);
  const clinicianBits = bitsOf(SEE_CLINICIAN);
  const cautionBits = bitsOf(CAUTION);
  const expected = (mask: number, leg: (typeof LEGS)[number]) => {
    if (mask & emergencyBits || leg === "both-legs") return "emergency";
    if (mask & clinicianBits || leg === "one-leg-worsening") return "see-clinician";
    if (mask & cautionBits || leg === "one-leg") return "caution";
    return "clear";
  };

  it.each(LEGS)(
    `sorts all ${2 ** ALL.length} sign combinations with leg "%s" into domain.md's tier`,
    (leg) => {
      let checked = 0;
      for (let mask = 0; mask < 2 ** ALL.length; mask++) {
        const signs = ALL.filter((_, bit) => mask & (1 << bit));
        const tier = triageCheckIn(empty, { back: "calm", leg, signs }, today).tier;
        if (tier !== expected(mask, leg)) {
          expect({ signs, leg, tier }).toEqual({ signs, leg, tier: expected(mask, leg) });
        }
        checked++;
      }
      expect(checked).toBe(2 ** 21);
    },
    // Two million triages for each leg answer: a minute or more on a busy machine.
    240_000,
  );

  it.each([...EMERGENCY, ...SEE_CLINICIAN])(
    "%s alone never yields a session of the stretching programme (R-TRIAGE-NO-BYPASS)",
    (sign) => {
      for (const back of ["calm", "okay", "grumpy"] as const) {
        for (const minutes of [2, 5, 10, 30]) {
          const plan = planSession(empty, { back, signs: [sign], context: { minutes } }, today);
          if (EMERGENCY.includes(sign)) {
            expect(plan).toMatchObject({ tier: "emergency", kind: "none", blocks: [] });
          } else {
            expect(plan.kind).toBe("walk-only");
            const paced = ["hip-rolls-breath"];
            const rest = sign === "infection-risk";
            expect(plan.blocks.map((b) => b.variant)).toEqual(
              rest ? paced : [...paced, "walk-easy"],
            );
          }
        }
      }
    },
  );

  it("inflammatory-pattern alone suggests a clinician check and leaves the plan as it is", () => {
    const plan = planSession(empty, { back: "okay", signs: ["inflammatory-pattern"] }, today);
    expect(plan).toMatchObject({ tier: "caution", kind: "standard" });
    expect(plan.reasons.find((r) => r.rule === "R-TRIAGE-C")?.text).toMatch(/clinician's look/);
  });
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
  });
});

describe("R-TRIAGE-FOLLOW-UP: an emergency does not lapse at midnight", () => {
  it("Eve reported bowel changes yesterday and has not been seen: today is a pause", () => {
    const eve = new Log();
    eve.checkIn("2026-11-24", { back: "okay", signs: ["bowel-control"] });
    eve.checkIn(today, { back: "calm" });
    const plan = eve.plan(today);
    expect(plan).toMatchObject({ tier: "see-clinician", kind: "walk-only" });
    const followUp = plan.reasons.find((r) => r.rule === "R-TRIAGE-FOLLOW-UP");
    expect(followUp?.text).toMatch(/^Yesterday you reported: new loss of bowel control\./);
    expect(followUp?.text).toMatch(/emergency department/);
  });

  it("still pauses a week later, and after the emergency answer was withdrawn", () => {
    const log = new Log();
    const answer = log.checkIn("2026-11-17", { back: "okay", signs: ["saddle-numbness"] });
    log.add("retract", "2026-11-17", { target: answer }, "07:05");
    log.checkIn(today, { back: "calm" });
    expect(log.plan(today).tier).toBe("see-clinician");
  });

  it("lifts once the person records that a clinician said they can move", () => {
    const log = new Log();
    log.checkIn("2026-11-24", { back: "okay", signs: ["bladder-change"] });
    log.add("clearance", today, { by: "family-doctor", signs: ["bladder-change"] }, "06:50");
    log.checkIn(today, { back: "calm" });
    expect(log.plan(today)).toMatchObject({ tier: "clear", kind: "standard" });
  });

  it("is not lifted by a clearance on the emergency's own day, nor by one for another sign", () => {
    const sameDay = new Log();
    sameDay.checkIn("2026-11-24", { back: "okay", signs: ["bladder-change"] }, "07:00");
    sameDay.add("clearance", "2026-11-24", {}, "15:00");
    sameDay.checkIn(today, { back: "calm" });
    expect(sameDay.plan(today).tier).toBe("see-clinician");
    const other = new Log();
    other.checkIn("2026-11-24", { back: "okay", signs: ["bladder-change", "major-trauma"] });
    other.add("clearance", today, { signs: ["major-trauma"] }, "06:50");
    other.checkIn(today, { back: "calm" });
    const triage = triageCheckIn(other.state(), { back: "calm" }, today);
    expect(triage.followUps).toEqual([{ day: "2026-11-24", signs: ["bladder-change"] }]);
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

  it("plans the day again when a clearance comes after its check-in, with no second check-in", () => {
    const log = new Log();
    log.checkIn(today, { back: "calm", leg: "one-leg-worsening", signs: ["weight-loss"] });
    expect(log.plan(today)).toMatchObject({ tier: "see-clinician", kind: "walk-only" });
    log.add("clearance", today, { signs: ["weight-loss", "progressive-nerve"] }, "09:00");
    // Steady one-leg symptoms remain: a careful day, no longer a paused one.
    expect(log.plan(today)).toMatchObject({ tier: "caution" });
    expect(log.model().days.get(today)?.checkIn.data.signs).toEqual(["weight-loss"]);
  });

  it("keeps the day paused for signs a same-day clearance does not name, and for emergencies", () => {
    const partly = new Log();
    partly.checkIn(today, { back: "calm", signs: ["weight-loss", "night-pain"] });
    partly.add("clearance", today, { signs: ["weight-loss"] }, "09:00");
    expect(partly.model().days.get(today)?.triage).toMatchObject({
      tier: "see-clinician",
      signs: ["night-pain"],
    });
    const urgent = new Log();
    urgent.checkIn(today, { back: "calm", signs: ["saddle-numbness", "weight-loss"] });
    urgent.add("clearance", today, {}, "09:00");
    expect(urgent.plan(today).tier).toBe("emergency");
  });

  it("plans as before when the clearance is withdrawn", () => {
    const log = new Log();
    log.checkIn(today, { back: "calm", signs: ["weight-loss"] });
    const cleared = log.add("clearance", today, {}, "09:00");
    log.add("retract", today, { target: cleared }, "09:05");
    expect(log.plan(today).tier).toBe("see-clinician");
  });

  it("is not cleared by a clearance recorded before the sign", () => {
    const log = new Log();
    log.add("clearance", "2026-11-20", {});
    log.checkIn("2026-11-21", { back: "calm", signs: ["weight-loss"] });
    log.checkIn("2026-11-22", { back: "calm" });
    expect(log.plan("2026-11-22").tier).toBe("see-clinician");
  });

  it("is cleared only for the signs a clearance names", () => {
    const log = new Log();
    log.checkIn("2026-11-20", { back: "calm", signs: ["weight-loss", "thoracic-pain"] });
    log.add("clearance", "2026-11-21", { signs: ["weight-loss"] }, "09:00");
    log.checkIn("2026-11-21", { back: "calm" }, "10:00");
    expect(triageCheckIn(log.state(), { back: "calm" }, "2026-11-21")).toMatchObject({
      tier: "see-clinician",
      signs: ["thoracic-pain"],
    });
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

  it("asks to be seen today when the pain came on suddenly on a blood thinner", () => {
    const triage = triageCheckIn(empty, { back: "okay", signs: ["anticoagulant-sudden"] }, today);
    expect(triage.reasons[0]?.text).toMatch(/physical therapist today before stretching/);
  });
});

describe("R-TRIAGE-REST: fever or infection", () => {
  it("plans rest and slow breathing, with no walk, while the signs stand", () => {
    const log = new Log();
    log.checkIn("2026-11-24", {
      back: "okay",
      signs: ["infection-risk"],
      context: { minutes: 20 },
    });
    log.checkIn(today, { back: "okay" });
    const plan = log.plan(today);
    expect(plan.blocks.map((b) => b.variant)).toEqual(["hip-rolls-breath"]);
    expect(plan.reasons.map((r) => r.rule)).toContain("R-TRIAGE-REST");
    expect(plan.suggestions).toEqual([]);
  });

  it("follows an emergency of fever with severe pain into the next days", () => {
    const log = new Log();
    log.checkIn("2026-11-24", { back: "grumpy", signs: ["fever-severe-pain"] });
    log.checkIn(today, { back: "okay" });
    expect(log.plan(today).blocks.map((b) => b.role)).toEqual(["warmup"]);
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
    const checkIn: CheckIn = { back: "calm", signs: ["major-trauma"] };
    const plan = planSession(
      { ...state, settings: { ...state.settings, ...(region ? { region } : {}) } },
      checkIn,
      today,
    );
    expect(plan.emergencyNumber).toEqual({ number: "112", generic: true });
    expect(plan.reasons.find((r) => r.rule === "R-EMERGENCY-NUMBER")?.text).toMatch(
      /your local emergency number/,
    );
  });
});
