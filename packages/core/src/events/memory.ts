import { variantById } from "../catalog/index.ts";
import { addDays, daysBetween } from "../days.ts";
import { painBefore } from "../history.ts";
import { foldLevels, type Level, stepsDownAfter } from "../planner/levels.ts";
import { prescribedLadder } from "../programme/ladder.ts";
import { findingsOf } from "../triage/findings.ts";
import type { WarningSign } from "../triage/signs.ts";
import { dayPain } from "./day-pain.ts";
import { compareEvents } from "./in-force.ts";
import type { CheckIn, EventOf, Programme, SessionRecord } from "./schema.ts";
import type { Dated, LimberState } from "./state.ts";

/**
 * What the coach carries forward from the whole log, folded one event at a time: the answers a
 * plan needs from long ago. Everything else a plan reads lies in the last few weeks, so a state
 * whose lists keep only recent days (a checkpoint's) plans exactly as the whole log does.
 * Plain records and lists only, so a checkpoint can store it as it is.
 */
export interface CoachMemory {
  /** Each progressive exercise's level, by exercise id (R-PROGRESS, R-BREATH). */
  levels: Record<string, Level>;
  /** The day of the first and of the latest session. */
  firstSession?: string;
  lastSession?: string;
  /** R-BREAK: the day of the first session after the last break of two weeks or more. */
  returnedOn?: string;
  /** The day each exercise was last done (a block not skipped), by exercise id. */
  lastDone: Record<string, string>;
  /** The day of the first check-in. */
  firstCheckIn?: string;
  /**
   * See-clinician and caution signs reported and not yet answered by a clearance, each with the
   * day it was first reported (R-TRIAGE-B, R-TRIAGE-C).
   */
  openSigns: Partial<Record<WarningSign, string>>;
  /** Each day's pain over the first week of practice: the R-TRIAGE-C plateau's baseline. */
  firstWeekPain: Record<string, number>;
}

export function emptyMemory(): CoachMemory {
  return { levels: {}, lastDone: {}, openSigns: {}, firstWeekPain: {} };
}

/** Days of practice whose pain is the plateau's baseline (R-TRIAGE-C). */
const BASELINE_DAYS = 7;

type Remembered =
  | { type: "checkin"; item: Dated<CheckIn> }
  | { type: "session"; item: Dated<SessionRecord> }
  | { type: "clearance"; item: Dated<EventOf<"clearance">["data"]> }
  | { type: "programme"; item: Dated<Programme> };

/**
 * Moves the memory on by one event in force, already added to `state`'s lists. Only check-ins,
 * sessions, clearances and programmes change it.
 */
export function remember(state: LimberState, event: Remembered): void {
  const memory = state.memory;
  switch (event.type) {
    case "checkin": {
      const { item } = event;
      memory.firstCheckIn ??= item.day;
      const { seeClinician, caution } = findingsOf(item.data);
      for (const sign of [...seeClinician, ...caution]) memory.openSigns[sign] ??= item.day;
      if (inBaseline(memory, item.day)) recordBaseline(state, item.day);
      return;
    }
    case "session": {
      const { item } = event;
      const before = painBefore(state, item);
      const after = item.data.painAfter;
      const previous = memory.lastSession;
      const daysSincePrevious =
        previous === undefined ? undefined : Math.max(0, daysBetween(previous, item.day));
      foldLevels(memory.levels, item, {
        ...(before !== undefined && after !== undefined ? { painRise: after - before } : {}),
        ...(daysSincePrevious !== undefined ? { daysSincePrevious } : {}),
      });
      if (stepsDownAfter(daysSincePrevious ?? 0) > 0) memory.returnedOn = item.day;
      if (memory.firstSession === undefined) {
        memory.firstSession = item.day;
        // The check-ins of the first week that came before its first session count too.
        for (const checkIn of state.checkIns) {
          if (inBaseline(memory, checkIn.day)) recordBaseline(state, checkIn.day);
        }
      }
      if (previous === undefined || item.day > previous) memory.lastSession = item.day;
      for (const block of item.data.blocks) {
        if (!block.skipped) memory.lastDone[variantById(block.variant).exercise] = item.day;
      }
      return;
    }
    case "programme":
      startPrescribed(state, event.item);
      return;
    case "clearance": {
      // A clearance answers the signs it names, or every sign open before it (R-TRIAGE-B).
      const named = event.item.data.signs;
      if (!named) memory.openSigns = {};
      else for (const sign of named) delete memory.openSigns[sign];
      return;
    }
  }
}

/**
 * A prescribed starting step takes effect when its programme is chosen, and again only when a
 * later revision changes it: the exercise's level moves to it, with no step up for a week
 * after, counted afresh (R-PROGRESS). A revision older than one already chosen changes nothing.
 */
function startPrescribed(state: LimberState, item: Dated<Programme>): void {
  const earlier = state.programmes.filter(
    (p) => p.data.programmeId === item.data.programmeId && compareEvents(p, item) < 0,
  );
  if (earlier.some((p) => p.data.revision > item.data.revision)) return;
  const before = earlier.at(-1)?.data;
  for (const prescription of item.data.exercises) {
    const { exercise, variants, startStep } = prescription;
    if (startStep === undefined) continue;
    const was = before?.exercises.find((p) => p.exercise === exercise);
    const same =
      was?.startStep === startStep && JSON.stringify(was.variants) === JSON.stringify(variants);
    if (same) continue;
    const ladder = prescribedLadder(exercise, variants);
    const step = ladder?.indices[startStep];
    if (!ladder || step === undefined) continue;
    state.memory.levels[ladder.key] = {
      exercise: ladder.key,
      step,
      lastStepUp: item.day,
      outcomes: [],
      stepDown: false,
    };
  }
}

function inBaseline(memory: CoachMemory, day: string): boolean {
  const first = memory.firstSession;
  return first !== undefined && day >= first && day <= addDays(first, BASELINE_DAYS - 1);
}

function recordBaseline(state: LimberState, day: string): void {
  const pain = dayPain(state, day);
  if (pain !== undefined) state.memory.firstWeekPain[day] = pain;
  else delete state.memory.firstWeekPain[day];
}

/**
 * The memory of the state's lists, folded again from nothing: after an event is withdrawn, the
 * memory is what it would have been had the event never been. Needs the whole lists.
 */
export function rememberAll(state: LimberState): void {
  if (state.horizon !== undefined) {
    throw new Error("the memory is refolded only from the whole log, not from a checkpoint's days");
  }
  const items: Remembered[] = [
    ...state.checkIns.map((item) => ({ type: "checkin" as const, item })),
    ...state.sessions.map((item) => ({ type: "session" as const, item })),
    ...state.clearances.map((item) => ({ type: "clearance" as const, item })),
    ...state.programmes.map((item) => ({ type: "programme" as const, item })),
  ].sort((a, b) => compareEvents(a.item, b.item));
  const lists = { checkIns: state.checkIns };
  // The baseline reads the day's check-ins as they stood at each step, so replay them too.
  state.checkIns = [];
  state.memory = emptyMemory();
  for (const entry of items) {
    if (entry.type === "checkin") state.checkIns.push(entry.item);
    remember(state, entry);
  }
  state.checkIns = lists.checkIns;
}
