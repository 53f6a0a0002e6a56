import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../days.ts";
import { checkInArb, logOver, RUNS, today } from "../planner/arbitraries.testing.ts";
import { practiceCalendar } from "../progress/calendar.ts";
import { idFor, Log } from "../testing.ts";
import { weekSummary } from "../week.ts";
import { compareEvents } from "./in-force.ts";
import {
  CHECKPOINT_DAYS,
  coversDay,
  keepRecent,
  PLAN_LOOKBACK_DAYS,
  project,
  type ReadModel,
  readLog,
  resumeLog,
} from "./read-model.ts";
import type { LimberEvent } from "./schema.ts";

/** A long random history, then today's check-in. */
const historyArb = fc.tuple(logOver(300, 80), checkInArb).map(([events, checkIn]) => [
  ...events,
  {
    id: idFor(9999),
    type: "checkin",
    v: 1,
    day: today,
    at: `${today}T23:58:00Z`,
    data: checkIn,
  } as LimberEvent,
]);

describe("folding on from where the model was", () => {
  it("gives the model a fresh read gives, after any cut of the log", () => {
    fc.assert(
      fc.property(historyArb, fc.nat(), (events, cut) => {
        const ordered = [...events].sort(compareEvents);
        const at = cut % (ordered.length + 1);
        const resumed = resumeLog(readLog(ordered.slice(0, at)), ordered.slice(at));
        if (!resumed) return; // A withdrawal that needs the whole log again: it says so.
        const fresh = readLog(events);
        expect(resumed.state).toEqual(fresh.state);
        expect(resumed.days).toEqual(fresh.days);
      }),
      RUNS,
    );
  });

  it("plans today exactly as the whole log does from a checkpoint's recent days", () => {
    let compared = 0;
    fc.assert(
      fc.property(historyArb, fc.nat(), (events, cut) => {
        const ordered = [...events].sort(compareEvents);
        const at = cut % ordered.length;
        const checkpoint = keepRecent(readLog(ordered.slice(0, at)), CHECKPOINT_DAYS);
        const resumed = resumeLog(checkpoint, ordered.slice(at));
        if (!resumed || !coversDay(resumed, today)) return;
        compared++;
        const fresh = readLog(events);
        expect(resumed.days.get(today)).toEqual(fresh.days.get(today));
        expect(resumed.state.memory).toEqual(fresh.state.memory);
        const monday = addDays(today, -2);
        expect(weekSummary(resumed, monday, today)).toEqual(weekSummary(fresh, monday, today));
        const from = addDays(today, -(CHECKPOINT_DAYS - PLAN_LOOKBACK_DAYS));
        expect(practiceCalendar(resumed, from, today)).toEqual(
          practiceCalendar(fresh, from, today),
        );
      }),
      RUNS,
    );
    expect(compared).toBeGreaterThan(RUNS.numRuns / 5);
  });

  it("asks for the whole log again when an event sorts before the last one folded", () => {
    const log = new Log();
    log.checkIn("2026-11-20", { back: "calm" });
    const model = readLog(log.events);
    log.checkIn("2026-11-19", { back: "grumpy" });
    expect(resumeLog(model, [log.events.at(-1) as LimberEvent])).toBeUndefined();
  });

  it("asks for the whole log again when a check-in is withdrawn", () => {
    const log = new Log();
    const first = log.checkIn("2026-11-20", { back: "calm" });
    const model = readLog(log.events);
    log.add("retract", "2026-11-20", { target: first }, "08:00");
    expect(resumeLog(model, [log.events.at(-1) as LimberEvent])).toBeUndefined();
  });

  it("plans a day again as a clearance arrives, and reads the whole log when one is withdrawn", () => {
    const log = new Log();
    log.checkIn("2026-11-20", { back: "calm", signs: ["night-pain"] });
    const model = readLog(log.events);
    const cleared = log.add("clearance", "2026-11-20", {}, "09:00");
    const resumed = resumeLog(model, [log.events.at(-1) as LimberEvent]);
    expect(resumed?.days.get("2026-11-20")?.plan.tier).toBe("clear");
    expect(resumed?.days).toEqual(readLog(log.events).days);
    log.add("retract", "2026-11-20", { target: cleared }, "09:05");
    expect(resumeLog(resumed as ReadModel, [log.events.at(-1) as LimberEvent])).toBeUndefined();
  });

  it("knows the oldest entry by its instant, whatever order the log arrives in", () => {
    const note = (n: number, at: string): LimberEvent => ({
      id: idFor(n),
      type: "note",
      at,
      day: at.slice(0, 10),
      v: 1,
      data: { text: "a note" },
    });
    const log = [note(1, "2026-11-03T08:00:00+01:00"), note(2, "2026-11-02T23:30:00-05:00")];
    expect(readLog(log).first).toEqual({
      at: "2026-11-02T23:30:00-05:00",
      id: idFor(2),
      day: "2026-11-02",
    });
    expect(readLog([]).first).toBeUndefined();
  });

  it("leaves the model it was given as it was", () => {
    const log = new Log();
    log.practiseDays("2026-11-01", 5, { back: "calm" });
    const model = readLog(log.events);
    const before = structuredClone(model);
    log.practise("2026-11-06", { back: "calm" });
    const next = resumeLog(model, log.events.slice(-2));
    expect(next?.days.has("2026-11-06")).toBe(true);
    expect(model).toEqual(before);
    expect(project(log.events)).toEqual(next?.state);
  });
});
