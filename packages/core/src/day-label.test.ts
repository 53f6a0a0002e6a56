import { describe, expect, it } from "vitest";
import { dayLabel } from "./day-label.ts";
import { weekdayOf, weekStartOf } from "./days.ts";
import { WEEKDAY_NAMES, WEEKDAYS } from "./weekdays.ts";

describe("days, as Limber writes them", () => {
  it.each([
    ["2026-11-25", "Wednesday 25 November 2026", "25 Nov 2026", "25 Nov"],
    ["2027-01-01", "Friday 1 January 2027", "1 Jan 2027", "1 Jan"],
    ["2028-02-29", "Tuesday 29 February 2028", "29 Feb 2028", "29 Feb"],
    ["2026-09-06", "Sunday 6 September 2026", "6 Sep 2026", "6 Sep"],
  ])("%s is %s, %s, %s", (day, full, date, brief) => {
    expect(dayLabel(day)).toBe(full);
    expect(dayLabel(day, "full")).toBe(full);
    expect(dayLabel(day, "date")).toBe(date);
    expect(dayLabel(day, "brief")).toBe(brief);
  });

  it("refuses what is not a calendar day", () => {
    expect(() => dayLabel("2026-13-01")).toThrow('"2026-13-01" is not a calendar day');
    expect(() => dayLabel("someday")).toThrow("is not a calendar day");
  });
});

describe("the days of the week", () => {
  it("run Monday to Sunday, with their names", () => {
    expect(WEEKDAYS).toEqual(["MO", "TU", "WE", "TH", "FR", "SA", "SU"]);
    expect(WEEKDAYS.map((d) => WEEKDAY_NAMES[d].short)).toEqual([
      "Mon",
      "Tue",
      "Wed",
      "Thu",
      "Fri",
      "Sat",
      "Sun",
    ]);
    expect(WEEKDAY_NAMES.SU.long).toBe("Sunday");
  });

  it("name the day a calendar day falls on, across a month and a year's end", () => {
    const days = ["2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01"];
    expect(days.map(weekdayOf)).toEqual(["MO", "TU", "WE", "TH", "FR"]);
    expect(weekdayOf("2027-01-03")).toBe("SU");
    expect(weekStartOf("2027-01-03")).toBe("2026-12-28");
  });
});
