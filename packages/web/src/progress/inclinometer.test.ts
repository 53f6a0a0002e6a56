import { describe, expect, it } from "vitest";
import { deficitFromTilt, isReading, Steadiness, tiltFrom, upInDevice } from "./inclinometer.ts";

const FLAT = { beta: 0, gamma: 0 };

describe("the phone as an inclinometer", () => {
  it("sees up along the screen's normal when flat and along its top edge when upright", () => {
    const rounded = (v: readonly number[]) => v.map((x) => Math.abs(Number(x.toFixed(6))));
    expect(rounded(upInDevice(FLAT))).toEqual([0, 0, 1]);
    expect(rounded(upInDevice({ beta: 90, gamma: 0 }))).toEqual([0, 1, 0]);
    expect(rounded(upInDevice({ beta: 0, gamma: 90 }))).toEqual([1, 0, 0]);
  });

  it("measures tilt about either axis from the calibration", () => {
    expect(tiltFrom(FLAT, { beta: 60, gamma: 0 })).toBeCloseTo(60, 6);
    expect(tiltFrom(FLAT, { beta: 0, gamma: -35 })).toBeCloseTo(35, 6);
    expect(tiltFrom(FLAT, { beta: -25, gamma: 0 })).toBeCloseTo(25, 6);
    expect(tiltFrom(FLAT, FLAT)).toBe(0);
  });

  it("takes the calibration's own offset away (a floor or sensor 3° off level)", () => {
    const floor = { beta: 3, gamma: 0 };
    expect(tiltFrom(floor, { beta: 63, gamma: 0 })).toBeCloseTo(60, 6);
    expect(tiltFrom(floor, floor)).toBe(0);
  });

  it("combines tilt about both axes", () => {
    // Up vectors (−sin 30°·cos 30°…): the angle between them is the full tilt, not either part.
    const tilt = tiltFrom(FLAT, { beta: 30, gamma: 30 });
    expect(tilt).toBeCloseTo((Math.acos(Math.cos(Math.PI / 6) ** 2) * 180) / Math.PI, 6);
    expect(tilt).toBeGreaterThan(30);
  });

  it("turns the shin's tilt into the deficit short of a straight knee", () => {
    expect(deficitFromTilt(0)).toBe(90);
    expect(deficitFromTilt(62)).toBe(28);
    expect(deficitFromTilt(90)).toBe(0);
    expect(deficitFromTilt(97)).toBe(0);
  });

  it("accepts only finite angles as a reading", () => {
    expect(isReading(10, -4)).toBe(true);
    expect(isReading(null, 3)).toBe(false);
    expect(isReading(Number.NaN, 3)).toBe(false);
  });
});

describe("steadiness", () => {
  it("is steady only after the hold time within the tolerance, and gives the window's mean", () => {
    const still = new Steadiness({ toleranceDegrees: 1, holdMs: 2000 });
    still.add(60, 0);
    still.add(60.5, 500);
    still.add(59.5, 1000);
    expect(still.steadyValue(1999)).toBeUndefined();
    expect(still.progress(1000)).toBe(0.5);
    expect(still.steadyValue(2000)).toBe(60);
  });

  it("judges time, not the number of events, so a phone that sends one reading can settle", () => {
    const still = new Steadiness({ toleranceDegrees: 1, holdMs: 2000 });
    still.add(28, 100);
    expect(still.steadyValue(2100)).toBe(28);
  });

  it("starts the hold again when the phone moves past the tolerance", () => {
    const still = new Steadiness({ toleranceDegrees: 1, holdMs: 2000 });
    still.add(40, 0);
    still.add(45, 1500);
    expect(still.steadyValue(2000)).toBeUndefined();
    expect(still.steadyValue(3500)).toBe(45);
    still.reset();
    expect(still.progress(5000)).toBe(0);
  });

  it("refuses an angle that is not a number", () => {
    expect(() => new Steadiness().add(Number.NaN, 0)).toThrow(/finite number/);
  });
});
