import { addDays } from "../days.ts";
import { type Plan, planSession } from "../planner/plan.ts";
import { findingsOf } from "../triage/findings.ts";
import type { EmergencySign } from "../triage/signs.ts";
import { clearedCheckIn, type Triage, triageCheckIn } from "../triage/triage.ts";
import { compareEvents, type LogPosition, retractedIds, uniqueInOrder } from "./in-force.ts";
import { emptyMemory, remember, rememberAll } from "./memory.ts";
import type { CheckIn, EventOf, LimberEvent } from "./schema.ts";
import {
  applyEvent,
  DAILY_LISTS,
  type Dated,
  emptySettings,
  type LimberState,
  removeListed,
  STATE_LISTS,
} from "./state.ts";

/**
 * The one read model of a person's log (architecture.md): every question about the past has its
 * answer here. Which events are in force, the state now, and each day as the person saw it at
 * its check-in, all from one pass over the log in order. It can be folded on as events arrive
 * (`resumeLog`), and kept on a device as a checkpoint (checkpoint.ts).
 */
export interface ReadModel {
  /** The state after every event: what the log says now. */
  state: LimberState;
  /** Each day asked for, as the person saw it at its check-in (see `DaySeen`). */
  days: Map<string, DaySeen>;
  /**
   * The first and the last event folded, in log order: the oldest entry and the newest. The
   * first one's day is where the person started (History and the summary begin there).
   */
  first?: LogPosition & { day: string };
  last?: LogPosition;
  /** The ids every `retract` folded so far withdraws. */
  retracted: Set<string>;
  /** The settings events in force, in log order: settings fold again when one is withdrawn. */
  settingsEvents: EventOf<"settings">[];
  /** The days planned as seen: from `from`, up to `to` when set. */
  planned: { from?: string; to?: string };
}

/** A day as Limber saw it at the person's check-in. */
export interface DaySeen {
  day: string;
  /**
   * The check-in the day was planned from: its latest still in force, or, when every check-in
   * of an emergency day was withdrawn, its latest emergency answer (R-TRIAGE-NO-BYPASS).
   */
  checkIn: Dated<CheckIn>;
  /** How carefully Limber could coach that day, and the plan shown at that check-in, both
   * made from the log as it stood then; a clearance recorded later that day plans it again,
   * without the signs it answers (R-TRIAGE-B), so no second check-in is needed. */
  triage: Triage;
  plan: Plan;
}

export interface ReadOptions {
  /** Plan the days as seen only from this day on, and only up to `to` (every day by default). */
  from?: string;
  to?: string;
}

function emptyState(): LimberState {
  return {
    settings: emptySettings(),
    checkIns: [],
    sessions: [],
    clearances: [],
    measurements: [],
    goals: [],
    goalRatings: [],
    notes: [],
    activities: [],
    programmes: [],
    emergencies: new Map(),
    memory: emptyMemory(),
  };
}

/**
 * Reads a log once, in order: pure, and independent of the order events arrive in. A repeated
 * id keeps one copy (sync may deliver twice); a `retract` withdraws the event it names from the
 * moment it happens. `visit`, when given, sees each event with the state just after it (the
 * state `project` gives for the log up to that event); it reads the state there and then.
 */
export function readLog(
  events: readonly LimberEvent[],
  options: ReadOptions = {},
  visit?: (event: LimberEvent, state: LimberState) => void,
): ReadModel {
  const ordered = uniqueInOrder(events);
  const model: ReadModel = {
    state: emptyState(),
    days: new Map(),
    retracted: new Set(),
    settingsEvents: [],
    planned: { ...options },
  };
  const anchors = anchorIds(ordered);
  // A clearance withdrawn later never planned its day again: as if it had never been.
  const withdrawn = retractedIds(ordered);
  for (const event of ordered) {
    fold(
      model,
      event,
      anchors.has(event.id) || (event.type === "clearance" && !withdrawn.has(event.id)),
      withdrawn,
    );
    visit?.(event, model.state);
  }
  return model;
}

/** The state a log folds to: `readLog` without the days. */
export function project(events: readonly LimberEvent[]): LimberState {
  return readLog(events, { from: "9999-12-31" }).state;
}

/**
 * The check-in each day is planned from (see `DaySeen.checkIn`), by id: the latest check-in
 * of the day still in force, or if none is, the day's latest emergency answer.
 */
