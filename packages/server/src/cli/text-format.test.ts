import { clockTime, doseText, longDay } from "@limber/core";
import { describe, expect, it } from "vitest";

describe("doses, in the shape of their work", () => {
  it.each([
    ["hold", { holds: 2, holdSeconds: 15, perSide: true }, "2 × 15 s each side"],
    ["reps", { sets: 1, reps: 8, perSide: false }, "1 × 8"],
    ["reps", { sets: 2, reps: 10, perSide: true }, "2 × 10 each side"],
    ["breath", { seconds: 60, perSide: false }, "1:00"],
    ["active", { seconds: 300, perSide: false }, "5:00"],
    ["active", { seconds: 60, perSide: true }, "60 s each side"],
  ] as const)("%s %o reads %s", (mode, dose, text) => {
    expect(doseText(mode, dose)).toBe(text);
  });

  it("shows minutes and seconds on a clock", () => {
    expect([clockTime(30), clockTime(75), clockTime(600)]).toEqual(["0:30", "1:15", "10:00"]);
  });
});

describe("days, as a person reads them", () => {
  it.each([
    ["2026-11-25", "Wednesday 25 November 2026"],
    ["2027-01-01", "Friday 1 January 2027"],
    ["2028-02-29", "Tuesday 29 February 2028"],
  ])("%s is %s", (day, text) => {
    expect(longDay(day)).toBe(text);
  });
});
