import type { Weekday } from "../reminders/weekdays.ts";
import { findingsOf } from "../triage/findings.ts";
import type {
  Activity,
  CheckIn,
  EventOf,
  LimberEvent,
  Measurement,
  SessionRecord,
} from "./schema.ts";

/** An event's payload with the facts of when it happened. */
export interface Dated<T> {
  id: string;
  at: string;
  day: string;
  data: T;
}

export interface Settings {
  region?: string;
  anchor?: string;
  /** Practice days a week the person aims for (R-CONSISTENCY: a weekly goal, never a streak). */
  weeklyDays: number;
  birthYear?: number;
  disclaimerAccepted: boolean;
  /** R-ANCHOR: the reminder's days and local time ("HH:MM"). */
  reminder?: { days: Weekday[]; time: string };
  /** R-DESK: desk snacks are offered between these local times ("HH:MM") on desk days. */
  workWindow?: { start: string; end: string };
}

/** Everything the coach knows, folded from the log. Lists are in log order (at, id). */
export interface LimberState {
  settings: Settings;
  checkIns: Dated<CheckIn>[];
  sessions: Dated<SessionRecord>[];
  clearances: Dated<EventOf<"clearance">["data"]>[];
  measurements: Dated<Measurement>[];
  goals: Dated<EventOf<"goal">["data"]>[];
  goalRatings: Dated<EventOf<"goal-rating">["data"]>[];
  notes: Dated<EventOf<"note">["data"]>[];
  /** Walks and strength work logged outside Limber's sessions (R-PAIR). */
  activities: Dated<Activity>[];
  /**
   * Days on which any check-in, even one later edited or withdrawn, gave an emergency answer
   * (R-TRIAGE-NO-BYPASS: an emergency stands for the rest of that day).
   */
  emergencyDays: ReadonlySet<string>;
}

export const DEFAULT_WEEKLY_DAYS = 5; // R-CONSISTENCY

/** Log order: by instant, then by id, so every device folds the same set the same way. */
export function compareEvents(a: LimberEvent, b: LimberEvent): number {
  const byTime = Date.parse(a.at) - Date.parse(b.at);
  if (byTime !== 0) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Folds a log into state. Pure and independent of the order events arrive in: the same set of
 * events always gives the same state. A repeated id keeps one copy (sync may deliver twice);
 * `retract` withdraws the event it names.
 */
export function project(events: readonly LimberEvent[]): LimberState {
  const byId = new Map<string, LimberEvent>();
  for (const event of events) {
    const seen = byId.get(event.id);
    // Two different bodies under one id should never happen; pick one the same way everywhere.
    if (!seen || (seen !== event && JSON.stringify(event) < JSON.stringify(seen))) {
      byId.set(event.id, event);
    }
  }
  const ordered = [...byId.values()].sort(compareEvents);

  const retracted = new Set<string>();
  for (const event of ordered) {
    if (event.type === "retract") retracted.add(event.data.target);
  }

  const state: LimberState = {
    settings: { weeklyDays: DEFAULT_WEEKLY_DAYS, disclaimerAccepted: false },
    checkIns: [],
    sessions: [],
    clearances: [],
    measurements: [],
    goals: [],
    goalRatings: [],
    notes: [],
    activities: [],
    emergencyDays: new Set(),
  };
  const emergencyDays = new Set<string>();

  for (const event of ordered) {
    if (event.type === "checkin" && findingsOf(event.data).emergency.length > 0) {
      emergencyDays.add(event.day);
    }
    if (event.type === "retract" || retracted.has(event.id)) continue;
    apply(state, event);
  }
  state.emergencyDays = emergencyDays;
  return state;
}

const dated = <T>(event: { id: string; at: string; day: string; data: T }): Dated<T> => ({
  id: event.id,
  at: event.at,
  day: event.day,
  data: event.data,
});

function apply(state: LimberState, event: Exclude<LimberEvent, { type: "retract" }>): void {
  switch (event.type) {
    case "checkin":
      state.checkIns.push(dated(event));
      return;
    case "session":
      state.sessions.push(dated(event));
      return;
    case "settings":
      state.settings = { ...state.settings, ...event.data };
      return;
    case "clearance":
      state.clearances.push(dated(event));
      return;
    case "measurement":
      state.measurements.push(dated(event));
      return;
    case "goal":
      state.goals.push(dated(event));
      return;
    case "goal-rating":
      state.goalRatings.push(dated(event));
      return;
    case "note":
      state.notes.push(dated(event));
      return;
    case "activity":
      state.activities.push(dated(event));
      return;
    default:
      assertNever(event);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled event ${JSON.stringify(value)}`);
}
