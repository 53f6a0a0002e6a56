import { readdirSync, readFileSync } from "node:fs";
import { checkedInDay, parseLog, planSession } from "@limber/core";
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
    for (const session of sessions) {
      const day = checkedInDay(events, session.day);
      if (!day) throw new Error(`${name}: no check-in on ${session.day}`);
      const plan = planSession(day.state, day.checkIn, session.day);
      expect(session.data.kind, session.day).toBe(plan.kind);
      expect(
        session.data.blocks.map((b) => b.variant),
        session.day,
      ).toEqual(plan.blocks.map((b) => b.variant));
    }
  });
});
