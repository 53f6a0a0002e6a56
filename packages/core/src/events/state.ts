import type { EmergencySign } from "../triage/signs.ts";
import type { Weekday } from "../weekdays.ts";
import type { CoachMemory } from "./memory.ts";
import type {
  Activity,
  CheckIn,
  EventOf,
  LimberEvent,
  Measurement,
  Programme,
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
  /** Programmes a clinician prescribed and the person chose to use, every revision (programme/). */
  programmes: Dated<Programme>[];
  /**
   * Each day on which any check-in, even one later edited or withdrawn, gave an emergency
   * answer, with every emergency sign named that day: an emergency stands for the rest of its
   * day (R-TRIAGE-NO-BYPASS), and asks whether the person was seen until a clearance dated
   * after it answers it (R-TRIAGE-FOLLOW-UP).
   */
  emergencies: ReadonlyMap<string, readonly EmergencySign[]>;
  /** What the coach carries forward from the whole log, folded as it grows (see memory.ts). */
  memory: CoachMemory;
  /**
   * When set, the lists of check-ins, sessions, activities, notes and measurements hold only
   * the days from this one on (a checkpoint keeps recent days; see read-model.ts). Undefined
   * when they hold the whole log.
   */
  horizon?: string;
}

export const DEFAULT_WEEKLY_DAYS = 5; // R-CONSISTENCY

/** The lists a state keeps, each of one event type. */
export const STATE_LISTS = {
  checkin: "checkIns",
  session: "sessions",
  clearance: "clearances",
  measurement: "measurements",
  goal: "goals",
  "goal-rating": "goalRatings",
  note: "notes",
  activity: "activities",
  programme: "programmes",
} as const;

export type ListedType = keyof typeof STATE_LISTS;

/** The lists a checkpoint keeps only recent days of: the ones that grow every day. */
export const DAILY_LISTS = ["checkIns", "sessions", "activities", "notes", "measurements"] as const;

export function emptySettings(): Settings {
  return { weeklyDays: DEFAULT_WEEKLY_DAYS, disclaimerAccepted: false };
}

/** Adds one event in force to the state's lists, or its change to the settings. */
export function applyEvent(state: LimberState, event: Exclude<LimberEvent, { type: "retract" }>) {
  if (event.type === "settings") {
    state.settings = { ...state.settings, ...event.data };
    return;
  }
  const list: Dated<unknown>[] = state[STATE_LISTS[event.type]];
  list.push({ id: event.id, at: event.at, day: event.day, data: event.data });
}

/**
 * Takes an event out of the state's lists, as if it had never been. Settings are not in a list:
 * the caller refolds them (see read-model.ts). Returns the list it came from, if any.
 */
export function removeListed(
  state: LimberState,
  id: string,
): (typeof STATE_LISTS)[ListedType] | undefined {
  for (const name of Object.values(STATE_LISTS)) {
    const list: { id: string }[] = state[name];
    const at = list.findIndex((item) => item.id === id);
    if (at >= 0) {
      list.splice(at, 1);
      return name;
    }
  }
  return undefined;
}
