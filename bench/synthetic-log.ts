import { addDays, type CheckIn, type EventType, type LimberEvent } from "@limber/core";
import { SeededRandom } from "./seeded-random.ts";
import { Practice } from "./synthetic-session.ts";

export interface SyntheticLogOptions {
  /** First day of the log. */
  start?: string;
  /** Days the log covers; ten years by default. */
  days?: number;
  seed?: number;
}

type DataOf<T extends EventType> = Extract<LimberEvent, { type: T }>["data"];

/**
 * Ten years of one person's Limber log, about 7,000 events: a check-in most days, a session
 * on most of those, monthly measurements and goal ratings, occasional notes, settings changes
 * and a withdrawn note now and then. Deterministic: the same options give the same events.
 */
export function syntheticLog(options: SyntheticLogOptions = {}): LimberEvent[] {
  const { start = "2016-11-07", days = 3653, seed = 20_261_125 } = options;
  const random = new SeededRandom(seed);
  const practice = new Practice(random);
  const events: LimberEvent[] = [];
  const add = <T extends EventType>(type: T, day: string, time: string, data: DataOf<T>) => {
    // Summer time from April to October, roughly, as a phone in Britain would record it.
    const month = Number(day.slice(5, 7));
    const at = `${day}T${time}:00${month >= 4 && month <= 10 ? "+01:00" : "+00:00"}`;
    // TypeScript cannot pair a generic `type` with its `data` in one literal; DataOf<T> does.
    const event = { id: random.uuidv7(at), type, at, day, v: 1, data } as LimberEvent;
    events.push(event);
    return event;
  };

  add("settings", start, "07:00", {
    region: "GB",
    anchor: "after my morning coffee",
    weeklyDays: 5,
    disclaimerAccepted: true,
  });
  add("goal", start, "07:01", { goalId: "tie-shoes", activity: "Tie my shoes standing up" });

  for (let index = 0; index < days; index++) {
    const day = addDays(start, index);
    const last = index === days - 1;
    // The last day always has a check-in, so there is a day to plan.
    if (last || random.chance(0.97)) {
      const checkIn = checkInFor(random);
      const time = `0${random.int(6, 9)}:${String(random.int(0, 59)).padStart(2, "0")}`;
      add("checkin", day, time, checkIn);
      if (!last && random.chance(0.87)) {
        add("session", day, time.replace(/:\d\d$/, ":59"), practice.session(day, checkIn));
      }
    }
    if (index % 30 === 15) {
      add("measurement", day, "20:00", akeOf(random, "left", index));
      add("measurement", day, "20:01", akeOf(random, "right", index));
      add("goal-rating", day, "20:02", { goalId: "tie-shoes", rating: random.int(2, 8) });
    }
    if (index % 91 === 40) {
      add("measurement", day, "20:03", { test: "sit-and-reach", cm: random.int(-12, 8) });
    }
    if (random.chance(0.03)) {
      const note = add("note", day, "21:00", { text: "A long day at the desk; back a bit stiff." });
      if (random.chance(0.1)) add("retract", day, "21:05", { target: note.id });
    }
    if (index > 0 && index % 700 === 0) {
      add("settings", day, "21:30", { weeklyDays: random.int(3, 6) });
    }
  }
  return events;
}

function checkInFor(random: SeededRandom): CheckIn {
  const back = random.weighted([
    ["calm", 40],
    ["okay", 47],
    ["grumpy", 13],
  ] as const);
  const pain =
    back === "calm" ? random.int(0, 2) : back === "okay" ? random.int(1, 4) : random.int(3, 6);
  const context = {
    sleep: random.weighted([
      ["poor", 15],
      ["ok", 50],
      ["good", 35],
    ] as const),
    stress: random.weighted([
      ["low", 40],
      ["medium", 45],
      ["high", 15],
    ] as const),
    deskDay: random.chance(0.6),
    ...(random.chance(0.08) ? { hardDayYesterday: true } : {}),
    ...(random.chance(0.06) ? { minutes: random.int(3, 6) } : {}),
  };
  const leg = random.chance(0.02) ? { leg: "one-leg" as const } : {};
  return { back, pain, ...leg, context };
}

/** AKE deficit shrinking slowly over the years, with a few degrees of noise. */
function akeOf(random: SeededRandom, side: "left" | "right", index: number) {
  const deficit = Math.max(5, 35 - index / 200 + random.int(-3, 3));
  return { test: "ake" as const, side, deficitDegrees: deficit, method: "inclinometer" as const };
}
