import type { CheckIn } from "../events/schema.ts";
import {
  type CautionSign,
  type EmergencySign,
  isCautionSign,
  isEmergencySign,
  isSeeClinicianSign,
  type SeeClinicianSign,
  type WarningSign,
} from "./signs.ts";

/** What one check-in reports, sorted by how much care each answer calls for. */
export interface Findings {
  emergency: EmergencySign[];
  seeClinician: SeeClinicianSign[];
  caution: CautionSign[];
  /** Stable leg symptoms in one leg (R-TRIAGE-C, R-NERVE). */
  oneLeg: boolean;
}

/**
 * Reads a check-in's warning signs and leg answer. The leg answer counts as a sign too:
 * symptoms in both legs are an emergency sign (R-TRIAGE-A), and one-leg symptoms that keep
 * worsening are progressive nerve symptoms (R-TRIAGE-B).
 */
export function findingsOf(checkIn: CheckIn): Findings {
  const signs = new Set<WarningSign>(checkIn.signs ?? []);
  if (checkIn.leg === "both-legs") signs.add("both-legs");
  if (checkIn.leg === "one-leg-worsening") signs.add("progressive-nerve");
  const all = [...signs];
  return {
    emergency: all.filter(isEmergencySign),
    seeClinician: all.filter(isSeeClinicianSign),
    caution: all.filter(isCautionSign),
    oneLeg: checkIn.leg === "one-leg",
  };
}
