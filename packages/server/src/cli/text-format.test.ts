import { clockTime, doseText } from "@limber/core";
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