function anchorIds(ordered: readonly LimberEvent[]): Set<string> {
  const retracted = retractedIds(ordered);
  const live = new Map<string, string>();
  const emergency = new Map<string, string>();
  for (const event of ordered) {
    if (event.type !== "checkin") continue;
    if (!retracted.has(event.id)) live.set(event.day, event.id);
    else if (findingsOf(event.data).emergency.length > 0) emergency.set(event.day, event.id);
  }
  for (const [day, id] of emergency) if (!live.has(day)) live.set(day, id);
  return new Set(live.values());
}

/** Keeps every emergency answer of a day, withdrawn or not (see `LimberState.emergencies`). */
function noteEmergency(state: LimberState, event: EventOf<"checkin">): void {
  const named = findingsOf(event.data).emergency;
  if (named.length === 0) return;
  const emergencies = state.emergencies as Map<string, readonly EmergencySign[]>;
  const before = emergencies.get(event.day) ?? [];
  emergencies.set(event.day, [...new Set([...before, ...named])]);
}

/**
 * Folds one event, the next in log order, into the model. `plans`: the event plans its day as
 * seen (the check-in a day is planned from, or a clearance that stays in force); `withdrawn`:
 * ids a later `retract` withdraws.
 */
function fold(
  model: ReadModel,
  event: LimberEvent,
  plans: boolean,
  withdrawn: ReadonlySet<string> = model.retracted,
): void {
  const { state } = model;
  model.first ??= { at: event.at, id: event.id, day: event.day };
  model.last = { at: event.at, id: event.id };
  if (event.type === "checkin") noteEmergency(state, event);
  if (event.type === "retract") {
    model.retracted.add(event.data.target);
    withdraw(model, event.data.target);
  } else if (!model.retracted.has(event.id)) {
    applyEvent(state, event);
    if (event.type === "settings") model.settingsEvents.push(event);
    if (event.type === "checkin") remember(state, { type: "checkin", item: last(state.checkIns) });
    if (event.type === "session") remember(state, { type: "session", item: last(state.sessions) });
    if (event.type === "clearance") {
      remember(state, { type: "clearance", item: last(state.clearances) });
    }
    if (event.type === "programme") {
      remember(state, { type: "programme", item: last(state.programmes) });
    }
  }
  if (plans && event.type === "checkin" && wanted(model, event.day)) {
    planDay(model, dated(event), withdrawn);
  }
  if (plans && event.type === "clearance" && !model.retracted.has(event.id)) {
    const seen = model.days.get(event.day);
    if (seen && compareEvents(event, seen.checkIn) > 0) planDay(model, seen.checkIn, withdrawn);
  }
}

/**
 * Plans a day from its check-in and the log as it stands: the check-in's own answers, less
 * what the day's clearances recorded after it answer (R-TRIAGE-B).
 */
function planDay(model: ReadModel, checkIn: Dated<CheckIn>, withdrawn: ReadonlySet<string>): void {
  const { state } = model;
  const { day } = checkIn;
  const answered = state.clearances
    .filter((c) => c.day === day && compareEvents(c, checkIn) > 0 && !withdrawn.has(c.id))
    .reduce((data, clearance) => clearedCheckIn(data, clearance.data), checkIn.data);
  const triage = triageCheckIn(state, answered, day);
  const plan = planSession(state, answered, day, triage);
  model.days.set(day, { day, checkIn, triage, plan });
}

function last<T>(list: readonly T[]): T {
  return list[list.length - 1] as T;
}

const dated = (event: EventOf<"checkin">): Dated<CheckIn> => ({
  id: event.id,
  at: event.at,
  day: event.day,
  data: event.data,
});

function wanted(model: ReadModel, day: string): boolean {
  const { from, to } = model.planned;
  return (from === undefined || day >= from) && (to === undefined || day <= to);
}

/** Takes back an event already folded in, as if it had never been. */
function withdraw(model: ReadModel, id: string): void {
  const { state } = model;
  const list = removeListed(state, id);
  if (
    list === "checkIns" ||
    list === "sessions" ||
    list === "clearances" ||
    list === "programmes"
  ) {
    rememberAll(state);
  }
  const settings = model.settingsEvents.findIndex((event) => event.id === id);
  if (settings >= 0) {
    // Settings are a fold of their own events: without this one, they are folded again.
    model.settingsEvents.splice(settings, 1);
    state.settings = Object.assign(emptySettings(), ...model.settingsEvents.map((e) => e.data));
  }
}

