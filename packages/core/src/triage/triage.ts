import type { CheckIn, EventOf } from "../events/schema.ts";
import type { LimberState } from "../events/state.ts";
import { painPlateau, spikeStatus } from "../history.ts";
import { pastDay } from "../past-day.ts";
import { type Reason, reason } from "../rules.ts";
import {
  describeEmergencyNumber,
  type EmergencyNumber,
  emergencyNumberFor,
} from "./emergency-number.ts";
import { findingsOf } from "./findings.ts";
import {
  type EmergencySign,
  isCautionSign,
  isEmergencySign,
  isSeeClinicianSign,
  REST_SIGNS,
  SAME_DAY_SIGNS,
  WARNING_SIGNS,
  type WarningSign,
} from "./signs.ts";

export const TIERS = ["emergency", "see-clinician", "caution", "clear"] as const;
export type Tier = (typeof TIERS)[number];

/** An earlier day's emergency answer that no clearance dated after it has answered yet. */
export interface FollowUp {
  day: string;
  signs: EmergencySign[];
}

export interface Triage {
  tier: Tier;
  /** The warning signs behind an emergency or see-clinician tier. */
  signs: WarningSign[];
  /** R-TRIAGE-FOLLOW-UP: earlier emergencies the person has not said they were seen about. */
  followUps: FollowUp[];
  /** R-TRIAGE-REST: fever or infection is among the reasons: rest and breathing, no walk. */
  rest: boolean;
  emergencyNumber: EmergencyNumber;
  reasons: Reason[];
}

const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

const listSigns = (signs: readonly WarningSign[]) =>
  signs.map((sign) => WARNING_SIGNS[sign].toLowerCase()).join("; ");

/**
 * R-TRIAGE-FOLLOW-UP: the emergency answers of days before `today` still waiting for a
 * clearance dated after their day. A clearance answers the signs it names, or all of them.
 */
export function followUpsDue(state: LimberState, today: string): FollowUp[] {
  const due: FollowUp[] = [];
  for (const [day, signs] of [...state.emergencies].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (day >= today) continue;
    const later = state.clearances.filter((c) => c.day > day && c.day <= today);
    const open = signs.filter(
      (sign) => !later.some((c) => c.data.signs === undefined || c.data.signs.includes(sign)),
    );
    if (open.length > 0) due.push({ day, signs: open });
  }
  return due;
}

/**
 * A check-in as a clearance recorded after it, the same day, leaves it (R-TRIAGE-B): the
 * see-clinician and caution signs the clearance names (or all of them, when it names none) no
 * longer count, and one-leg symptoms it answers count as steady. Emergency signs stand for the
 * rest of the day whatever is recorded (R-TRIAGE-NO-BYPASS).
 */
export function clearedCheckIn(checkIn: CheckIn, clearance: EventOf<"clearance">["data"]): CheckIn {
  const answers = (sign: WarningSign) =>
    !isEmergencySign(sign) && (clearance.signs === undefined || clearance.signs.includes(sign));
  const signs = (checkIn.signs ?? []).filter((sign) => !answers(sign));
  const leg =
    checkIn.leg === "one-leg-worsening" && answers("progressive-nerve") ? "one-leg" : checkIn.leg;
  return { ...checkIn, signs, ...(leg ? { leg } : {}) };
}

/**
 * See-clinician and caution signs reported on or before `today` that no later clearance
 * answers (the memory keeps them as the log is folded). Check-ins withdrawn by `retract` are
 * gone from it, so a mistaken tap can be corrected.
 */
export function openSigns(state: LimberState, today: string): WarningSign[] {
  return Object.entries(state.memory.openSigns).flatMap(([sign, day]) =>
    day <= today ? [sign as WarningSign] : [],
  );
}

/**
 * Decides how carefully Limber may coach today (domain.md §5). Looks at today's check-in and at
 * what the log already holds: an emergency answer earlier today or on an earlier day not yet
 * answered by a clearance, a see-clinician sign not yet cleared, pain spikes, and pain that has
 * not eased after weeks of practice.
 */
