/**
 * Builders for tests: logs written as a person's days, so scenario tests read like the domain.
 * Exported as `@limber/core/testing` for the tests of the other packages; nothing else uses it.
 */
import { addDays } from "./days.ts";
import type { ReadModel } from "./events/read-model.ts";
import { project, readLog } from "./events/read-model.ts";
import type { CheckIn, EventOf, EventType, LimberEvent, SessionRecord } from "./events/schema.ts";
import type { LimberState } from "./events/state.ts";
import type { Plan } from "./planner/plan.ts";

/** A UUIDv7-shaped id that sorts with its number. */
export function idFor(n: number): string {
  return `01900000-0000-7000-8000-${n.toString(16).padStart(12, "0")}`;
}

type DataOf<T extends EventType> = EventOf<T>["data"];

export class Log {
  readonly events: LimberEvent[] = [];
  private count = 0;

  add<T extends EventType>(type: T, day: string, data: DataOf<T>, time = "07:00"): string {
    const id = idFor(++this.count);
    this.events.push({ id, type, day, at: `${day}T${time}:00+01:00`, v: 1, data } as LimberEvent);
    return id;
  }

  /** A copy of this log that can grow on its own. */
  fork(): Log {
    const copy = new Log();
    copy.events.push(...this.events);
    copy.count = this.count;
    return copy;
  }

  checkIn(day: string, data: CheckIn, time = "07:00"): string {
    return this.add("checkin", day, data, time);
  }

  state(): LimberState {
    return project(this.events);
  }

  /** The log read as the app reads it: state now, and every day as it was seen. */
  model(): ReadModel {
    return readLog(this.events);
  }

  /** The plan the day showed at its check-in, read from the log as the app reads it. */
  plan(day: string): Plan {
    const seen = readLog(this.events, { from: day, to: day }).days.get(day);
    if (!seen) throw new Error(`no check-in on ${day}`);
    return seen.plan;
  }

  /** Checks in, plans, and records the session done exactly as planned. */
  practise(day: string, checkIn: CheckIn, after: Partial<SessionRecord> = {}): Plan {
    this.checkIn(day, checkIn);
    const plan = this.plan(day);
    if (plan.blocks.length > 0) this.add("session", day, sessionAsPlanned(plan, after), "07:20");
    return plan;
  }

  /** `practise` on `count` consecutive days from `first`; returns the last day's plan. */
  practiseDays(
    first: string,
    count: number,
    checkIn: CheckIn,
    after: Partial<SessionRecord> = {},
  ): Plan[] {
    return Array.from({ length: count }, (_, i) =>
      this.practise(addDays(first, i), checkIn, after),
    );
  }
}

/** The session event of a plan done as planned, comfortably unless `after` says otherwise. */
export function sessionAsPlanned(plan: Plan, after: Partial<SessionRecord> = {}): SessionRecord {
  if (plan.kind === "none") throw new Error("no session on a day without a plan");
  return {
    kind: plan.kind,
    blocks: plan.blocks.map((b) => {
      const { perSide: _, ...amounts } = b.dose;
      return {
        exercise: b.exercise,
        variant: b.variant,
        ...amounts,
        ...(b.step ? { step: b.step.index } : {}),
      };
    }),
    feel: "comfortable",
    breathChat: true,
    nerve: "none",
    ...after,
  };
}

function defined(plan: Plan | undefined): Plan {
  if (!plan) throw new Error("no plan for that day");
  return plan;
}

/** The block of an exercise in a plan. */
export function blockOf(plan: Plan | undefined, exercise: string) {
  return defined(plan).blocks.find((b) => b.exercise === exercise);
}

/** The rule ids of a plan's own reasons. */
export const rulesOf = (plan: Plan | undefined) => defined(plan).reasons.map((r) => r.rule);
