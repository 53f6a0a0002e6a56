import { z } from "zod/mini";
import { doseRangeSchema, EXERCISE_IDS, VARIANT_IDS, variantById } from "../catalog/index.ts";
import { variantsOf } from "../planner/block.ts";
import { DOSE_FIELDS, overlap, PRESCRIBABLE, prescribedLadder } from "../programme/ladder.ts";
import { WARNING_SIGN_IDS } from "../triage/signs.ts";
import { WEEKDAYS } from "../weekdays.ts";

/**
 * The event log's types and runtime schemas (architecture.md). Everything a person records is
 * one of these immutable events; every boundary (storage load, sync, import, the CLI) parses
 * with `parseEvent`, so an event that passes here is safe for the coach to fold.
 *
 * Each schema is built the first time it checks something (`z.lazy`), not when the module
 * loads: building them took about a third of the web app's module evaluation at its start, and
 * most starts check nothing, as the events they read were checked when they were written.
 */

export const PLAN_KINDS = ["standard", "light", "micro", "walk-only", "none"] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

const int = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));
const painScore = () => int(0, 10);
const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const variantId = () => z.enum(VARIANT_IDS);
const optional = z.optional;
const clock = () =>
  z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time is HH:MM, 24-hour"));

const signList = () =>
  z.array(z.enum(WARNING_SIGN_IDS)).check(
    z.maxLength(WARNING_SIGN_IDS.length),
    z.refine((signs) => new Set(signs).size === signs.length, "each sign appears once"),
  );

export const checkInData = z.lazy(() =>
  z.strictObject({
    back: z.enum(["calm", "okay", "grumpy"]),
    pain: optional(painScore()),
    leg: optional(z.enum(["none", "one-leg", "one-leg-worsening", "both-legs"])),
    signs: optional(signList()),
    context: optional(
      z.strictObject({
        sleep: optional(z.enum(["poor", "ok", "good"])),
        stress: optional(z.enum(["low", "medium", "high"])),
        deskDay: optional(z.boolean()),
        hardDayYesterday: optional(z.boolean()),
        minutes: optional(int(1, 240)),
      }),
    ),
  }),
);
export type CheckIn = z.infer<typeof checkInData>;

export const sessionBlock = z.lazy(() =>
  z
    .strictObject({
      exercise: z.enum(EXERCISE_IDS),
      variant: variantId(),
      holds: optional(int(0, 10)),
      holdSeconds: optional(int(0, 120)),
      reps: optional(int(0, 50)),
      sets: optional(int(0, 10)),
      seconds: optional(int(0, 3600)),
      /** The step of its exercise's progression the block was planned at, when it has one. */
      step: optional(int(0, 50)),
      /** Softened during the session (R-BREATH): a shorter hold or a bent knee. */
      softened: optional(z.boolean()),
      /** Switched to the knee-bent or slider variant for nerve-like sensations (R-NERVE). */
      nerveSwitch: optional(z.boolean()),
      skipped: optional(z.boolean()),
    })
    .check(
      z.refine((block) => variantById(block.variant).exercise === block.exercise, {
        message: "this variant belongs to another exercise",
        path: ["exercise"],
      }),
    ),
);
export type SessionBlock = z.infer<typeof sessionBlock>;

export const sessionData = z.lazy(() =>
  z.strictObject({
    kind: optional(z.enum(["standard", "light", "micro", "walk-only"])),
    blocks: z.array(sessionBlock).check(z.maxLength(30)),
    // How it went, answered after the session: a session is kept the moment it ends, and its
    // answers, when given, replace it (a retract and the session again, with them). A desk snack
    // asks only how it felt.
    feel: optional(z.enum(["comfortable", "a-bit-much", "too-much"])),
    breathChat: optional(z.boolean()),
    nerve: optional(z.enum(["none", "brief", "persistent"])),
    painBefore: optional(painScore()),
    painAfter: optional(painScore()),
    note: optional(text(4000)),
  }),
);
export type SessionRecord = z.infer<typeof sessionData>;

export const settingsData = z.lazy(() =>
  z
    .strictObject({
      region: optional(
        z
          .string()
          .check(z.regex(/^[A-Z]{2}$/, "use a two-letter ISO 3166 country code, such as US or GB")),
      ),
      anchor: optional(text(120)),
      weeklyDays: optional(int(1, 7)),
      birthYear: optional(int(1900, 2100)),
      disclaimerAccepted: optional(z.boolean()),
      /** R-ANCHOR: the days and local time the reminder comes, on every device that allows it. */
      reminder: optional(
        z.strictObject({
          days: z.array(z.enum(WEEKDAYS)).check(
            z.minLength(1, "choose at least one day"),
            z.refine((days) => new Set(days).size === days.length, "each day appears once"),
          ),
          time: clock(),
        }),
      ),
      /** R-DESK: the hours of a desk-bound day between which desk snacks are offered. */
      workWindow: optional(
        z.strictObject({ start: clock(), end: clock() }).check(
          z.refine((window) => window.start < window.end, {
            message: "the work window ends after it starts",
            path: ["end"],
          }),
        ),
      ),
    })
    .check(
      z.refine(
        (settings) => Object.keys(settings).length > 0,
        "settings change at least one value",
      ),
    ),
);
export type SettingsChange = z.infer<typeof settingsData>;

