import type { Dose, Step, Variant } from "../catalog/schema.ts";

/** Pauses the session timeline includes, so the total time shown is the time it takes. */
export const PAUSES = {
  /** Rest between two holds of a stretch. */
  betweenHolds: 10,
  /** Changing legs. */
  sideSwitch: 5,
  /** Rest between two sets. */
  betweenSets: 30,
  /** Moving from one block to the next. */
  betweenBlocks: 10,
} as const;

/** A step's amounts as a dose for this variant (amounts per side when the variant is sided). */
export function doseOf(variant: Variant, amounts: Step["dose"]): Dose {
  return { ...amounts, perSide: variant.side === "each" };
}

/** Seconds one block takes, pauses included. */
export function blockSeconds(variant: Variant, dose: Dose): number {
  const sides = dose.perSide ? 2 : 1;
  let perSide: number;
  switch (variant.mode) {
    case "hold": {
      const holds = dose.holds ?? 1;
      perSide = holds * (dose.holdSeconds ?? 0) + (holds - 1) * PAUSES.betweenHolds;
      break;
    }
    case "reps": {
      const sets = dose.sets ?? 1;
      perSide =
        sets * (dose.reps ?? 0) * (variant.secondsPerRep ?? 0) + (sets - 1) * PAUSES.betweenSets;
      break;
    }
    default:
      perSide = dose.seconds ?? 0;
  }
  return sides * perSide + (sides - 1) * PAUSES.sideSwitch;
}

/** Seconds of sustained stretch a block puts on each leg (R-DOSE-TOTAL counts these). */
export function stretchSecondsPerLeg(variant: Variant, dose: Dose): number {
  if (variant.role !== "stretch" || variant.mode !== "hold") return 0;
  return (dose.holds ?? 0) * (dose.holdSeconds ?? 0);
}

/** Whether a dose stays within its variant's range ceilings (domain.md §2–3). */
export function withinCeilings(variant: Variant, dose: Dose): boolean {
  for (const field of ["sets", "reps", "holds", "holdSeconds", "seconds"] as const) {
    const amount = dose[field];
    const range = variant.dose[field];
    if (amount === undefined) continue;
    if (!range || amount > range[1]) return false;
  }
  return true;
}
