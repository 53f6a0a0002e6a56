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
  const state = project(events);
  const live = checkInOn(state, day);
  const anchor = live
    ? events.find((event) => event.id === live.id)
    : events
        .filter((e): e is EventOf<"checkin"> => e.type === "checkin" && e.day === day)
        .filter((e) => findingsOf(e.data).emergency.length > 0)
        .sort(compareEvents)
        .at(-1);
  if (anchor?.type !== "checkin") return undefined;
  const upTo = events.filter((event) => compareEvents(event, anchor) <= 0);
  return { day, checkIn: anchor.data, state: project(upTo) };
}
