import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { weekStartOf } from "./days.ts";
import { readLog } from "./events/read-model.ts";
import { creditWords, PRACTICE_DAY_MEANING } from "./history.ts";
import { deskSnack } from "./planner/desk-snack.ts";
import { practiceCalendar } from "./progress/calendar.ts";
import { Log, sessionAsPlanned } from "./testing.ts";
import { WARNING_SIGN_IDS } from "./triage/signs.ts";
import { GUIDELINE_STRENGTH_DAYS, GUIDELINE_WALK_MINUTES, weekSummary } from "./week.ts";

const MONDAY = "2026-11-23";
const deskDay = { back: "okay", pain: 3, context: { deskDay: true } } as const;

/** Records one desk snack on `day`, as the player records a snack done as planned. */
function snack(log: Log, day: string, time: string) {
  const plan = deskSnack(log.plan(day));
  if (!plan) throw new Error(`no desk snack on ${day}`);
  log.add("session", day, sessionAsPlanned(plan), time);
  return plan;
}

const summary = (log: Log, today = "2026-11-29") => weekSummary(readLog(log.events), MONDAY, today);

describe("weeks", () => {
  it("start on Monday", () => {
    expect(weekStartOf("2026-11-23")).toBe("2026-11-23");
    expect(weekStartOf("2026-11-25")).toBe("2026-11-23");
    expect(weekStartOf("2026-11-29")).toBe("2026-11-23");
    expect(weekStartOf("2026-11-30")).toBe("2026-11-30");
    expect(weekStartOf("2024-03-01")).toBe("2024-02-26");
  });
});

