/**
 * Random histories for the planner's property tests: check-ins, sessions, clearances and
 * settings over the last 30 days, some withdrawn by `retract`. Imported by tests only.
 */
import fc from "fast-check";
import { type VariantId, variantById } from "../catalog/index.ts";
import { addDays } from "../days.ts";
import type { CheckIn, LimberEvent, SessionRecord } from "../events/schema.ts";
import { idFor } from "../testing.ts";
import { WARNING_SIGN_IDS, type WarningSign } from "../triage/signs.ts";

export const RUNS = { numRuns: 1000 };
export const today = "2026-11-25";
/** Raw events over the `days` days before `today`. */
const rawEventOver = (days: number) => rawEventsOf(fc.integer({ min: -days, max: 0 }));

export const checkInArb: fc.Arbitrary<CheckIn> = fc.record(
  {
    back: fc.constantFrom("calm", "okay", "grumpy"),
    pain: fc.integer({ min: 0, max: 10 }),
    leg: fc.constantFrom("none", "none", "none", "one-leg", "one-leg-worsening", "both-legs"),
    signs: fc.oneof(
      { weight: 4, arbitrary: fc.constant<WarningSign[]>([]) },
      {
        weight: 1,
        arbitrary: fc.uniqueArray(fc.constantFrom(...WARNING_SIGN_IDS), { maxLength: 3 }),
      },
    ),
    context: fc.record(
      {
        sleep: fc.constantFrom("poor", "ok", "good"),
        stress: fc.constantFrom("low", "medium", "high"),
        deskDay: fc.boolean(),
        hardDayYesterday: fc.boolean(),
        minutes: fc.integer({ min: 1, max: 60 }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ["back"] },
);

const VARIANTS: VariantId[] = [
  "hip-rolls-tilt",
  "floss-full",
  "strap-knee-straight",
  "strap-knee-soft",
  "hinge-weight",
  "bridge-single-leg",
  "dead-bug-alternating",
];
export const sessionArb: fc.Arbitrary<SessionRecord> = fc.record({
  kind: fc.constantFrom("standard", "light", "micro"),
  blocks: fc.array(
    fc
      .record({
        variant: fc.constantFrom(...VARIANTS),
        holds: fc.integer({ min: 0, max: 10 }),
        holdSeconds: fc.integer({ min: 0, max: 120 }),
        reps: fc.integer({ min: 0, max: 50 }),
        sets: fc.integer({ min: 0, max: 10 }),
        seconds: fc.integer({ min: 0, max: 600 }),
        softened: fc.boolean(),
        skipped: fc.boolean(),
      })
      .map((b) => ({ ...b, exercise: variantById(b.variant).exercise })),
    { maxLength: 6 },
  ),
  feel: fc.constantFrom("comfortable", "comfortable", "a-bit-much", "too-much"),
  breathChat: fc.boolean(),
  nerve: fc.constantFrom("none", "none", "brief", "persistent"),
  painBefore: fc.integer({ min: 0, max: 10 }),
  painAfter: fc.integer({ min: 0, max: 10 }),
});

type Raw = { type: LimberEvent["type"]; offset: number; minute: number; data: unknown };
function rawEventsOf(dayOffset: fc.Arbitrary<number>): fc.Arbitrary<Raw> {
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        type: fc.constant("checkin" as const),
        offset: dayOffset,
        minute: fc.nat(1439),
        data: checkInArb,
      }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        type: fc.constant("session" as const),
        offset: dayOffset,
        minute: fc.nat(1439),
        data: sessionArb,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant("clearance" as const),
        offset: dayOffset,
        minute: fc.nat(1439),
        data: fc.oneof(
          { weight: 3, arbitrary: fc.constant({}) },
          {
            weight: 1,
            arbitrary: fc.record({
              signs: fc.uniqueArray(fc.constantFrom(...WARNING_SIGN_IDS), {
                minLength: 1,
                maxLength: 3,
              }),
            }),
          },
        ),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant("settings" as const),
        offset: dayOffset,
        minute: fc.nat(1439),
        data: fc.record({ region: fc.constantFrom("US", "GB", "IE", "BR", "JP") }),
      }),
    },
  );
}

/** A random history of the last `days` days, with some events withdrawn by `retract`. */
export const logOver = (days: number, maxLength = 40) =>
  fc
    .tuple(fc.array(rawEventOver(days), { maxLength }), fc.array(fc.nat(), { maxLength: 4 }))
    .map(([raws, retractions]) => {
      const events = raws.map((raw, i): LimberEvent => {
        const day = addDays(today, raw.offset);
        const time = `${String(Math.floor(raw.minute / 60)).padStart(2, "0")}:${String(raw.minute % 60).padStart(2, "0")}`;
        return {
          id: idFor(i + 1),
          type: raw.type,
          day,
          at: `${day}T${time}:00Z`,
          v: 1,
          data: raw.data,
        } as LimberEvent;
      });
      retractions.forEach((pick, j) => {
        const target = events[pick % Math.max(1, raws.length)];
        if (target)
          events.push({
            id: idFor(1000 + j),
            type: "retract",
            day: today,
            at: `${today}T23:59:00Z`,
            v: 1,
            data: { target: target.id },
          });
      });
      return events;
    });

/** A random history of the last 30 days. */
export const logArb = logOver(30);