/**
 * A clinician saw the person and said they can move (R-TRIAGE-B, R-TRIAGE-FOLLOW-UP). `signs`
 * names the reported signs it answers; without it, it answers every sign open before it.
 */
export const clearanceData = z.lazy(() =>
  z.strictObject({
    by: optional(z.enum(["family-doctor", "physiatrist", "physical-therapist", "other"])),
    note: optional(text(2000)),
    signs: optional(signList().check(z.minLength(1, "name at least one sign, or leave signs out"))),
  }),
);

export const measurementData = z.lazy(() =>
  z.discriminatedUnion("test", [
    z.strictObject({
      test: z.literal("ake"),
      side: z.enum(["left", "right"]),
      deficitDegrees: z.number().check(z.minimum(0), z.maximum(90)),
      method: z.enum(["inclinometer", "manual"]),
    }),
    z.strictObject({
      test: z.literal("sit-and-reach"),
      cm: z.number().check(z.minimum(-50), z.maximum(60)),
    }),
  ]),
);
export type Measurement = z.infer<typeof measurementData>;

const goalId = () =>
  z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/, "a goal id is letters, digits and dashes"));
export const goalData = z.lazy(() => z.strictObject({ goalId: goalId(), activity: text(120) }));
export const goalRatingData = z.lazy(() =>
  z.strictObject({ goalId: goalId(), rating: painScore() }),
);
export const noteData = z.lazy(() => z.strictObject({ text: text(4000) }));
/** Movement outside a Limber session, logged in one tap (R-PAIR, PAG18: any bout counts). */
export const activityData = z.lazy(() =>
  z.strictObject({
    kind: z.enum(["walk", "strength"]),
    minutes: int(1, 600),
  }),
);
export type Activity = z.infer<typeof activityData>;
export const retractData = z.lazy(() =>
  z.strictObject({ target: z.uuid(), reason: optional(text(500)) }),
);

// A programme a clinician prescribed (docs/clinicians.md): which exercises and variants, their
// dose ranges within the catalog's, where each starts, how fast it may step up, and how many
// days a week. The planner follows it, and the safety rules still decide every day.

const uniqueList = <T>(items: readonly T[]) => new Set(items).size === items.length;

export const prescriptionData = z.lazy(() =>
  z
    .strictObject({
      exercise: z.enum(PRESCRIBABLE),
      /** The variants allowed; every variant of the exercise when left out. */
      variants: optional(
        z
          .array(variantId())
          .check(
            z.minLength(1, "allow at least one variant, or leave the exercise out"),
            z.refine(uniqueList, "each variant appears once"),
          ),
      ),
      /** Ranges within the catalog's; a field left out stays as Limber doses it. */
      dose: optional(doseRangeSchema),
      /** Where the exercise starts: a place on the steps its allowed variants leave, 0 first. */
      startStep: optional(int(0, 50)),
    })
    .check(
      z.superRefine((prescription, ctx) => {
        const { exercise, variants, dose, startStep } = prescription;
        const allowed = variantsOf(exercise).filter((v) => !variants || variants.includes(v.id));
        for (const [i, id] of (variants ?? []).entries()) {
          if (variantById(id).exercise !== exercise) {
            ctx.addIssue({
              code: "custom",
              path: ["variants", i],
              message: `${id} is not a variant of ${exercise}`,
            });
          }
        }
        for (const field of DOSE_FIELDS) {
          const range = dose?.[field];
          if (!range) continue;
          const using = allowed.filter((v) => v.dose[field]);
          const ceiling = Math.max(0, ...using.map((v) => v.dose[field]?.[1] ?? 0));
          const apart = using.find((v) => !overlap(range, v.dose[field] as [number, number]));
          const message =
            using.length === 0
              ? `no allowed variant of ${exercise} is dosed in ${field}`
              : range[1] > ceiling
                ? `the high end passes the catalog's ceiling of ${ceiling} for these variants`
                : apart
                  ? `the range leaves out every dose of ${apart.name} (${apart.dose[field]?.join("–")})`
                  : undefined;
          if (message) ctx.addIssue({ code: "custom", path: ["dose", field], message });
        }
        const ladder = prescribedLadder(exercise, variants);
        if (startStep !== undefined && (!ladder || startStep >= ladder.steps.length)) {
          ctx.addIssue({
            code: "custom",
            path: ["startStep"],
            message: `the allowed variants leave ${ladder?.steps.length ?? 0} steps, numbered from 0`,
          });
        }
      }),
    ),
);
export type Prescription = z.infer<typeof prescriptionData>;

