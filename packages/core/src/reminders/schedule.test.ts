import { describe, expect, it } from "vitest";
import { Log } from "../testing.ts";
import { isTimeZone, practisedOn, reminderDueDay, reminderText, wallClock } from "./schedule.ts";

const reminder = { reminder: { days: ["MO" as const, "SA" as const], time: "07:30" } };

describe("the reminder's rule", () => {
  it("names the anchor and nothing else", () => {
    expect(reminderText(" after my morning coffee ")).toEqual({
      title: "Limber",
      body: "After my morning coffee: time for today's few minutes of Limber.",
    });
    expect(reminderText(undefined).body).toBe("Time for today's few minutes of Limber.");
  });

  it("reads the wall clock of an instant in a zone, across a change of the clocks", () => {
    expect(wallClock(new Date("2026-11-30T06:30:00Z"), "Europe/Paris")).toEqual({
      day: "2026-11-30",
      time: "07:30",
    });
    // Summer time in Paris is UTC+2: the same local time is an hour earlier in UTC.
    expect(wallClock(new Date("2026-06-01T05:30:00Z"), "Europe/Paris").time).toBe("07:30");
    // Late at night in UTC is already the next morning in Tokyo.
    expect(wallClock(new Date("2026-11-29T22:30:00Z"), "Asia/Tokyo")).toEqual({
      day: "2026-11-30",
      time: "07:30",
    });
  });

  it("is due from the chosen time on a chosen day, for half an hour", () => {
    const due = (utc: string, zone = "Europe/Paris") =>
      reminderDueDay(reminder, new Date(utc), zone);
    expect(due("2026-11-30T06:29:00Z")).toBeUndefined();
    expect(due("2026-11-30T06:30:00Z")).toBe("2026-11-30");
    expect(due("2026-11-30T06:59:00Z")).toBe("2026-11-30");
    expect(due("2026-11-30T07:00:00Z")).toBeUndefined();
    // A Tuesday is not chosen.
    expect(due("2026-12-01T06:30:00Z")).toBeUndefined();
    // Saturday in New York, while it is already Saturday afternoon in UTC.
    expect(due("2026-12-05T12:30:00Z", "America/New_York")).toBe("2026-12-05");
    expect(reminderDueDay({}, new Date("2026-11-30T06:30:00Z"), "Europe/Paris")).toBeUndefined();
  });

  it("counts a day practised by the one credit rule", () => {
    const log = new Log();
    expect(practisedOn(log.state(), "2026-11-30")).toBe(false);
    log.practise("2026-11-30", { back: "calm" });
    expect(practisedOn(log.state(), "2026-11-30")).toBe(true);
    expect(practisedOn(log.state(), "2026-12-01")).toBe(false);
  });

  it("knows an IANA time zone from a made-up one", () => {
    expect(isTimeZone("Europe/Paris")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isTimeZone("Europe/Paris; drop")).toBe(false);
  });
});
