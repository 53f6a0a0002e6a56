import {
  type CheckIn,
  daysBetween,
  EXERCISES,
  type ExerciseId,
  exerciseById,
  type SessionBlock,
  type SessionRecord,
  type Step,
  type VariantId,
  variantById,
} from "@limber/core";
import type { SeededRandom } from "./seeded-random.ts";

/** The exercises with a progression: the ones whose steps a practice climbs. */
const PROGRESSIVE: ExerciseId[] = EXERCISES.filter((e) => e.steps).map((e) => e.id);

/**
 * A person's place on each exercise's progression, moved along roughly the way R-PROGRESS
 * allows (a step up every week or two when sessions feel comfortable), so ten years of
 * sessions climb the ladders the way a real log would.
 */
export class Practice {
  private readonly steps = new Map(PROGRESSIVE.map((id) => [id, 0]));
  private readonly lastStepUp = new Map<string, string>();
  private bridgeNext = true;

  constructor(private readonly random: SeededRandom) {}

  /** The session of a day with this check-in, as the person recorded it. */
  session(day: string, checkIn: CheckIn): SessionRecord {
    const minutes = checkIn.context?.minutes;
    if (minutes !== undefined && minutes < 5) return this.micro(checkIn);
    const light = checkIn.back === "grumpy" || checkIn.context?.hardDayYesterday === true;
    const strength = this.bridgeNext ? "bridge" : "dead-bug";
    this.bridgeNext = !this.bridgeNext;
    const ids: ExerciseId[] = ["hip-rolls", "floss", "strap-stretch", "hip-hinge", strength];
    const blocks = ids.map((id) => this.block(id, day, light));
    return this.recorded(light ? "light" : "standard", blocks, checkIn);
  }

  private block(exerciseId: ExerciseId, day: string, light: boolean): SessionBlock {
    const exercise = exerciseById(exerciseId);
    const steps = exercise.steps ?? [];
    let index = this.steps.get(exerciseId) ?? 0;
    const since = this.lastStepUp.get(exerciseId);
    const waited = since === undefined || daysBetween(since, day) >= 7;
    if (!light && index < steps.length - 1 && waited && this.random.chance(0.2)) {
      index += 1;
      this.steps.set(exerciseId, index);
      this.lastStepUp.set(exerciseId, day);
    }
    const step = steps[index] as Step;
    // A light day keeps the variant at the low end of its range (R-GRUMPY, R-RECOVERY).
    const dose = light ? lowEnd(step.variant) : step.dose;
    return { exercise: exerciseId, variant: step.variant, ...dose };
  }

  private micro(checkIn: CheckIn): SessionRecord {
    const hinge = (exerciseById("hip-hinge").steps ?? [])[this.steps.get("hip-hinge") ?? 0];
    const blocks: SessionBlock[] = [
      { exercise: "warmup", variant: "warmup-knee-bends", seconds: 30 },
      { exercise: "desk", variant: "desk-knee-extension", sets: 1, reps: 8 },
      { exercise: "hip-hinge", variant: hinge?.variant ?? "hinge-tall-kneel", sets: 1, reps: 8 },
    ];
    return this.recorded("micro", blocks, checkIn);
  }

  private recorded(
    kind: "standard" | "light" | "micro",
    blocks: SessionBlock[],
    checkIn: CheckIn,
  ): SessionRecord {
    const feel = this.random.weighted([
      ["comfortable", 90],
      ["a-bit-much", 8],
      ["too-much", 2],
    ] as const);
    const record: SessionRecord = {
      kind,
      blocks,
      feel,
      breathChat: feel !== "too-much",
      nerve: this.random.weighted([
        ["none", 95],
        ["brief", 4],
        ["persistent", 1],
      ] as const),
    };
    if (checkIn.pain !== undefined) {
      record.painBefore = checkIn.pain;
      record.painAfter = Math.max(0, Math.min(10, checkIn.pain + this.random.int(-2, 1)));
    }
    if (this.random.chance(0.05)) record.note = "Felt looser by the end.";
    return record;
  }
}

function lowEnd(variantId: VariantId): Step["dose"] {
  const { dose } = variantById(variantId);
  const low: Step["dose"] = {};
  for (const field of ["sets", "reps", "holds", "holdSeconds", "seconds"] as const) {
    const range = dose[field];
    if (range) low[field] = range[0];
  }
  return low;
}
