import { describe, expect, it } from "vitest";
import { planSession } from "../planner/plan.ts";
import { idFor, Log } from "../testing.ts";
import { EventParseError, parseEvent, parseLog } from "./parse.ts";
import { project, readLog } from "./read-model.ts";

const checkIn = {
  id: idFor(1),
  type: "checkin",
  at: "2026-11-25T07:02:00+01:00",
  day: "2026-11-25",
  v: 1,
  data: { back: "calm", pain: 2, leg: "none", signs: [], context: { sleep: "good", minutes: 8 } },
};

describe("parseEvent", () => {
  it("accepts a well-formed check-in", () => {
    expect(parseEvent(checkIn)).toEqual({ ok: true, event: checkIn });
  });

  it.each([
    ["type", { ...checkIn, type: "mood" }, /unknown event type "mood"/],
    ["v", { ...checkIn, v: 2 }, /newer Limber/],
    ["id", { ...checkIn, id: "not-a-uuid" }, /UUID/],
    ["at", { ...checkIn, at: "2026-11-25 07:02" }, /ISO-8601/],
    ["day", { ...checkIn, day: "25/11/2026" }, /YYYY-MM-DD/],
    ["data.back", { ...checkIn, data: { back: "fine" } }, /calm/],
    ["data.pain", { ...checkIn, data: { back: "calm", pain: 11 } }, /10/],
    [
      "data.signs.0",
      { ...checkIn, data: { back: "calm", signs: ["headache"] } },
      /saddle-numbness/,
    ],
    ["data", { ...checkIn, data: { back: "calm", extra: 1 } }, /extra/],
  ])("refuses a bad %s", (field, raw, message) => {
    const result = parseEvent(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.field).toBe(field);
    expect(result.error.message).toMatch(message);
  });

  it("accepts days and instants from 1900 to 2999, and nothing outside them", () => {
    for (const [at, day] of [
      ["1900-01-01T00:00:00Z", "1900-01-01"],
      ["2999-12-31T23:59:59+14:00", "2999-12-31"],
    ]) {
      expect(parseEvent({ ...checkIn, at, day }).ok).toBe(true);
    }
    for (const [field, at, day] of [
      ["day", "2026-11-25T07:02:00Z", "9999-12-31"],
      ["day", "2026-11-25T07:02:00Z", "1899-12-31"],
      ["at", "3000-01-01T00:00:00Z", "2026-11-25"],
      ["at", "0001-01-01T00:00:00Z", "2026-11-25"],
    ]) {
      const result = parseEvent({ ...checkIn, at, day });
      expect(result.ok || result.error.message).toBe(`${field}: the year is from 1900 to 2999`);
    }
  });

  it("reads a session kept at Finish, before its answers, and one with every answer", () => {
    const blocks = [{ exercise: "floss", variant: "floss-small", seconds: 60 }];
    const kept = { ...checkIn, type: "session", data: { kind: "standard", blocks } };
    expect(parseEvent(kept).ok).toBe(true);
    const answered = {
      ...kept,
      data: { kind: "standard", blocks, feel: "comfortable", breathChat: true, nerve: "none" },
    };
    expect(parseEvent(answered).ok).toBe(true);
    const wrong = parseEvent({ ...kept, data: { blocks, feel: "fine" } });
    expect(wrong.ok || wrong.error.field).toBe("data.feel");
  });

  it("refuses a session block naming a variant the catalog does not hold", () => {
    const session = {
      ...checkIn,
      type: "session",
      data: {
        blocks: [{ exercise: "floss", variant: "floss-wild" }],
        feel: "comfortable",
        breathChat: true,
        nerve: "none",
      },
    };
    const result = parseEvent(session);
    expect(result.ok || result.error.field).toBe("data.blocks.0.variant");
  });
});

describe("parseLog", () => {
  it("reads a JSON array and NDJSON alike", () => {
    expect(parseLog(JSON.stringify([checkIn]))).toEqual([checkIn]);
    expect(parseLog(`\n${JSON.stringify(checkIn)}\n\n`)).toEqual([checkIn]);
  });

  it("names the line of a bad NDJSON event", () => {
    const text = `${JSON.stringify(checkIn)}\n{"type":"checkin"`;
    expect(() => parseLog(text)).toThrowError(EventParseError);
    expect(() => parseLog(text)).toThrow("line 2: not valid JSON");
    const bad = `${JSON.stringify(checkIn)}\n${JSON.stringify({ ...checkIn, data: { back: "meh" } })}`;
    expect(() => parseLog(bad)).toThrow(/^line 2: data\.back/);
  });
});

