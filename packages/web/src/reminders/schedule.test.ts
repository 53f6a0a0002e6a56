import { describe, expect, it } from "vitest";
import { type NudgeInput, nextNudge } from "./schedule.ts";

// Local times: the test runs in whatever zone the machine has, and so does the app.
const at = (day: string, time: string) => new Date(`${day}T${time}:00`);
const WEDNESDAY = "2026-11-25";
const base: NudgeInput = { deskDayToday: false, practisedToday: false };

describe("the anchor's reminder (R-ANCHOR)", () => {
  const reminder = { days: ["MO", "WE", "FR"] as const, time: "07:30" };

  it("comes at the chosen time on a chosen day, naming the anchor", () => {
    const nudge = nextNudge(at(WEDNESDAY, "06:00"), {
      ...base,
      reminder: { ...reminder, days: [...reminder.days] },
      anchor: "after my morning coffee",
    });
    expect(nudge?.at).toEqual(at(WEDNESDAY, "07:30"));
    expect(nudge?.kind).toBe("reminder");
    expect(nudge?.body).toBe("After my morning coffee: time for today's few minutes of Limber.");
  });

  it("moves to the next chosen day once the time has passed", () => {
    const nudge = nextNudge(at(WEDNESDAY, "07:30"), {
      ...base,
      reminder: { ...reminder, days: [...reminder.days] },
    });
    expect(nudge?.at).toEqual(at("2026-11-27", "07:30"));
  });

  it("skips today once today's practice is done", () => {
    const nudge = nextNudge(at(WEDNESDAY, "06:00"), {
      ...base,
      practisedToday: true,
      reminder: { ...reminder, days: [...reminder.days] },
    });
    expect(nudge?.at).toEqual(at("2026-11-27", "07:30"));
  });

  it("wraps around the week", () => {
    const nudge = nextNudge(at("2026-11-27", "08:00"), {
      ...base,
      reminder: { days: ["WE"], time: "07:30" },
    });
    expect(nudge?.at).toEqual(at("2026-12-02", "07:30"));
  });

  it("is nothing without a reminder", () => {
    expect(nextNudge(at(WEDNESDAY, "06:00"), base)).toBeUndefined();
  });
});

describe("desk snacks (R-DESK)", () => {
  const desk: NudgeInput = {
    ...base,
    deskDayToday: true,
    workWindow: { start: "09:00", end: "17:00" },
  };

  it("come about once an hour inside the work window on a desk day", () => {
    expect(nextNudge(at(WEDNESDAY, "08:00"), desk)?.at).toEqual(at(WEDNESDAY, "10:00"));
    expect(nextNudge(at(WEDNESDAY, "10:00"), desk)?.at).toEqual(at(WEDNESDAY, "11:00"));
    expect(nextNudge(at(WEDNESDAY, "10:00"), desk)?.kind).toBe("desk-snack");
  });

  it("stop at the end of the work window", () => {
    expect(nextNudge(at(WEDNESDAY, "16:00"), desk)).toBeUndefined();
  });

  it("wait an hour after a session", () => {
    const nudge = nextNudge(at(WEDNESDAY, "10:40"), {
      ...desk,
      lastSessionAt: at(WEDNESDAY, "10:35"),
    });
    expect(nudge?.at).toEqual(at(WEDNESDAY, "12:00"));
  });

  it("are not offered on a day not marked as a desk day", () => {
    expect(nextNudge(at(WEDNESDAY, "08:00"), { ...desk, deskDayToday: false })).toBeUndefined();
  });

  it("and the reminder: whichever comes first", () => {
    const both = { ...desk, reminder: { days: ["WE" as const], time: "12:30" } };
    expect(nextNudge(at(WEDNESDAY, "09:30"), both)?.kind).toBe("desk-snack");
    expect(nextNudge(at(WEDNESDAY, "12:10"), both)?.kind).toBe("reminder");
  });
});
