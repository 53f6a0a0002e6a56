import type { Dose, DoseRange, Mode, Variant } from "../catalog/schema.ts";

/** Minutes and seconds, "1:00": how a timed block reads on a clock. */
export function clockTime(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/**
 * One block's dose in the shape of its work: holds as "2 × 15 s each side", reps as "1 × 8",
 * timed work as "1:00", or "60 s each side" when each leg gets its own minute.
 */
export function doseText(mode: Mode, dose: Dose): string {
  const each = dose.perSide ? " each side" : "";
  switch (mode) {
    case "hold":
      return `${dose.holds ?? 1} × ${dose.holdSeconds ?? 0} s${each}`;
    case "reps":
      return `${dose.sets ?? 1} × ${dose.reps ?? 0}${each}`;
    default:
      return dose.perSide ? `${dose.seconds ?? 0} s each side` : clockTime(dose.seconds ?? 0);
  }
}

const span = (range: readonly [number, number]): string =>
  range[0] === range[1] ? `${range[0]}` : `${range[0]}–${range[1]}`;

/** "1 set", "1–2 sets": a range of a counted thing, singular only for exactly one. */
const count = (range: [number, number], one: string, many: string) =>
  `${span(range)} ${range[1] === 1 ? one : many}`;

/**
 * A variant's allowed dose, e.g. "2–3 holds × 15–30 s each side"; with `range`, that range in
 * the variant's shape (a prescription's, say).
 */
export function doseRangeText(variant: Variant, range: DoseRange = variant.dose): string {
  const { sets, reps, holds, holdSeconds, seconds }: DoseRange = range;
  const each = variant.side === "each" ? " each side" : "";
  switch (variant.mode) {
    case "hold":
      return `${count(holds ?? [1, 1], "hold", "holds")} × ${span(holdSeconds ?? [0, 0])} s${each}`;
    case "reps":
      return `${count(sets ?? [1, 1], "set", "sets")} × ${span(reps ?? [0, 0])} reps${each}`;
    default:
      return `${span(seconds ?? [0, 0])} s${each}`;
  }
}
