import { parseEvent, project } from "@limber/core";
import { describe, expect, it } from "vitest";
import { syntheticLog } from "./synthetic-log.ts";

describe("the synthetic ten-year log", () => {
  const events = syntheticLog();

  it("holds about 7,000 events", () => {
    expect(events.length).toBeGreaterThan(6_500);
    expect(events.length).toBeLessThan(7_500);
  });

  it("is made only of events that pass the schema", () => {
    const failures = events.flatMap((event, index) => {
      const parsed = parseEvent(JSON.parse(JSON.stringify(event)), index + 1);
      return parsed.ok ? [] : [parsed.error.message];
    });
    expect(failures).toEqual([]);
  });

  it("is the same every time it is made", () => {
    expect(JSON.stringify(syntheticLog())).toBe(JSON.stringify(events));
  });

  it("has a check-in on its last day, a session on most days, and unique ids", () => {
    const state = project(events);
    expect(state.checkIns.at(-1)?.day).toBe(events.at(-1)?.day);
    expect(state.sessions.length).toBeGreaterThan(2_500);
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
  });
});
