import { z } from "zod/mini";
import { isSourceId, type SourceId } from "../sources.ts";
import type { ExerciseId } from "./exercise-ids.ts";
import type { VARIANTS } from "./variants.ts";

/** Attributes that rules reason about (domain.md §2); no rule depends on an exercise's name. */
export const ROLES = [
  "warmup",
  "mobility",
  "stretch",
  "nerve-glide",
  "hinge",
  "strength",
  "walk",
] as const;
export const KNEES = ["bent", "soft", "straight", "n/a"] as const;
export const MODES = ["breath", "active", "hold", "reps"] as const;
export const SIDES = ["both", "each"] as const;
export const POSITIONS = ["supine", "kneeling", "standing", "seated"] as const;
export const PROPS = ["mat", "strap", "stool", "chair", "dowel", "light-weight"] as const;

export type Role = (typeof ROLES)[number];
export type Knee = (typeof KNEES)[number];
export type Mode = (typeof MODES)[number];
export type Side = (typeof SIDES)[number];
export type Position = (typeof POSITIONS)[number];
export type Prop = (typeof PROPS)[number];

// Built when first used, as the event schemas are (events/schema.ts): the app's start checks
// nothing against the catalog.
const slug = () =>
  z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "use lowercase words joined by dashes"));
const sentence = () => z.string().check(z.trim(), z.minLength(3), z.maxLength(240));
const sourceId = () =>
  z.string().check(z.refine(isSourceId, "unknown source id")) as unknown as z.ZodMiniType<SourceId>;

const range = (max: number) =>
  z
    .tuple([
      z.int().check(z.minimum(1), z.maximum(max)),
      z.int().check(z.minimum(1), z.maximum(max)),
    ])
    .check(
      z.refine(([low, high]) => low <= high, "the low end of a range cannot be above its high end"),
    );

/** The amounts a variant may be done in; the planner never goes above a high end. */
export const doseRangeSchema = z.lazy(() =>
  z.strictObject({
    sets: z.optional(range(5)),
    reps: z.optional(range(30)),
    holds: z.optional(range(5)),
    holdSeconds: z.optional(range(45)),
    seconds: z.optional(range(900)),
  }),
);
export type DoseRange = z.infer<typeof doseRangeSchema>;

/** What one block of a session asks for. Amounts apply to each side when `perSide` is true. */
export interface Dose {
  sets?: number;
  reps?: number;
  holds?: number;
  holdSeconds?: number;
  seconds?: number;
  perSide: boolean;
}

/** Which dose fields each mode needs: the shape of the work decides what can be counted. */
export const DOSE_FIELDS_BY_MODE = {
  breath: ["seconds"],
  active: ["seconds"],
  hold: ["holds", "holdSeconds"],
  reps: ["sets", "reps"],
} as const satisfies Record<Mode, readonly (keyof DoseRange)[]>;

export const variantSchema = z.lazy(() =>
  z
    .strictObject({
      id: slug(),
      exercise: slug(),
      name: z.string().check(z.trim(), z.minLength(3), z.maxLength(40)),
      role: z.enum(ROLES),
      knee: z.enum(KNEES),
      mode: z.enum(MODES),
      side: z.enum(SIDES),
      position: z.enum(POSITIONS),
      intensity: z.int().check(z.minimum(1), z.maximum(5)),
      dose: doseRangeSchema,
      /** Seconds one repetition takes at the paced tempo (reps mode only). */
      secondsPerRep: z.optional(z.int().check(z.minimum(2), z.maximum(12))),
      /** Inhale, hold, exhale, hold, in seconds (breath mode only). */
      breathPattern: z.optional(z.tuple([z.number(), z.number(), z.number(), z.number()])),
      props: z.array(z.enum(PROPS)),
      sources: z.array(sourceId()).check(z.minLength(1)),
    })
    .check(
      z.superRefine((variant, ctx) => {
        const needed = DOSE_FIELDS_BY_MODE[variant.mode];
        for (const field of needed) {
          if (!variant.dose[field]) {
            ctx.addIssue({
              code: "custom",
              path: ["dose", field],
              message: `a ${variant.mode} variant needs a ${field} range`,
            });
          }
        }
        for (const field of Object.keys(variant.dose)) {
          if (!(needed as readonly string[]).includes(field)) {
            ctx.addIssue({
              code: "custom",
              path: ["dose", field],
              message: `a ${variant.mode} variant is not dosed in ${field}`,
            });
          }
        }
        if ((variant.mode === "reps") !== (variant.secondsPerRep !== undefined)) {
          ctx.addIssue({
            code: "custom",
            path: ["secondsPerRep"],
            message: "reps variants, and only they, give secondsPerRep",
          });
        }
        if ((variant.mode === "breath") !== (variant.breathPattern !== undefined)) {
          ctx.addIssue({
            code: "custom",
            path: ["breathPattern"],
            message: "breath variants, and only they, give breathPattern",
          });
        }
      }),
    ),
);

/**
 * What a person reads about a variant (catalog/words.ts): a few steps to set up, two to four cues
 * while moving, how it should feel and when to soften or stop. Kept apart from the variant, which
 * the planner reads on every screen, so the words load only with the screens that show them.
 */
export const variantWordsSchema = z.lazy(() =>
  z.strictObject({
    setup: z.array(sentence()).check(z.minLength(1), z.maxLength(5)),
    cues: z.array(sentence()).check(z.minLength(2), z.maxLength(4)),
    feel: sentence(),
    softenWhen: sentence(),
  }),
);
export type VariantWords = z.infer<typeof variantWordsSchema>;

/** A variant as its schema reads it, ids still plain strings. */
export type VariantSpec = z.infer<typeof variantSchema>;
/** A variant of the catalog: its id and its exercise's id are the catalog's own literals. */
export type Variant = VariantSpec & { id: VariantId; exercise: ExerciseId };
export type VariantId = (typeof VARIANTS)[number]["id"];

/** One rung of an exercise's progression: a variant at a dose (progression as data). */
export interface Step {
  variant: VariantId;
  dose: Omit<Dose, "perSide">;
}

export interface Exercise {
  id: ExerciseId;
  name: string;
  /** Variants in ladder order, gentlest first. */
  ladder: VariantId[];
  /** Variants beside the ladder, chosen by a rule rather than by progression (a nerve slider). */
  alternatives: VariantId[];
  /** The progression, one step at a time (R-PROGRESS); absent for exercises done at a fixed dose. */
  steps?: Step[];
  /** Steps of a variant beside the ladder, climbed on its own while a rule keeps it in use. */
  alternativeSteps?: Partial<Record<VariantId, Step[]>>;
}
