import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { foldLine, type ReminderOptions, reminderCalendar } from "./ics.ts";

const base: ReminderOptions = {
  anchor: "after my morning coffee",
  days: ["MO", "WE", "FR"],
  time: "07:30",
  uid: "reminder-1@limber.local",
  stamp: new Date("2026-10-01T09:15:42.123Z"),
  start: "2026-10-05",
};

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevent = calendar.getFirstSubcomponent("vevent");
  if (vevent === null) throw new Error("no VEVENT");
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

const octets = (line: string) => new TextEncoder().encode(line).length;

describe("reminderCalendar", () => {
  it("writes a calendar with the required properties", () => {
    const { calendar, vevent } = parse(reminderCalendar(base));
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("prodid")).toBe("-//Limber//Reminders//EN");
    expect(calendar.getFirstPropertyValue("calscale")).toBe("GREGORIAN");
    expect(calendar.getAllSubcomponents("vevent")).toHaveLength(1);
    expect(vevent.getFirstPropertyValue("uid")).toBe("reminder-1@limber.local");
    expect(String(vevent.getFirstPropertyValue("dtstamp"))).toBe("2026-10-01T09:15:42Z");
  });

  it("names the anchor in the summary, gently", () => {
    const { event } = parse(reminderCalendar(base));
    expect(event.summary).toBe("Limber, after my morning coffee");
    expect(event.description).toContain("after my morning coffee");
    expect(event.description).toMatch(/\byour?\b/);
    expect(event.description).not.toContain("!");
    expect(event.description).not.toMatch(/streak|miss(ed)?\b|don't forget|fail/i);
  });

  it("repeats weekly on the chosen days, in calendar order", () => {
    const { event } = parse(reminderCalendar({ ...base, days: ["FR", "MO", "SU"] }));
    expect(event.isRecurring()).toBe(true);
    const rule = event.component.getFirstPropertyValue("rrule");
    if (!(rule instanceof ICAL.Recur)) throw new Error("no RRULE");
    expect(rule.freq).toBe("WEEKLY");
    expect(rule.getComponent("byday")).toEqual(["MO", "FR", "SU"]);

    const it = event.iterator();
    const next = [it.next(), it.next(), it.next(), it.next()].map((t) => t?.toString());
    expect(next).toEqual([
      "2026-10-05T07:30:00",
      "2026-10-09T07:30:00",
      "2026-10-11T07:30:00",
      "2026-10-12T07:30:00",
    ]);
  });

  it("starts at a floating local time with the default ten minutes", () => {
    const { event } = parse(reminderCalendar(base));
    expect(event.startDate.toString()).toBe("2026-10-05T07:30:00");
    expect(event.startDate.zone).toBe(ICAL.Timezone.localTimezone);
    expect(event.duration.toSeconds()).toBe(600);
    expect(event.endDate.toString()).toBe("2026-10-05T07:40:00");
  });

  it("starts in the named time zone when one is given", () => {
    const text = reminderCalendar({ ...base, timeZone: "Europe/Amsterdam", minutes: 25 });
    expect(text).toContain("DTSTART;TZID=Europe/Amsterdam:20261005T073000\r\n");
    const { calendar, vevent } = parse(text);
    const vtimezone = calendar.getFirstSubcomponent("vtimezone");
    if (vtimezone === null) throw new Error("no VTIMEZONE");
    expect(vtimezone.getFirstPropertyValue("tzid")).toBe("Europe/Amsterdam");
    ICAL.TimezoneService.register(vtimezone);
    try {
      const event = new ICAL.Event(vevent);
      expect(event.startDate.zone?.tzid).toBe("Europe/Amsterdam");
      expect(event.startDate.toString()).toBe("2026-10-05T07:30:00");
      expect(event.duration.toSeconds()).toBe(25 * 60);
      // Summer time (+02:00) on 5 October, winter time (+01:00) from 25 October.
      expect(event.startDate.toJSDate().toISOString()).toBe("2026-10-05T05:30:00.000Z");
      const later = event.iterator();
      let occurrence = later.next();
      while (occurrence !== null && occurrence.toString() < "2026-10-26") {
        occurrence = later.next();
      }
      expect(occurrence?.toString()).toBe("2026-10-26T07:30:00");
      expect(occurrence?.toJSDate().toISOString()).toBe("2026-10-26T06:30:00.000Z");
    } finally {
      ICAL.TimezoneService.remove("Europe/Amsterdam");
    }
  });

  it("describes a zone without daylight saving", () => {
    const { calendar } = parse(reminderCalendar({ ...base, timeZone: "Asia/Tokyo" }));
    const standard = calendar.getFirstSubcomponent("vtimezone")?.getFirstSubcomponent("standard");
    expect(standard?.getFirstPropertyValue("tzoffsetto")?.toString()).toBe("+09:00");
  });

  it("has an alarm at the start with the same gentle text", () => {
    const { vevent, event } = parse(reminderCalendar(base));
    const alarms = vevent.getAllSubcomponents("valarm");
    expect(alarms).toHaveLength(1);
    const alarm = alarms[0];
    expect(alarm?.getFirstPropertyValue("action")).toBe("DISPLAY");
    expect(alarm?.getFirstPropertyValue("trigger")?.toString()).toBe("PT0S");
    expect(alarm?.getFirstPropertyValue("description")).toBe(event.description);
  });

  it("uses CRLF endings and folds every line within 75 octets", () => {
    const anchor = `after the school run ☕ ${"é".repeat(60)}`.slice(0, 120);
    for (const timeZone of [undefined, "America/New_York"]) {
      const text = reminderCalendar({ ...base, anchor, timeZone });
      expect(text.endsWith("\r\n")).toBe(true);
      expect(text.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
      const lines = text.split("\r\n").slice(0, -1);
      for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
      expect(lines.some((line) => line.startsWith(" "))).toBe(true);
      expect(parse(text).event.summary).toBe(`Limber, ${anchor}`);
    }
  });

  it("never splits a multi-byte character when folding", () => {
    const line = `SUMMARY:${"🌿".repeat(40)}`;
    const folded = foldLine(line).split("\r\n");
    for (const part of folded) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      expect(part).not.toContain("\uFFFD");
    }
    expect(folded.map((part, i) => (i === 0 ? part : part.slice(1))).join("")).toBe(line);
  });

  it("round-trips an anchor with commas, semicolons, backslashes and non-ASCII text", () => {
    const anchor = "après le café, avant l'école; when the kettle\\pot boils — 朝のコーヒーの後";
    const text = reminderCalendar({ ...base, anchor });
    expect(text).toContain("\\,");
    expect(text).toContain("\\;");
    const { event } = parse(text);
    expect(event.summary).toBe(`Limber, ${anchor}`);
    expect(event.description).toContain(anchor);
  });

  it("escapes a newline in the anchor", () => {
    const text = reminderCalendar({ ...base, anchor: "after coffee\nand toast" });
    expect(parse(text).event.summary).toBe("Limber, after coffee\nand toast");
  });

  it("is pure: the same input gives the same file", () => {
    expect(reminderCalendar(base)).toBe(reminderCalendar({ ...base }));
  });

  describe("rejects bad input with a clear message", () => {
    const cases: [string, Partial<ReminderOptions>, RegExp][] = [
      ["a time past midnight", { time: "24:00" }, /time "24:00" is not a 24-hour "HH:MM"/],
      ["a time without a leading zero", { time: "7:30" }, /time "7:30"/],
      ["a time with seconds", { time: "07:30:00" }, /time "07:30:00"/],
      ["an empty day list", { days: [] }, /days are empty/],
      ["duplicate days", { days: ["MO", "TU", "MO"] }, /days repeat: MO/],
      ["an empty anchor", { anchor: "   " }, /anchor is empty/],
      ["a long anchor", { anchor: "a".repeat(121) }, /anchor is too long: at most 120/],
      ["a zero length", { minutes: 0 }, /length 0 is not a whole number of minutes/],
      ["a bad start day", { start: "2026-02-30" }, /start "2026-02-30"/],
      ["an invalid stamp", { stamp: new Date(Number.NaN) }, /stamp is not a valid Date/],
      ["an unknown time zone", { timeZone: "Mars/Olympus" }, /time zone "Mars\/Olympus"/],
      ["an empty uid", { uid: "" }, /uid is empty/],
    ];
    it.each(cases)("%s", (_name, change, message) => {
      expect(() => reminderCalendar({ ...base, ...change })).toThrow(message);
    });

    it("accepts an anchor of exactly 120 characters", () => {
      expect(() => reminderCalendar({ ...base, anchor: "a".repeat(120) })).not.toThrow();
    });
  });
});