export const PROGRESSIONS = ["limber", "slow", "none"] as const;
export type Progression = (typeof PROGRESSIONS)[number];

export const programmeData = z.lazy(() =>
  z
    .strictObject({
      /** Stable across revisions: a later revision of the same programme replaces it. */
      programmeId: z
        .string()
        .check(
          z.regex(/^[A-Za-z0-9-]{8,64}$/, "a programme id is 8 to 64 letters, digits or dashes"),
        ),
      revision: int(1, 9999),
      prescriber: z.strictObject({
        name: text(80),
        role: optional(text(60)),
        practice: optional(text(80)),
      }),
      prescribedOn: z.iso.date("`prescribedOn` is a calendar day, YYYY-MM-DD"),
      exercises: z.array(prescriptionData).check(z.maxLength(PRESCRIBABLE.length)),
      /** Exercises left out of every session. */
      excluded: z
        .array(z.enum(PRESCRIBABLE))
        .check(z.refine(uniqueList, "each exercise appears once")),
      /** How fast each exercise may step up: as Limber decides, at most one step a fortnight, or none. */
      progression: z.enum(PROGRESSIONS),
      daysPerWeek: int(1, 7),
      endsOn: optional(z.iso.date("`endsOn` is a calendar day, YYYY-MM-DD")),
      note: optional(text(400)),
    })
    .check(
      z.superRefine((programme, ctx) => {
        const named = programme.exercises.map((p) => p.exercise);
        for (const [i, exercise] of named.entries()) {
          if (named.indexOf(exercise) !== i) {
            ctx.addIssue({
              code: "custom",
              path: ["exercises", i, "exercise"],
              message: `${exercise} is prescribed twice`,
            });
          }
          if (programme.excluded.includes(exercise)) {
            ctx.addIssue({
              code: "custom",
              path: ["excluded"],
              message: `${exercise} is both prescribed and left out`,
            });
          }
        }
        if (programme.endsOn !== undefined && programme.endsOn < programme.prescribedOn) {
          ctx.addIssue({
            code: "custom",
            path: ["endsOn"],
            message: "the programme ends before it starts",
          });
        }
      }),
    ),
);
export type Programme = z.infer<typeof programmeData>;

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
  activity: { v: 1, data: activityData },
  programme: { v: 1, data: programmeData },
  retract: { v: 1, data: retractData },
} as const;

export type EventType = keyof typeof EVENT_TYPES;
export const EVENT_TYPE_NAMES = Object.keys(EVENT_TYPES) as [EventType, ...EventType[]];

/**
 * The years an event may be dated in. A person's log spans a lifetime at most; a day far outside
 * it is a mistake or an attack, and days past 9999 no longer sort as text, which is how the
 * coach walks from one day to the next.
 */
export const EVENT_YEARS = { first: 1900, last: 2999 } as const;

/** The year written at the start of `day` or `at` lies within EVENT_YEARS. */
const withinEventYears = () =>
  z.refine((text: unknown) => {
    const year = Number(String(text).slice(0, 4));
    return year >= EVENT_YEARS.first && year <= EVENT_YEARS.last;
  }, `the year is from ${EVENT_YEARS.first} to ${EVENT_YEARS.last}`);

// `day` is the person's local calendar day for the event. It usually is the date of `at`, but a
// session recorded after midnight, or written down the next morning, may belong to the day before.
const envelope = () => ({
  id: z.uuid("an event id is a UUID"),
  at: z.iso
    .datetime({ offset: true, message: "`at` is an ISO-8601 instant with an offset" })
    .check(withinEventYears()),
  day: z.iso.date("`day` is a calendar day, YYYY-MM-DD").check(withinEventYears()),
});

const eventOf = <T extends EventType>(type: T) =>
  z.strictObject({
    ...envelope(),
    type: z.literal(type),
    v: z.literal(EVENT_TYPES[type].v),
    data: EVENT_TYPES[type].data as (typeof EVENT_TYPES)[T]["data"],
  });

export const eventSchema = z.lazy(() =>
  z.discriminatedUnion("type", [
    eventOf("checkin"),
    eventOf("session"),
    eventOf("settings"),
    eventOf("clearance"),
    eventOf("measurement"),
    eventOf("goal"),
    eventOf("goal-rating"),
    eventOf("note"),
    eventOf("activity"),
    eventOf("programme"),
    eventOf("retract"),
  ]),
);

export type LimberEvent = z.infer<typeof eventSchema>;
export type EventOf<T extends EventType> = Extract<LimberEvent, { type: T }>;