describe("desk snacks (R-DESK) and split doses (R-TIME)", () => {
  it("offers a snack of a minute or two on a desk day, from the day's plan", () => {
    const log = new Log();
    log.checkIn(MONDAY, deskDay);
    const plan = deskSnack(log.plan(MONDAY));
    expect(plan?.kind).toBe("micro");
    expect(plan?.blocks.map((b) => b.exercise)).toEqual(["desk", "desk"]);
    expect(plan?.totalSeconds).toBeGreaterThanOrEqual(60);
    expect(plan?.totalSeconds).toBeLessThanOrEqual(150);
    expect(plan?.reasons.map((r) => r.rule)).toEqual(["R-DESK", "R-TIME"]);
  });

  it("keeps to the seated move on a grumpy day or with leg symptoms", () => {
    for (const checkIn of [
      { back: "grumpy", context: { deskDay: true } },
      { back: "okay", leg: "one-leg", context: { deskDay: true } },
    ] as const) {
      const log = new Log();
      log.checkIn(MONDAY, checkIn);
      expect(deskSnack(log.plan(MONDAY))?.blocks.map((b) => b.variant)).toEqual([
        "desk-knee-extension",
      ]);
    }
  });

  it("is not offered on a day not marked as a desk day", () => {
    const log = new Log();
    log.checkIn(MONDAY, { back: "calm" });
    expect(deskSnack(log.plan(MONDAY))).toBeUndefined();
  });

  it("is never offered when triage closes the day, whatever else was answered", () => {
    // Every sign that closes the day; the caution sign of domain.md leaves it open.
    const closing = WARNING_SIGN_IDS.filter((sign) => sign !== "inflammatory-pattern");
    const signs = fc.uniqueArray(fc.constantFrom(...closing), { minLength: 1 });
    const legs = fc.constantFrom("none", "one-leg", "one-leg-worsening", "both-legs" as const);
    const back = fc.constantFrom("calm", "okay", "grumpy" as const);
    fc.assert(
      fc.property(signs, legs, back, (signs, leg, back) => {
        const checkIn = { back, leg, signs, context: { deskDay: true } };
        const log = new Log();
        log.checkIn(MONDAY, checkIn);
        const plan = log.plan(MONDAY);
        expect(["emergency", "see-clinician"]).toContain(plan.tier);
        expect(deskSnack(plan)).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
    const bothLegs = new Log();
    bothLegs.checkIn(MONDAY, { ...deskDay, leg: "both-legs" });
    expect(deskSnack(bothLegs.plan(MONDAY))).toBeUndefined();
  });

  it("stays closed for the rest of an emergency day, even after a clean check-in", () => {
    const log = new Log();
    log.checkIn(MONDAY, { ...deskDay, signs: ["saddle-numbness"] });
    log.checkIn(MONDAY, deskDay, "09:00");
    expect(deskSnack(log.plan(MONDAY))).toBeUndefined();
  });

  it("stays closed on the days after an emergency until a clearance (R-TRIAGE-FOLLOW-UP)", () => {
    const log = new Log();
    log.checkIn(MONDAY, { ...deskDay, signs: ["saddle-numbness"] });
    log.checkIn("2026-11-24", deskDay);
    expect(deskSnack(log.plan("2026-11-24"))).toBeUndefined();
    log.add("clearance", "2026-11-25", { by: "family-doctor" }, "06:00");
    log.checkIn("2026-11-25", deskDay);
    expect(deskSnack(log.plan("2026-11-25"))).toBeDefined();
  });

  it("counts one snack as half a day and two as a practice day", () => {
    const log = new Log();
    log.checkIn(MONDAY, deskDay);
    snack(log, MONDAY, "10:00");
    let monday = summary(log).days[0];
    expect(monday).toMatchObject({ credit: 0.5, practised: false, shortSessions: 1 });
    expect(summary(log).practiceDays).toBe(0);

    snack(log, MONDAY, "14:30");
    monday = summary(log).days[0];
    expect(monday).toMatchObject({ credit: 1, practised: true, shortSessions: 2 });
    expect(summary(log).practiceDays).toBe(1);
  });

  it("caps a day at one practice day however many sessions it holds", () => {
    const log = new Log();
    log.practise(MONDAY, deskDay);
    snack(log, MONDAY, "10:00");
    snack(log, MONDAY, "11:00");
    expect(summary(log).days[0]?.credit).toBe(1);
    expect(summary(log).practiceDays).toBe(1);
  });

  it("does not count a session whose every block was skipped", () => {
    const log = new Log();
    log.checkIn(MONDAY, deskDay);
    const plan = deskSnack(log.plan(MONDAY));
    if (!plan) throw new Error("expected a snack");
    const record = sessionAsPlanned(plan);
    log.add("session", MONDAY, {
      ...record,
      blocks: record.blocks.map((b) => ({ ...b, skipped: true })),
    });
    expect(summary(log).days[0]?.credit).toBe(0);
  });

  it("counts practice days against the weekly goal, never as a streak", () => {
    const log = new Log();
    log.add("settings", MONDAY, { weeklyDays: 4 }, "06:00");
    log.practise(MONDAY, { back: "calm" });
    log.practise("2026-11-25", { back: "calm" });
    log.practise("2026-11-28", { back: "calm" });
    const week = summary(log);
    expect(week.goal).toBe(4);
    expect(week.practiceDays).toBe(3);
    expect(week.days.map((d) => d.practised)).toEqual([
      true,
      false,
      true,
      false,
      false,
      true,
      false,
    ]);
  });
});

describe("walks and strength beside the guidelines (R-PAIR, PAG18)", () => {
  it("adds every logged walk, however short", () => {
    const log = new Log();
    log.add("activity", MONDAY, { kind: "walk", minutes: 10 });
    log.add("activity", MONDAY, { kind: "walk", minutes: 5 }, "18:00");
    log.add("activity", "2026-11-26", { kind: "walk", minutes: 30 });
    const week = summary(log);
    expect(week.walkMinutes).toBe(45);
    expect(week.days[0]?.walkMinutes).toBe(15);
    expect(week.guideline).toEqual({ walkMinutes: GUIDELINE_WALK_MINUTES, strengthDays: 2 });
    expect(GUIDELINE_WALK_MINUTES).toBe(150);
    expect(GUIDELINE_STRENGTH_DAYS).toBe(2);
  });

  it("leaves out a walk that was withdrawn", () => {
    const log = new Log();
    const walk = log.add("activity", MONDAY, { kind: "walk", minutes: 20 });
    log.add("retract", MONDAY, { target: walk }, "07:01");
    expect(summary(log).walkMinutes).toBe(0);
  });

  it("counts the walk of a walk-only day", () => {
    const log = new Log();
    const plan = log.practise(MONDAY, { back: "okay", signs: ["night-pain"] });
    expect(plan.kind).toBe("walk-only");
    const walkBlock = plan.blocks.find((b) => b.role === "walk");
    expect(summary(log).walkMinutes).toBe(Math.round((walkBlock?.dose.seconds ?? 0) / 60));
    expect(summary(log).walkMinutes).toBeGreaterThan(0);
  });

  it("counts a strength day from a session's strength block or from strength work logged", () => {
    const log = new Log();
    const plan = log.practise(MONDAY, { back: "calm" });
    expect(plan.blocks.some((b) => b.role === "strength")).toBe(true);
    log.add("activity", "2026-11-25", { kind: "strength", minutes: 30 });
    log.add("activity", "2026-11-25", { kind: "strength", minutes: 10 }, "19:00");
    const week = summary(log);
    expect(week.strengthDays).toBe(2);
    expect(week.days.map((d) => d.strength)).toEqual([
      true,
      false,
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it("does not count a micro session as a strength day", () => {
    const log = new Log();
    log.practise(MONDAY, { back: "okay", context: { minutes: 3 } });
    expect(summary(log).strengthDays).toBe(0);
  });
});

describe("recovery (R-RECOVERY)", () => {
  it("plans the day after a too-much session lighter, with a walk, and says why", () => {
    const log = new Log();
    log.practise(MONDAY, { back: "calm" }, { feel: "too-much" });
    log.checkIn("2026-11-24", { back: "calm" });
    const plan = log.plan("2026-11-24");
    expect(plan.kind).toBe("light");
    const why = plan.reasons.find((r) => r.rule === "R-RECOVERY");
    expect(why?.text).toMatch(/felt like too much/);
    expect(plan.suggestions.map((s) => s.id)).toContain("walk");
  });

  it("plans the day after a hard day lighter when the person says so", () => {
    const log = new Log();
    log.checkIn(MONDAY, { back: "calm", context: { hardDayYesterday: true } });
    const plan = log.plan(MONDAY);
    expect(plan.kind).toBe("light");
    expect(plan.reasons.find((r) => r.rule === "R-RECOVERY")?.text).toMatch(/hard day/);
  });

  it("shows recovery days in the week as part of the plan, whether practised or not", () => {
    const log = new Log();
    log.practise(MONDAY, { back: "calm" }, { feel: "too-much" });
    log.checkIn("2026-11-24", { back: "calm" }); // a recovery day, no session
    log.practise("2026-11-25", { back: "calm", context: { hardDayYesterday: true } });
    const week = summary(log);
    expect(week.days.map((d) => d.recovery?.rule)).toEqual([
      undefined,
      "R-RECOVERY",
      "R-RECOVERY",
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(week.recoveryDays).toBe(2);
  });

  it("reads a recovery day from the plan the person saw, not from a later session", () => {
    const log = new Log();
    log.practise(MONDAY, { back: "calm" }, { feel: "too-much" });
    log.practise("2026-11-24", { back: "calm" }, { feel: "too-much" });
    expect(log.plan("2026-11-24").kind).toBe("light");
    expect(summary(log).days[1]?.recovery?.rule).toBe("R-RECOVERY");
  });

  it("marks nothing after today", () => {
    const log = new Log();
    log.practise(MONDAY, { back: "calm" }, { feel: "too-much" });
    const week = weekSummary(readLog(log.events), MONDAY, MONDAY);
    expect(week.days.slice(1).every((d) => d.future && !d.recovery)).toBe(true);
    expect(week.days[0]?.future).toBe(false);
  });
});

describe("one wording for a day's practice (R-TIME)", () => {
  it("says a desk snack, two, and none the same way in the week and the calendar", () => {
    const log = new Log();
    log.checkIn(MONDAY, deskDay);
    const words = () => {
      const model = readLog(log.events);
      const week = weekSummary(model, MONDAY, MONDAY).days[0];
      const calendar = practiceCalendar(model, MONDAY, MONDAY)[0]?.days[0];
      expect(week?.credit).toBe(calendar?.credit);
      return creditWords(week?.credit ?? -1);
    };
    expect(words()).toBe("no practice");
    snack(log, MONDAY, "10:00");
    expect(words()).toBe("half a practice day");
    snack(log, MONDAY, "14:00");
    expect(words()).toBe("a practice day");
    expect(PRACTICE_DAY_MEANING).toMatch(/one full session or two short ones/);
  });
});
