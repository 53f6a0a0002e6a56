import { z } from "zod";
import { VARIANT_IDS, variantById } from "../catalog/index.ts";
import { WARNING_SIGN_IDS } from "../triage/signs.ts";

/**
 * The event log's types and runtime schemas (architecture.md). Everything a person records is
 * one of these immutable events; every boundary (storage load, sync, import, the CLI) parses
 * with `parseEvent`, so an event that passes here is safe for the coach to fold.
 */

export const PLAN_KINDS = ["standard", "light", "micro", "walk-only", "none"] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

const painScore = z.number().int().min(0).max(10);
const text = (max: number) => z.string().trim().min(1).max(max);
const variantId = z.enum(VARIANT_IDS as [string, ...string[]]);

export const checkInData = z
  .object({
    back: z.enum(["calm", "okay", "grumpy"]),
    pain: painScore.optional(),
    leg: z.enum(["none", "one-leg", "one-leg-worsening", "both-legs"]).optional(),
    signs: z
      .array(z.enum(WARNING_SIGN_IDS))
      .max(WARNING_SIGN_IDS.length)
      .refine((signs) => new Set(signs).size === signs.length, "each sign appears once")
      .optional(),
    context: z
      .object({
        sleep: z.enum(["poor", "ok", "good"]).optional(),
        stress: z.enum(["low", "medium", "high"]).optional(),
        deskDay: z.boolean().optional(),
        hardDayYesterday: z.boolean().optional(),
        minutes: z.number().int().min(1).max(240).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type CheckIn = z.infer<typeof checkInData>;

export const sessionBlock = z
  .object({
    exercise: z.string().min(1).max(40),
    variant: variantId,
    holds: z.number().int().min(0).max(10).optional(),
    holdSeconds: z.number().int().min(0).max(120).optional(),
    reps: z.number().int().min(0).max(50).optional(),
    sets: z.number().int().min(0).max(10).optional(),
    seconds: z.number().int().min(0).max(3600).optional(),
    /** The step of its exercise's progression the block was planned at, when it has one. */
    step: z.number().int().min(0).max(50).optional(),
    /** Softened during the session (R-BREATH): a shorter hold or a bent knee. */
    softened: z.boolean().optional(),
    /** Switched to the knee-bent or slider variant for nerve-like sensations (R-NERVE). */
    nerveSwitch: z.boolean().optional(),
    skipped: z.boolean().optional(),
  })
  .strict()
  .refine((block) => variantById(block.variant).exercise === block.exercise, {
    message: "this variant belongs to another exercise",
    path: ["exercise"],
  });
export type SessionBlock = z.infer<typeof sessionBlock>;

export const sessionData = z
  .object({
    kind: z.enum(PLAN_KINDS).exclude(["none"]).optional(),
    blocks: z.array(sessionBlock).max(30),
    feel: z.enum(["comfortable", "a-bit-much", "too-much"]),
    breathChat: z.boolean(),
    nerve: z.enum(["none", "brief", "persistent"]),
    painBefore: painScore.optional(),
    painAfter: painScore.optional(),
    note: text(4000).optional(),
  })
  .strict();
export type SessionRecord = z.infer<typeof sessionData>;

export const settingsData = z
  .object({
    region: z
      .string()
      .regex(/^[A-Z]{2}$/, "use a two-letter ISO 3166 country code, such as US or GB")
      .optional(),
    anchor: text(120).optional(),
    weeklyDays: z.number().int().min(1).max(7).optional(),
    birthYear: z.number().int().min(1900).max(2100).optional(),
    disclaimerAccepted: z.boolean().optional(),
  })
  .strict()
  .refine((settings) => Object.keys(settings).length > 0, "settings change at least one value");
export type SettingsChange = z.infer<typeof settingsData>;

export const clearanceData = z
  .object({
    by: z.enum(["family-doctor", "physiatrist", "physical-therapist", "other"]).optional(),
    note: text(2000).optional(),
  })
  .strict();

export const measurementData = z.discriminatedUnion("test", [
  z
    .object({
      test: z.literal("ake"),
      side: z.enum(["left", "right"]),
      deficitDegrees: z.number().min(0).max(90),
      method: z.enum(["inclinometer", "manual"]),
    })
    .strict(),
  z
    .object({
      test: z.literal("sit-and-reach"),
      cm: z.number().min(-50).max(60),
    })
    .strict(),
]);
export type Measurement = z.infer<typeof measurementData>;

const goalId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, "a goal id is letters, digits and dashes");
export const goalData = z.object({ goalId, activity: text(120) }).strict();
export const goalRatingData = z.object({ goalId, rating: painScore }).strict();
export const noteData = z.object({ text: text(4000) }).strict();
export const retractData = z.object({ target: z.uuid(), reason: text(500).optional() }).strict();

/** Payload schema and current version of every event type. */
export const EVENT_TYPES = {
  checkin: { v: 1, data: checkInData },
  session: { v: 1, data: sessionData },
  settings: { v: 1, data: settingsData },
  clearance: { v: 1, data: clearanceData },
  measurement: { v: 1, data: measurementData },
  goal: { v: 1, data: goalData },
  "goal-rating": { v: 1, data: goalRatingData },
  note: { v: 1, data: noteData },
  retract: { v: 1, data: retractData },
} as const;

export type EventType = keyof typeof EVENT_TYPES;
export const EVENT_TYPE_NAMES = Object.keys(EVENT_TYPES) as [EventType, ...EventType[]];

// `day` is the person's local calendar day for the event. It usually is the date of `at`, but a
// session recorded after midnight, or written down the next morning, may belong to the day before.
const envelope = {
  id: z.uuid("an event id is a UUID"),
  at: z.iso.datetime({ offset: true, message: "`at` is an ISO-8601 instant with an offset" }),
  day: z.iso.date("`day` is a calendar day, YYYY-MM-DD"),
};

const eventOf = <T extends EventType>(type: T) =>
  z
    .object({
      ...envelope,
      type: z.literal(type),
      v: z.literal(EVENT_TYPES[type].v),
      data: EVENT_TYPES[type].data as (typeof EVENT_TYPES)[T]["data"],
    })
    .strict();

export const eventSchema = z.discriminatedUnion("type", [
  eventOf("checkin"),
  eventOf("session"),
  eventOf("settings"),
  eventOf("clearance"),
  eventOf("measurement"),
  eventOf("goal"),
  eventOf("goal-rating"),
  eventOf("note"),
  eventOf("retract"),
]);

export type LimberEvent = z.infer<typeof eventSchema>;
export type EventOf<T extends EventType> = Extract<LimberEvent, { type: T }>;
