import { findingsOf } from "../triage/findings.ts";
import { compareEvents, type Dated, type LimberState, project } from "./project.ts";
import type { CheckIn, EventOf, LimberEvent } from "./schema.ts";

/** The latest check-in of `day` still in force (not withdrawn by `retract`). */
export function checkInOn(state: LimberState, day: string): Dated<CheckIn> | undefined {
  return state.checkIns.findLast((checkIn) => checkIn.day === day);
}

/** A day as Limber saw it at the person's check-in. */
export interface CheckedInDay {
  day: string;
  checkIn: CheckIn;
  /** The log folded up to and including that check-in. */
  state: LimberState;
}

/**
 * The state and check-in a day's plan was made from: the log up to the day's last check-in, so
 * a plan read again later (by a clinician, or the CLI) is the plan the person was shown, not
 * one changed by that day's own session. If every check-in of an emergency day was withdrawn,
 * the withdrawn emergency answer still speaks for the day (R-TRIAGE-NO-BYPASS). Undefined when
 * the day has no check-in at all.
 */
export function checkedInDay(
  events: readonly LimberEvent[],
  day: string,
): CheckedInDay | undefined {
  const anchor = checkInAnchors(events, [day]).get(day);
  if (!anchor) return undefined;
  const upTo = events.filter((event) => compareEvents(event, anchor) <= 0);
  return { day, checkIn: anchor.data, state: project(upTo) };
}

/**
 * The check-in each of `days` was planned from (see `checkedInDay`): the latest one still in
 * force, or if every check-in of the day was withdrawn, its latest emergency answer.
 */
export function checkInAnchors(
  events: readonly LimberEvent[],
  days: Iterable<string>,
): Map<string, EventOf<"checkin">> {
  const state = project(events);
  const checkIns = events.filter((e): e is EventOf<"checkin"> => e.type === "checkin");
  const anchors = new Map<string, EventOf<"checkin">>();
  for (const day of days) {
    const live = checkInOn(state, day);
    const anchor = live
      ? checkIns.find((event) => event.id === live.id)
      : checkIns
          .filter((e) => e.day === day && findingsOf(e.data).emergency.length > 0)
          .sort(compareEvents)
          .at(-1);
    if (anchor) anchors.set(day, anchor);
  }
  return anchors;
}
