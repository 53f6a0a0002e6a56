import type { CheckIn } from "../events/schema.ts";
import type { LimberState } from "../events/state.ts";
import { painPlateau, spikeStatus } from "../history.ts";
import { type Reason, reason } from "../rules.ts";
import {
  describeEmergencyNumber,
  type EmergencyNumber,
  emergencyNumberFor,
} from "./emergency-number.ts";
import { findingsOf } from "./findings.ts";
import { WARNING_SIGNS, type WarningSign } from "./signs.ts";

export const TIERS = ["emergency", "see-clinician", "caution", "clear"] as const;
export type Tier = (typeof TIERS)[number];

export interface Triage {
  tier: Tier;
  /** The warning signs behind an emergency or see-clinician tier. */
  signs: WarningSign[];
  emergencyNumber: EmergencyNumber;
  reasons: Reason[];
}

const listSigns = (signs: WarningSign[]) =>
  signs.map((sign) => WARNING_SIGNS[sign].toLowerCase()).join("; ");

/**
 * Decides how carefully Limber may coach today (domain.md §5). Looks at today's check-in and at
 * what the log already holds: an emergency answer earlier today, a see-clinician sign not yet
 * followed by a clearance, pain spikes, and pain that has not eased after weeks of practice.
 */
export function triageCheckIn(state: LimberState, checkIn: CheckIn, today: string): Triage {
  const emergencyNumber = emergencyNumberFor(state.settings.region);
  const findings = findingsOf(checkIn);

  // R-TRIAGE-A, and R-TRIAGE-NO-BYPASS: an emergency answer stands for the rest of the day.
  const earlierEmergency = state.emergencyDays.has(today);
  if (findings.emergency.length > 0 || earlierEmergency) {
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
    if (earlierEmergency && findings.emergency.length === 0) {
      reasons.push(
        reason(
          "R-TRIAGE-NO-BYPASS",
          "An emergency sign was reported earlier today, so the advice to seek care stands for the rest of the day.",
        ),
      );
    }
    return { tier: "emergency", signs: findings.emergency, emergencyNumber, reasons };
  }

  // R-TRIAGE-B: a see-clinician sign pauses the programme until a clearance is recorded.
  const pending = pendingClinicianSigns(state, today);
  const seeClinician = [...new Set([...findings.seeClinician, ...pending])];
  if (seeClinician.length > 0) {
    return {
      tier: "see-clinician",
      signs: seeClinician,
      emergencyNumber,
      reasons: [
        reason(
          "R-TRIAGE-B",
          `You reported: ${listSigns(seeClinician)}. Please see your family doctor, a physiatrist or a physical therapist before stretching again; gentle breathing and easy walking stay available, and the programme resumes once you record that a clinician has cleared you.`,
        ),
      ],
    };
  }

  // R-TRIAGE-C: practise carefully, and suggest a clinician check.
  const reasons: Reason[] = [];
  if (findings.oneLeg) {
    reasons.push(
      reason(
        "R-TRIAGE-C",
        "You have symptoms in one leg, so today uses nerve-friendly variations with the knee bent. If they persist, a clinician check is a good idea.",
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
  if (reasons.length > 0) return { tier: "caution", signs: [], emergencyNumber, reasons };
  return { tier: "clear", signs: [], emergencyNumber, reasons: [] };
}

/**
 * See-clinician signs reported on or before `today` that no later clearance answers (the
 * memory keeps them as the log is folded). Check-ins withdrawn by `retract` are gone from it,
 * so a mistaken tap can be corrected.
 */
export function pendingClinicianSigns(state: LimberState, today: string): WarningSign[] {
  return Object.entries(state.memory.openSigns).flatMap(([sign, day]) =>
    day <= today ? [sign as WarningSign] : [],
  );
}
