/**
 * What domain.md says a check-in must get from triage, as a model of its own, for the property
 * tests of the planner and of programmes. Imported by tests only.
 */
import type { CheckIn, EventOf, LimberEvent } from "../events/schema.ts";
import type { WarningSign } from "./signs.ts";
import { EMERGENCY, FEVER_OR_INFECTION, SEE_CLINICIAN } from "./tiers.fixture.ts";

// The safety rules as a model of their own, from domain.md's literal sign lists, never from the
// code under test: R-TRIAGE-A, R-TRIAGE-B, R-TRIAGE-FOLLOW-UP, R-TRIAGE-REST, R-TRIAGE-NO-BYPASS.

/** A check-in's signs, its leg answer counted as the sign it stands for. */
function signsOf(checkIn: CheckIn): WarningSign[] {
  const signs = [...(checkIn.signs ?? [])];
  if (checkIn.leg === "both-legs") signs.push("both-legs");
  if (checkIn.leg === "one-leg-worsening") signs.push("progressive-nerve");
  return signs;
}

const inLogOrder = (a: LimberEvent, b: LimberEvent) =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

export interface Expected {
  tier: "emergency" | "see-clinician" | "open";
  rest: boolean;
}

/** What domain.md says a check-in on `day` must get, given the log before it. */
export function expectedFor(
  events: readonly LimberEvent[],
  checkIn: CheckIn,
  day: string,
): Expected {
  const withdrawn = new Set(events.flatMap((e) => (e.type === "retract" ? [e.data.target] : [])));
  const checkIns = events.filter((e): e is EventOf<"checkin"> => e.type === "checkin");
  const clearances = events.filter(
    (e): e is EventOf<"clearance"> => e.type === "clearance" && !withdrawn.has(e.id),
  );
  const emergencyOn = (d: string) =>
    checkIns
      .filter((c) => c.day === d)
      .flatMap((c) => signsOf(c.data).filter((s) => EMERGENCY.includes(s)));
  const today = signsOf(checkIn);
  if (today.some((s) => EMERGENCY.includes(s)) || emergencyOn(day).length > 0) {
    return { tier: "emergency", rest: false };
  }
  // Emergencies of earlier days, withdrawn or not, until a clearance dated after them.
  const followUps = [...new Set(checkIns.map((c) => c.day))]
    .filter((d) => d < day)
    .flatMap((d) =>
      emergencyOn(d).filter(
        (sign) =>
          !clearances.some(
            (c) => c.day > d && c.day <= day && (!c.data.signs || c.data.signs.includes(sign)),
          ),
      ),
    );
  // See-clinician and caution signs in force, until a clearance after them answers them.
  const open = new Set<WarningSign>();
  const live = events.filter((e) => !withdrawn.has(e.id) && e.day <= day).sort(inLogOrder);
  for (const event of live) {
    if (event.type === "checkin") {
      for (const sign of signsOf(event.data)) if (!EMERGENCY.includes(sign)) open.add(sign);
    } else if (event.type === "clearance") {
      if (event.data.signs) for (const sign of event.data.signs) open.delete(sign);
      else open.clear();
    }
  }
  const clinician = [...today, ...open].filter((s) => SEE_CLINICIAN.includes(s));
  if (clinician.length === 0 && followUps.length === 0) return { tier: "open", rest: false };
  const causes = [...clinician, ...followUps];
  return { tier: "see-clinician", rest: causes.some((s) => FEVER_OR_INFECTION.includes(s)) };
}