/**
 * The most days before the day it plans that a plan reads the log's lists for (R-TRIAGE-C's
 * four weeks of practice are the longest look back); anything older comes from the memory.
 * A property test holds the planner to it.
 */
export const PLAN_LOOKBACK_DAYS = 42;

/** Days of check-ins, sessions and notes a checkpoint keeps: enough for History's 8 weeks too. */
export const CHECKPOINT_DAYS = 63;

/**
 * Folds events that arrived after the model was made, without reading the log again: a new
 * model, the given one unchanged. Undefined when they cannot be folded on, and the whole log
 * must be read again: an event that sorts before the last one folded (it would change what
 * came after it), a withdrawn check-in (a day's plan as seen may change), or a withdrawal the
 * recent days of a checkpoint cannot undo.
 */
export function resumeLog(model: ReadModel, events: readonly LimberEvent[]): ReadModel | undefined {
  const ordered = uniqueInOrder(events);
  const first = ordered[0];
  if (!first) return model;
  if (model.last && compareEvents(first, model.last) <= 0) return undefined;
  const next = copyOf(model);
  const windowed = next.state.horizon !== undefined;
  for (const event of ordered) {
    // An event withdrawn before it arrived (clocks apart on two devices) may change which
    // check-in a day was planned from; so may withdrawing one.
    if (next.retracted.has(event.id)) return undefined;
    if (event.type === "retract" && !canWithdraw(next, event.data.target, windowed)) {
      return undefined;
    }
    fold(next, event, event.type === "checkin" || event.type === "clearance");
  }
  return windowed ? keepRecent(next, CHECKPOINT_DAYS) : next;
}

/** A copy that folding on cannot change: lists and sets copied, the memory deep-copied. */
function copyOf(model: ReadModel): ReadModel {
  const state = { ...model.state };
  for (const list of Object.values(STATE_LISTS)) (state[list] as unknown[]) = [...state[list]];
  state.emergencies = new Map(state.emergencies);
  state.memory = JSON.parse(JSON.stringify(state.memory)) as LimberState["memory"];
  return {
    ...model,
    state,
    days: new Map(model.days),
    retracted: new Set(model.retracted),
    settingsEvents: [...model.settingsEvents],
    ...(model.first ? { first: { ...model.first } } : {}),
    ...(model.last ? { last: { ...model.last } } : {}),
  };
}

function canWithdraw(model: ReadModel, target: string, windowed: boolean): boolean {
  const { state } = model;
  // Withdrawing a check-in or a clearance may change how its day was planned.
  if (state.checkIns.some((c) => c.id === target)) return false;
  if (state.clearances.some((c) => c.id === target)) return false;
  if (model.settingsEvents.some((event) => event.id === target)) return true;
  if (!windowed) return true;
  // A checkpoint keeps recent days only: an event it no longer holds may have been anything.
  const kept = (["activities", "notes", "measurements", "goals", "goalRatings"] as const).some(
    (list) => state[list].some((item) => item.id === target),
  );
  return kept;
}

/**
 * The model with only the last `days` days of its daily lists and of its days as seen, the rest
 * carried by the memory: what a device keeps as its checkpoint. It answers every question about
 * a day from `PLAN_LOOKBACK_DAYS` after its horizon on exactly as the whole log would.
 */
export function keepRecent(model: ReadModel, days: number): ReadModel {
  const latest = latestDay(model.state);
  if (latest === undefined) return model;
  const horizon = addDays(latest, -days);
  const state: LimberState = { ...model.state, horizon };
  for (const list of DAILY_LISTS) {
    (state[list] as Dated<unknown>[]) = model.state[list].filter((item) => item.day >= horizon);
  }
  const kept = new Map([...model.days].filter(([day]) => day >= horizon));
  return { ...model, state, days: kept };
}

/** The latest day of a check-in or session: where a person's log has got to. */
function latestDay(state: LimberState): string | undefined {
  let latest: string | undefined;
  for (const item of [...state.checkIns, ...state.sessions]) {
    if (latest === undefined || item.day > latest) latest = item.day;
  }
  return latest;
}

/** Whether the model answers questions about `day` exactly as the whole log would. */
export function coversDay(model: ReadModel, day: string): boolean {
  const { horizon } = model.state;
  return horizon === undefined || horizon <= addDays(day, -PLAN_LOOKBACK_DAYS);
}