export function triageCheckIn(state: LimberState, checkIn: CheckIn, today: string): Triage {
  const emergencyNumber = emergencyNumberFor(state.settings.region);
  const findings = findingsOf(checkIn);
  const followUps = followUpsDue(state, today);
  const base = { followUps, emergencyNumber };

  // R-TRIAGE-A, and R-TRIAGE-NO-BYPASS: an emergency answer stands for the rest of the day.
  const earlierToday = state.emergencies.has(today);
  if (findings.emergency.length > 0 || earlierToday) {
    const reasons = [
      reason(
        "R-TRIAGE-A",
        findings.emergency.length > 0
          ? `You reported: ${listSigns(findings.emergency)}. This can be a sign of a problem that needs urgent care, so seek emergency care now.`
          : undefined,
      ),
      reason(
        "R-EMERGENCY-NUMBER",
        `${describeEmergencyNumber(emergencyNumber)} or go to the nearest emergency department.`,
      ),
    ];
    if (earlierToday && findings.emergency.length === 0) {
      reasons.push(
        reason(
          "R-TRIAGE-NO-BYPASS",
          "An emergency sign was reported earlier today, so the advice to seek care stands for the rest of the day.",
        ),
      );
    }
    return { ...base, tier: "emergency", signs: findings.emergency, rest: false, reasons };
  }

  // R-TRIAGE-B and R-TRIAGE-FOLLOW-UP: paused until a clinician has cleared the person.
  const open = openSigns(state, today);
  const seeClinician = [...new Set([...findings.seeClinician, ...open.filter(isSeeClinicianSign)])];
  if (seeClinician.length > 0 || followUps.length > 0) {
    const reasons: Reason[] = [];
    for (const followUp of followUps) {
      reasons.push(
        reason(
          "R-TRIAGE-FOLLOW-UP",
          `${capitalised(pastDay(followUp.day, today))} you reported: ${listSigns(followUp.signs)}. Until a clinician has seen you about it and said you can move, practice stays paused. If it is still there or getting worse, ${describeEmergencyNumber(emergencyNumber).toLowerCase()} or go to the nearest emergency department.`,
        ),
      );
    }
    if (seeClinician.length > 0) {
      const today = seeClinician.some((sign) => SAME_DAY_SIGNS.includes(sign));
      reasons.push(
        reason(
          "R-TRIAGE-B",
          `You reported: ${listSigns(seeClinician)}. Please see your family doctor, a physiatrist or a physical therapist${today ? " today" : ""} before stretching again; gentle breathing stays available, and the programme resumes once you record that a clinician has cleared you.`,
        ),
      );
    }
    const causes = [...seeClinician, ...followUps.flatMap((f) => f.signs)];
    const rest = causes.some((sign) => REST_SIGNS.includes(sign));
    if (rest) reasons.push(reason("R-TRIAGE-REST"));
    const signs = [...new Set(causes)];
    return { ...base, tier: "see-clinician", signs, rest, reasons };
  }

  // R-TRIAGE-C: practise carefully, and suggest a clinician check.
  const reasons: Reason[] = [];
  if (findings.oneLeg) {
    reasons.push(
      reason(
        "R-TRIAGE-C",
        "You have symptoms in one leg, so today's moves are the nerve-friendly ones: no straight-knee holds, and sliding rather than stretching. If the symptoms persist, a clinician check is a good idea.",
      ),
    );
  }
  const spikes = spikeStatus(state, today);
  if (spikes.backOff) {
    reasons.push(
      reason(
        "R-TRIAGE-C",
        spikes.suggestClinician
          ? "Pain has risen after three recent sessions. Please have a clinician look at it; until then practice stays light."
          : "Pain rose after two sessions this week, so practice stays light for a week. If it keeps happening, a clinician check is a good idea.",
      ),
    );
  }
  const plateau = painPlateau(state, today);
  if (plateau) {
    reasons.push(
      reason(
        "R-TRIAGE-C",
        `After four weeks of regular practice your pain has not changed meaningfully (about ${plateau.baseline.toFixed(1)} then, ${plateau.recent.toFixed(1)} now). Practice can go on, and a clinician check is a good idea.`,
      ),
    );
  }
  const caution = [...new Set([...findings.caution, ...open.filter(isCautionSign)])];
  if (caution.length > 0) {
    reasons.push(
      reason(
        "R-TRIAGE-C",
        `You reported: ${listSigns(caution)}. That pattern is worth a clinician's look, as it can have a cause that needs its own care; practice can go on meanwhile.`,
      ),
    );
  }
  const tier = reasons.length > 0 ? "caution" : "clear";
  return { ...base, tier, signs: caution, rest: false, reasons };
}
