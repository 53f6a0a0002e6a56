import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, weekStartOf } from "../days.ts";
import { project } from "../events/read-model.ts";
import { logArb, RUNS, today } from "../planner/arbitraries.testing.ts";
import { Log } from "../testing.ts";
import { signQuestion } from "./ask.ts";
import { ALL_SIGNS, CAUTION, EMERGENCY, SEE_CLINICIAN } from "./tiers.fixture.ts";

// R-TRIAGE-ASK: the daily question stays quick without hiding anything.

const MONDAY = "2026-11-23";

describe("R-TRIAGE-ASK", () => {
  it("shows the full list at the first check-in, then the compact question", () => {
    const log = new Log();
    expect(signQuestion(log.state(), MONDAY)).toMatchObject({ full: true, why: "first-check-in" });
    log.checkIn(MONDAY, { back: "calm" });
    const tuesday = signQuestion(log.state(), addDays(MONDAY, 1));
    expect(tuesday.full).toBe(false);
    expect(tuesday.lines.length).toBeLessThanOrEqual(6);
    expect(tuesday.lines[0]?.text).toBe(
      "Numbness around the groin or new bladder, bowel or sexual changes",
    );
  });

  it("shows the full list at the first check-in of each week", () => {
    const log = new Log();
    log.checkIn(addDays(MONDAY, -2), { back: "calm" });
    expect(signQuestion(log.state(), MONDAY)).toMatchObject({ full: true, why: "new-week" });
    log.checkIn(MONDAY, { back: "calm" });
    expect(signQuestion(log.state(), addDays(MONDAY, 1)).full).toBe(false);
  });

  it("shows the full list for 7 days after any sign, then the compact question again", () => {
    const log = new Log();
    log.checkIn(MONDAY, { back: "calm", signs: ["inflammatory-pattern"] });
    for (let i = 1; i <= 6; i++) log.checkIn(addDays(MONDAY, i), { back: "calm" });
    expect(signQuestion(log.state(), addDays(MONDAY, 6))).toMatchObject({ why: "recent-sign" });
    log.checkIn(addDays(MONDAY, 7), { back: "calm" }); // a new week
    expect(signQuestion(log.state(), addDays(MONDAY, 7)).why).toBe("recent-sign");
    log.checkIn(addDays(MONDAY, 8), { back: "calm" });
    expect(signQuestion(log.state(), addDays(MONDAY, 9)).full).toBe(false);
  });

  it("counts an emergency answer that was withdrawn", () => {
    const log = new Log();
    log.checkIn(addDays(MONDAY, -1), { back: "calm" });
    const answer = log.checkIn(MONDAY, { back: "calm", signs: ["bowel-control"] });
    log.add("retract", MONDAY, { target: answer }, "07:05");
    log.checkIn(addDays(MONDAY, 1), { back: "calm" });
    expect(signQuestion(log.state(), addDays(MONDAY, 2)).why).toBe("recent-sign");
  });

  it("leaves out the signs that cannot apply, by year of birth", () => {
    const at = (birthYear: number) => {
      const log = new Log();
      log.add("settings", MONDAY, { birthYear });
      return signQuestion(log.state(), MONDAY).signs;
    };
    expect(at(1990)).not.toContain("first-episode-50plus");
    expect(at(1990)).not.toContain("fall-older");
    expect(at(1976)).toContain("first-episode-50plus");
    expect(at(1976)).not.toContain("fall-older");
    expect(at(1956)).toContain("fall-older");
    expect(signQuestion(project([]), MONDAY).signs.length).toBe(ALL_SIGNS.length);
    const young = new Log();
    young.add("settings", MONDAY, { birthYear: 1990 });
    const lines = signQuestion(young.state(), MONDAY)
      .lines.map((l) => l.text)
      .join(" ");
    expect(lines).not.toMatch(/70 or older|50 or older/);
  });

  it("keeps every sign that can apply reachable, in at most six lines, over random histories", () => {
    const birth = fc.option(fc.integer({ min: 1920, max: 2008 }), { nil: undefined });
    fc.assert(
      fc.property(logArb, birth, (events, birthYear) => {
        const log = project(events);
        const state =
          birthYear === undefined ? log : { ...log, settings: { ...log.settings, birthYear } };
        const question = signQuestion(state, today);
        expect(question.lines.length).toBeLessThanOrEqual(6);
        const inLines = question.lines.flatMap((line) => line.signs);
        expect([...inLines].sort()).toEqual([...question.signs].sort());
        // Only the two signs with an age in them may ever be left out.
        const age = birthYear === undefined ? Number.POSITIVE_INFINITY : 2026 - birthYear;
        const expected = ALL_SIGNS.filter(
          (s) => !(s === "first-episode-50plus" && age < 50) && !(s === "fall-older" && age < 70),
        );
        expect([...question.signs].sort()).toEqual([...expected].sort());
        for (const sign of [...EMERGENCY, ...SEE_CLINICIAN, ...CAUTION]) {
          if (expected.includes(sign)) expect(question.signs).toContain(sign);
        }
      }),
      RUNS,
    );
  });

  it("shows the full list on every day the rule names, over random histories", () => {
    fc.assert(
      fc.property(logArb, (events) => {
        const withdrawn = new Set(
          events.flatMap((e) => (e.type === "retract" ? [e.data.target] : [])),
        );
        const checkIns = events.filter((e) => e.type === "checkin");
        const named = (c: (typeof checkIns)[number]) =>
          c.type === "checkin" &&
          ((c.data.signs ?? []).length > 0 ||
            c.data.leg === "both-legs" ||
            c.data.leg === "one-leg-worsening");
        const live = checkIns.filter((c) => !withdrawn.has(c.id));
        const first = live.length === 0 || live.every((c) => c.day >= today);
        const newWeek = !live.some((c) => c.day >= weekStartOf(today) && c.day <= today);
        const recentSign = checkIns.some((c) => {
          const since = daysBetween(c.day, today);
          if (since < 0 || since > 7 || !named(c)) return false;
          const emergency =
            c.type === "checkin" &&
            ((c.data.signs ?? []).some((s) => EMERGENCY.includes(s)) || c.data.leg === "both-legs");
          return !withdrawn.has(c.id) || emergency;
        });
        if (first || newWeek || recentSign)
          expect(signQuestion(project(events), today).full).toBe(true);
      }),
      RUNS,
    );
  });
});
