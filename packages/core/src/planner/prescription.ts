import { type ExerciseId, exerciseById, variantById } from "../catalog/index.ts";
import type { DoseRange, Variant } from "../catalog/schema.ts";
import type { Programme } from "../events/schema.ts";
import { termsFor } from "../programme/active.ts";
import {
  DOSE_FIELDS,
  narrowedRange,
  type PrescribedLadder,
  prescribedLadder,
} from "../programme/ladder.ts";
import {
  allowedIds,
  ownerInSentence,
  prescribedDoseText,
  programmeOwner,
} from "../programme/words.ts";
import { type RuleId, reason } from "../rules.ts";
import { type Dropped, gentleRuleOf } from "./adjust.ts";
import { amountsOf, type PlanBlock, planBlock } from "./block.ts";
import type { Day } from "./day.ts";
import { doseText } from "./dose-text.ts";
import type { Allowed } from "./gentler.ts";
import type { Level } from "./levels.ts";
import { type StepPace, WEEKLY_PACE } from "./progression.ts";

/**
 * What a prescribed programme changes in a plan (docs/clinicians.md): which variants may be
 * chosen, the dose range each block stays in, the ladder each exercise climbs and how fast.
 * With no programme every answer is Limber's own, so the plan is exactly as it always was.
 */
export interface Followed {
  programme: Programme;
  /** "Your physiotherapist's programme": how reasons name it. */
  owner: string;
}

export function followed(programme: Programme | undefined): Followed | undefined {
  return programme ? { programme, owner: programmeOwner(programme) } : undefined;
}

/** The variants a programme lets the planner choose: none of a left-out exercise. */
export function allowedBy(programme: Programme | undefined): Allowed {
  if (!programme) return () => true;
  return (variant) => {
    const terms = termsFor(programme, variant.exercise);
    if (terms.kind === "excluded") return false;
    if (terms.kind === "open") return true;
    return terms.prescription.variants?.includes(variant.id) ?? true;
  };
}

export function isExcluded(programme: Programme | undefined, exercise: ExerciseId): boolean {
  return termsFor(programme, exercise).kind === "excluded";
}

/** The pace of steps up a programme sets (R-PROGRESS's weekly pace when it sets none). */
export function paceOf(followedProgramme: Followed | undefined): StepPace {
  if (!followedProgramme) return WEEKLY_PACE;
  const { programme } = followedProgramme;
  const owner = ownerInSentence(followedProgramme.owner);
  switch (programme.progression) {
    case "limber":
      return WEEKLY_PACE;
    case "slow":
      return { days: 14, owner };
    case "none":
      return { owner };
  }
}

/** The ladder an exercise climbs under a programme: the steps its allowed variants leave. */
export function ladderFor(
  programme: Programme | undefined,
  exercise: ExerciseId,
): PrescribedLadder {
  const terms = termsFor(programme, exercise);
  const variants = terms.kind === "prescribed" ? terms.prescription.variants : undefined;
  const ladder = prescribedLadder(exercise, variants);
  if (!ladder) throw new Error(`${exercise} has no steps to climb`);
  return ladder;
}

/**
 * A level on the whole progression as a place on the prescribed ladder: the highest allowed
 * step at or below it (the gentler side), or the ladder's first step when all lie above.
 */
export function levelOnLadder(
  ladder: PrescribedLadder,
  level: Level | undefined,
): Level | undefined {
  if (!level) return undefined;
  let step = 0;
  for (const [i, index] of ladder.indices.entries()) if (index <= level.step) step = i;
  return { ...level, step };
}

/** The dose range a block of `variant` stays in: the prescription's ∩ the catalog's. */
export function rangeFor(programme: Programme | undefined, variant: Variant): DoseRange {
  const terms = termsFor(programme, variant.exercise);
  return narrowedRange(variant, terms.kind === "prescribed" ? terms.prescription.dose : undefined);
}

/** The block with every amount moved into its prescribed range; unchanged with no programme. */
export function withinPrescription(programme: Programme | undefined, block: PlanBlock): PlanBlock {
  if (termsFor(programme, block.exercise).kind !== "prescribed") return block;
  const variant = variantById(block.variant);
  const range = rangeFor(programme, variant);
  const amounts = amountsOf(block);
  for (const field of DOSE_FIELDS) {
    const limits = range[field];
    const amount = amounts[field];
    if (!limits || amount === undefined) continue;
    amounts[field] = Math.min(limits[1], Math.max(limits[0], amount));
  }
  return planBlock(variant, amounts, block.reasons, block.step);
}

