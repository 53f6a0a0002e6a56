import { describe, expect, it } from "vitest";
import { minutesText, wholeMinutes } from "./minutes.ts";

describe("minutes", () => {
  it("counts a duration to the nearest minute", () => {
    expect([0, 29, 30, 89, 90, 600].map(wholeMinutes)).toEqual([0, 0, 1, 1, 2, 10]);
  });

  it('writes a duration as "N min", never "0 min"', () => {
    expect([20, 60, 400, 539, 600].map(minutesText)).toEqual([
      "1 min",
      "1 min",
      "7 min",
      "9 min",
      "10 min",
    ]);
  });
});
