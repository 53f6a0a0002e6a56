/**
 * The phone as an inclinometer for the active knee extension test (domain.md §6). The phone lies
 * on the shin; the angle it makes with the floor is the shin's angle. Lying on the back with the
 * hip held at 90°, a shin parallel to the floor is a knee bent to 90° and a vertical shin is a
 * straight knee, so the deficit (the angle short of straight) is 90° minus the shin's tilt.
 */

/** A DeviceOrientationEvent's tilt angles, in degrees (W3C: beta about x, gamma about y). */
export interface Orientation {
  beta: number;
  gamma: number;
}

type Vector = readonly [number, number, number];

const RADIANS = Math.PI / 180;

/**
 * The direction "up" in the phone's own frame. With the W3C's Z-X'-Y'' angles, the earth's
 * vertical seen from the device is (−cos β sin γ, sin β, cos β cos γ): the compass heading
 * (alpha) drops out, so a drifting compass never moves the reading.
 */
export function upInDevice({ beta, gamma }: Orientation): Vector {
  const b = beta * RADIANS;
  const g = gamma * RADIANS;
  return [-Math.cos(b) * Math.sin(g), Math.sin(b), Math.cos(b) * Math.cos(g)];
}

/**
 * Degrees the phone has tilted since `reference` (0–180), in whichever direction: the angle
 * between the vertical as seen at calibration and now. Calibrating flat on the floor cancels
 * the sensor's own offset and a floor that is not quite level.
 */
export function tiltFrom(reference: Orientation, now: Orientation): number {
  const a = upInDevice(reference);
  const b = upInDevice(now);
  const dot = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  // atan2 of the cross and dot products stays exact near 0°, where acos loses precision.
  const cross = Math.hypot(
    a[1] * b[2] - a[2] * b[1],
    a[2] * b[0] - a[0] * b[2],
    a[0] * b[1] - a[1] * b[0],
  );
  return Math.atan2(cross, dot) / RADIANS;
}

/** The active knee extension deficit for a shin tilted `tilt` degrees from the floor: 0–90. */
export function deficitFromTilt(tilt: number): number {
  return Math.min(90, Math.max(0, 90 - tilt));
}

/** Whether a reading can be used: both angles present and finite. */
export function isReading(beta: unknown, gamma: unknown): boolean {
  return (
    typeof beta === "number" &&
    typeof gamma === "number" &&
    Number.isFinite(beta) &&
    Number.isFinite(gamma)
  );
}

export interface SteadyOptions {
  /** The reading must stay within this many degrees of the window's first value. */
  toleranceDegrees: number;
  /** For at least this long. */
  holdMs: number;
}

export const STEADY: SteadyOptions = { toleranceDegrees: 1.5, holdMs: 2000 };

/**
 * Watches a stream of angles for stillness. A phone that does not move may stop sending events,
 * so steadiness is judged on elapsed time (`check(now)`), not on a count of readings: the
 * reading is steady once it has stayed within the tolerance for `holdMs`.
 */
export class Steadiness {
  private start: { value: number; at: number } | undefined;
  private values: number[] = [];

  constructor(private readonly options: SteadyOptions = STEADY) {}

  /** A new reading at `at` milliseconds. */
  add(value: number, at: number): void {
    if (!Number.isFinite(value)) throw new Error("an angle reading must be a finite number");
    if (
      this.start === undefined ||
      Math.abs(value - this.start.value) > this.options.toleranceDegrees
    ) {
      this.start = { value, at };
      this.values = [value];
      return;
    }
    this.values.push(value);
  }

  /** Starts over, as after the phone is picked up. */
  reset(): void {
    this.start = undefined;
    this.values = [];
  }

  /** 0–1: how much of the hold has passed while still. */
  progress(now: number): number {
    if (!this.start) return 0;
    return Math.min(1, Math.max(0, (now - this.start.at) / this.options.holdMs));
  }

  /** The mean of the still window once it has lasted `holdMs`; otherwise undefined. */
  steadyValue(now: number): number | undefined {
    if (!this.start || now - this.start.at < this.options.holdMs) return undefined;
    return this.values.reduce((sum, v) => sum + v, 0) / this.values.length;
  }
}

/** Degrees rounded to a whole number, as the test is reported. */
export const wholeDegrees = (degrees: number): number => Math.round(degrees);
