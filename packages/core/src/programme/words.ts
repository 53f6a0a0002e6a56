import { exerciseById, variantById } from "../catalog/index.ts";
import type { Prescription, Programme } from "../events/schema.ts";
import { doseRangeText } from "../planner/dose-text.ts";

/**
 * A programme in plain words, written once for every place that shows it: the person's screen
 * before they use it, the clinician's printed sheet, the summary and the health record.
 */

/** "Your physiotherapist's programme", or "Sam Lee's programme" when no role was given. */
export function programmeOwner(programme: Programme): string {
  const role = programme.prescriber.role;
  if (!role) return `${programme.prescriber.name}'s programme`;
  // "Physiotherapist" reads "physiotherapist"; "GP" stays as written.
  const spoken = /^[A-Z][a-z]/.test(role) ? role.charAt(0).toLowerCase() + role.slice(1) : role;
  return `Your ${spoken}'s programme`;
}

/** The owner as the middle of a sentence says it: "your physiotherapist's programme". */
export function ownerInSentence(owner: string): string {
  return owner.startsWith("Your ") ? `your ${owner.slice(5)}` : owner;
}

/** "2–3 holds × 15–30 s each side": a prescription's dose in its first variant's shape. */
export function prescribedDoseText(prescription: Prescription): string {
  const variant = variantById(allowedIds(prescription)[0] ?? "hip-rolls-breath");
  return doseRangeText(variant, { ...variant.dose, ...prescription.dose });
}

/** The variants a prescription allows, by id: every variant of its exercise when it names none. */
export function allowedIds(prescription: Prescription) {
  const { ladder, alternatives } = exerciseById(prescription.exercise);
  return prescription.variants ?? [...ladder, ...alternatives];
}
