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

/** One event per id (the same choice on every device), in log order. */
function uniqueInOrder(events: readonly LimberEvent[]): LimberEvent[] {
  const byId = new Map<string, LimberEvent>();
  for (const event of events) {
    const seen = byId.get(event.id);
    // Two different bodies under one id should never happen; pick one the same way everywhere.
    if (!seen || (seen !== event && JSON.stringify(event) < JSON.stringify(seen))) {
      byId.set(event.id, event);
    }
  }
  return [...byId.values()].sort(compareEvents);
}

function emptyState(): LimberState {
  return {
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
}

const isEmergencyCheckIn = (event: LimberEvent) =>
  event.type === "checkin" && findingsOf(event.data).emergency.length > 0;

/**
 * Folds a log into state. Pure and independent of the order events arrive in: the same set of
 * events always gives the same state. A repeated id keeps one copy (sync may deliver twice);
 * `retract` withdraws the event it names.
 */
export function project(events: readonly LimberEvent[]): LimberState {
  const ordered = uniqueInOrder(events);
  const retracted = new Set<string>();
  for (const event of ordered) {
    if (event.type === "retract") retracted.add(event.data.target);
  }
  const state = emptyState();
  const emergencyDays = new Set<string>();
  for (const event of ordered) {
    if (isEmergencyCheckIn(event)) emergencyDays.add(event.day);
    if (event.type === "retract" || retracted.has(event.id)) continue;
    apply(state, event);
  }
  state.emergencyDays = emergencyDays;
  return state;
}

const LISTS = [
  "checkIns",
  "sessions",
  "clearances",
  "measurements",
  "goals",
  "goalRatings",
  "notes",
  "activities",
] as const;

/**
 * Folds the log once, in order, and shows `visit` each event with the state as it stood just
 * after it: the state `project` gives for the log up to and including that event, where a
 * `retract` withdraws its target only once it has happened. For reading many days as they were
 * seen (a week, a calendar) in one pass instead of one fold a day. The state is live: `visit`
 * reads it there and then, and keeps nothing of it.
 */
export function foldInOrder(
  events: readonly LimberEvent[],
  visit: (event: LimberEvent, state: LimberState) => void,
): void {
  const state = emptyState();
  const emergencyDays = new Set<string>();
  state.emergencyDays = emergencyDays;
  const retracted = new Set<string>();
  const settings: EventOf<"settings">[] = [];
  for (const event of uniqueInOrder(events)) {
    if (isEmergencyCheckIn(event)) emergencyDays.add(event.day);
    if (event.type === "retract") {
      retracted.add(event.data.target);
      withdraw(state, event.data.target, settings);
    } else if (!retracted.has(event.id)) {
      apply(state, event);
      if (event.type === "settings") settings.push(event);
    }
    visit(event, state);
  }
}

/** Takes back an event already folded in, as if it had never been. */
function withdraw(state: LimberState, id: string, settings: EventOf<"settings">[]): void {
  for (const list of LISTS) {
    const items: { id: string }[] = state[list];
    const at = items.findIndex((item) => item.id === id);
    if (at >= 0) items.splice(at, 1);
  }
  const at = settings.findIndex((event) => event.id === id);
  if (at >= 0) {
    settings.splice(at, 1);
    state.settings = emptyState().settings;
    for (const event of settings) apply(state, event);
  }
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
