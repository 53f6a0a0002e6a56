import { variantById } from "../catalog/index.ts";
import type { Programme } from "../events/schema.ts";
import { type Reason, reason } from "../rules.ts";
import { HOLD_CEILING_NOT_CALM } from "./adjust.ts";
import { amountsOf, type PlanBlock, planBlock, totalSeconds } from "./block.ts";
import { rangeFor } from "./prescription.ts";

type Cut = (block: PlanBlock, programme?: Programme) => PlanBlock;

/**
 * R-BLEND within R-DOSE-SESSION: the cuts that make a session fit the minutes available, in the
 * order they are made. The hinge and the strength block are never dropped: long holds shorten
 * to 30 s first (which gains as much range), then three holds become two, then the floss and
 * the warm-up shorten, then strength is one set.
 */
const CUTS: readonly Cut[] = [
  // A prescribed range whose low end is above 30 s keeps its holds: the cuts after this one apply.
  (b, p) =>
    b.mode === "hold" &&
    (b.dose.holdSeconds ?? 0) > HOLD_CEILING_NOT_CALM &&
    (rangeFor(p, variantById(b.variant)).holdSeconds?.[0] ?? 0) <= HOLD_CEILING_NOT_CALM
      ? shortened(b, { holdSeconds: HOLD_CEILING_NOT_CALM }, holdsShortened)
      : b,
  (b, p) => (b.mode === "hold" ? toLowEnd(b, "holds", p) : b),
  (b, p) => (b.role === "mobility" || b.role === "nerve-glide" ? toLowEnd(b, "seconds", p) : b),
  (b, p) => (b.role === "warmup" ? toLowEnd(b, "seconds", p) : b),
  (b, p) => (b.role === "strength" ? toLowEnd(b, "sets", p) : b),
];

const holdsShortened = reason(
  "R-DOSE-HOLD",
  "Holds are 30 seconds today to fit the time; 30 seconds gains as much range as longer holds.",
);
const fitTheTime = reason(
  "R-DOSE-SESSION",
  "Shorter today to fit the time you have; your place on its ladder is kept.",
);

/**
 * The session shortened, gentlest cut first, until it fits `budget` seconds; undefined when
 * even every cut leaves it too long (then a short session is planned instead, R-TIME).
 */
export function fitToBudget(
  blocks: PlanBlock[],
  budget: number,
  programme?: Programme,
): PlanBlock[] | undefined {
  let current = blocks;
  for (const cut of CUTS) {
    if (totalSeconds(current) <= budget) return current;
    current = current.map((b) => cut(b, programme));
  }
  return totalSeconds(current) <= budget ? current : undefined;
}

/** The cut to the low end of a block's range: its prescribed range's, under a programme. */
function toLowEnd(
  b: PlanBlock,
  field: "seconds" | "sets" | "holds",
  programme?: Programme,
): PlanBlock {
  const range = rangeFor(programme, variantById(b.variant))[field];
  const amount = b.dose[field];
  if (!range || amount === undefined || amount <= range[0]) return b;
  return shortened(b, { [field]: range[0] }, fitTheTime);
}

/**
 * The block with less of one amount, for time: its progression note and any sentence about the
 * old amount give way to the reason for the cut (R-HONEST-TEXT); the step it is on stays.
 */
function shortened(b: PlanBlock, change: Partial<PlanBlock["dose"]>, why: Reason): PlanBlock {
  const stale = (r: Reason) =>
    r.rule === "R-PROGRESS" ||
    r.text === why.text ||
    ("holdSeconds" in change && r.rule === "R-DOSE-HOLD");
  const reasons = [...b.reasons.filter((r) => !stale(r)), why];
  return planBlock(variantById(b.variant), { ...amountsOf(b), ...change }, reasons, b.step);
}