/** Whether `block` asks for less than `asked` in any amount, or for another variant. */
export function gentlerThan(block: PlanBlock, asked: PlanBlock): boolean {
  if (block.variant !== asked.variant) return true;
  return DOSE_FIELDS.some((field) => (block.dose[field] ?? 0) < (asked.dose[field] ?? 0));
}

/** The exercise's name as a sentence says it: "the strap-supported hamstring stretch". */
export function exerciseWords(exercise: ExerciseId): string {
  const name = exerciseById(exercise).name;
  return `the ${name.charAt(0).toLowerCase()}${name.slice(1)}`;
}

/** Why today is gentler than a programme asks, after "because", by the rule that made it so. */
function because(day: Day, rule: RuleId): string {
  switch (rule) {
    case "R-GRUMPY":
      return "your back is grumpy today";
    case "R-NERVE":
      return "of leg symptoms or nerve-like feelings this week";
    case "R-SPIKE":
      return "pain rose after two recent sessions";
    case "R-PAIN-HIGH":
      return "your pain is high today";
    case "R-RECOVERY":
      return "yesterday was a hard day";
    case "R-LIGHT-LOAD": {
      const light = gentleRuleOf(day);
      return light && light !== "R-LIGHT-LOAD" ? because(day, light) : "today is a light day";
    }
    case "R-DOSE-HOLD":
      return "holds over 30 seconds are for calm days";
    case "R-BREAK":
      return "you are coming back after a break";
    case "R-DOSE-TOTAL":
      return "stretching stays under about 4 minutes a leg";
    default:
      return "of today's rules";
  }
}

/**
 * The rule that made a block gentler than the programme asked: the day's gentle rule (R-NERVE,
 * R-SPIKE, a light day's), else the first rule today's changes named.
 */
export function causeOf(day: Day, asked: PlanBlock, block: PlanBlock): RuleId {
  const gentle = gentleRuleOf(day);
  if (gentle) return gentle;
  const added = block.reasons.filter((r) => !asked.reasons.includes(r) && r.rule !== "R-PROGRESS");
  const changed = added.find((r) => r.text !== reason(r.rule).text) ?? added[0];
  return changed?.rule ?? "R-DOSE-HOLD";
}

/** "Your physiotherapist's programme allows 40 s each side; today is gentler because …". */
export function gentlerText(day: Day, followed: Followed, asked: PlanBlock, rule: RuleId): string {
  const dose = doseText(asked.mode, asked.dose);
  return `${followed.owner} allows ${asked.name}, ${dose}; today is gentler because ${because(day, rule)}.`;
}

/** "The strap-supported hamstring stretch is left out today: because …, it needs …, and …". */
export function leftOutText(day: Day, followed: Followed, asked: PlanBlock, left: Dropped): string {
  const prescription = termsFor(followed.programme, left.exercise);
  const names =
    prescription.kind === "prescribed"
      ? allowedIds(prescription.prescription).map((id) => variantById(id).name)
      : [asked.name];
  const what = exerciseWords(left.exercise);
  const owner = ownerInSentence(followed.owner);
  return `${what.charAt(0).toUpperCase()}${what.slice(1)} is left out today: because ${because(day, left.rule)}, it needs ${left.needs}, and ${owner} allows only ${names.join(" or ")}.`;
}

/** "Your physiotherapist's programme sets this one: Nerve slider with head nod only, 40–45 s each side." */
export function prescribedText(followed: Followed, exercise: ExerciseId): string {
  const terms = termsFor(followed.programme, exercise);
  if (terms.kind !== "prescribed") return `${followed.owner} leaves this one to Limber.`;
  const { prescription } = terms;
  const names = prescription.variants
    ? `${prescription.variants.map((id) => variantById(id).name).join(" or ")} only`
    : "any of its variants";
  return `${followed.owner} sets this one: ${names}, ${prescribedDoseText(prescription)}.`;
}