describe("project", () => {
  const log = new Log();
  log.add("settings", "2026-11-01", { region: "GB", weeklyDays: 4 });
  const first = log.checkIn("2026-11-01", { back: "okay" });
  log.add("settings", "2026-11-02", { anchor: "after my morning coffee" });
  log.checkIn("2026-11-02", { back: "calm" });
  log.add("retract", "2026-11-02", { target: first });

  it("folds settings in order, keeping earlier values and the default weekly goal", () => {
    expect(project(log.events).settings).toEqual({
      region: "GB",
      weeklyDays: 4,
      anchor: "after my morning coffee",
      disclaimerAccepted: false,
    });
    expect(project([]).settings.weeklyDays).toBe(5); // R-CONSISTENCY default
  });

  it("drops a retracted event and keeps one copy of a repeated one", () => {
    const state = project([...log.events, ...log.events]);
    expect(state.checkIns.map((c) => c.data.back)).toEqual(["calm"]);
  });

  it("gives the same state whatever order events arrive in", () => {
    const reversed = project([...log.events].reverse());
    expect(reversed).toEqual(project(log.events));
  });

  it("orders by instant, not by how the offset is written", () => {
    const early = {
      ...checkIn,
      id: idFor(9),
      at: "2026-11-25T07:00:00+01:00",
      data: { back: "grumpy" },
    };
    const late = { ...checkIn, id: idFor(8), at: "2026-11-25T06:30:00Z", data: { back: "calm" } };
    const events = parseLog(JSON.stringify([late, early]));
    expect(project(events).checkIns.map((c) => c.data.back)).toEqual(["grumpy", "calm"]);
  });
});

describe("the days as seen", () => {
  it("gives the plan the person was shown that morning, not one changed by the day's session", () => {
    const log = new Log();
    log.practiseDays("2026-11-01", 3, { back: "calm" });
    const before = project(log.events);
    const morning = planSession(before, { back: "calm" }, "2026-11-04");
    log.checkIn("2026-11-04", { back: "calm" });
    log.add(
      "session",
      "2026-11-04",
      {
        blocks: [],
        feel: "too-much",
        breathChat: false,
        nerve: "persistent",
      },
      "07:20",
    );
    expect(readLog(log.events).days.get("2026-11-04")?.plan).toEqual(morning);
    expect(planSession(log.state(), { back: "calm" }, "2026-11-04")).not.toEqual(morning);
  });

  it("keeps a withdrawn emergency answer speaking for its day (R-TRIAGE-NO-BYPASS)", () => {
    const log = new Log();
    const answer = log.checkIn("2026-11-04", { back: "okay", signs: ["leg-weakness"] });
    log.add("retract", "2026-11-04", { target: answer }, "07:05");
    const { days } = readLog(log.events);
    expect(days.get("2026-11-04")?.checkIn.data.signs).toEqual(["leg-weakness"]);
    expect(days.get("2026-11-04")?.plan.kind).toBe("none");
    expect(days.get("2026-11-05")).toBeUndefined();
  });

  it("plans the days asked for only", () => {
    const log = new Log();
    log.practiseDays("2026-11-01", 5, { back: "okay" });
    const { days } = readLog(log.events, { from: "2026-11-02", to: "2026-11-03" });
    expect([...days.keys()]).toEqual(["2026-11-02", "2026-11-03"]);
  });
});

describe("a refusal in the schema's own words", () => {
  it("keeps the words a schema wrote for people, and none of the validator's", () => {
    const base = {
      ...checkIn,
      type: "settings",
      data: { workWindow: { start: "17:00", end: "09:00" } },
    };
    const window = parseEvent(base);
    expect(window.ok || window.error.plain).toBe("the work window ends after it starts");
    const pain = parseEvent({ ...checkIn, data: { back: "calm", pain: 11 } });
    expect(pain.ok || pain.error.plain).toBeUndefined();
  });
});
