import { readdirSync, readFileSync } from "node:fs";
import { parseLog, readLog } from "@limber/core";
import { describe, expect, it } from "vitest";

const folder = new URL("../../../../examples/", import.meta.url);
const logs = readdirSync(folder).filter(
  (name) => name.endsWith(".ndjson") && name !== "typo.ndjson",
);

describe("the example logs", () => {
  it.each(logs)("%s records each session as Limber planned it that day", (name) => {
    const events = parseLog(readFileSync(new URL(name, folder), "utf8"));
    const sessions = events.filter((event) => event.type === "session");
    expect(sessions.length).toBeGreaterThan(0);
    const { days } = readLog(events);
    for (const session of sessions) {
      const plan = days.get(session.day)?.plan;
      if (!plan) throw new Error(`${name}: no check-in on ${session.day}`);
      expect(session.data.kind, session.day).toBe(plan.kind);
      expect(
        session.data.blocks.map((b) => b.variant),
        session.day,
      ).toEqual(plan.blocks.map((b) => b.variant));
    }
  });
});
