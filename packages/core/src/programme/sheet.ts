import { exerciseById, variantById } from "../catalog/index.ts";
import { dayLabel } from "../day-label.ts";
import type { Prescription, Programme, Progression } from "../events/schema.ts";
import { doseOf } from "../planner/dose.ts";
import { doseText } from "../planner/dose-text.ts";
import { PRESCRIBABLE, prescribedLadder } from "./ladder.ts";
import { prescribedDoseText } from "./words.ts";

/**
 * A whole programme in plain words, for the screens that show it whole: the person's screen
 * before they use it, the clinician's printed sheet, the summary and the health record. Kept
 * apart from the words the planner needs, so the first screen does not load it.
 */

/** "Sam Lee, Physiotherapist, Riverside Clinic": who prescribed it. */
export function prescriberText(programme: Programme): string {
  const { name, role, practice } = programme.prescriber;
  return [name, role, practice].filter(Boolean).join(", ");
}

export const PACE_WORDS: Record<Progression, string> = {
  limber: "as Limber decides: at most one step up a week, after three comfortable sessions",
  slow: "slower: at most one step up a fortnight, after three comfortable sessions",
  none: "none: each exercise stays at the step it starts on",
};

/** "Strap stretch, knee bent, 2 × 20 s each side": where a prescribed exercise starts. */
export function startText(prescription: Prescription): string | undefined {
  if (prescription.startStep === undefined) return undefined;
  const step = prescribedLadder(prescription.exercise, prescription.variants)?.steps[
    prescription.startStep
  ];
  if (!step) return undefined;
  const variant = variantById(step.variant);
  return `${variant.name}, ${doseText(variant.mode, doseOf(variant, step.dose))}`;
}

/** One sentence for one exercise of the programme. */
export function prescriptionText(prescription: Prescription): string {
  const exercise = exerciseById(prescription.exercise);
  const names = prescription.variants
    ? `${prescription.variants.map((id) => variantById(id).name).join(", or ")} only`
    : "any of its variants";
  const start = startText(prescription);
  return `${exercise.name}: ${names}; ${prescribedDoseText(prescription)}${start ? `; starting at ${start}` : ""}.`;
}

/** The programme in words, line by line: exercises in session order, then pace, days and end. */
export function programmeLines(programme: Programme): string[] {
  const lines: string[] = [];
  for (const id of PRESCRIBABLE) {
    const prescription = programme.exercises.find((p) => p.exercise === id);
    if (prescription) lines.push(prescriptionText(prescription));
    else if (programme.excluded.includes(id)) lines.push(`${exerciseById(id).name}: left out.`);
  }
  const open = PRESCRIBABLE.filter(
    (id) => !programme.excluded.includes(id) && !programme.exercises.some((p) => p.exercise === id),
  );
  if (open.length > 0) {
    lines.push(`${open.map((id) => exerciseById(id).name).join(", ")}: as Limber decides.`);
  }
  lines.push(`Progression: ${PACE_WORDS[programme.progression]}.`);
  lines.push(
    `Practice: ${programme.daysPerWeek} ${programme.daysPerWeek === 1 ? "day" : "days"} a week.`,
  );
  lines.push(
    programme.endsOn
      ? `From ${dayLabel(programme.prescribedOn, "date")} to ${dayLabel(programme.endsOn, "date")}.`
      : `From ${dayLabel(programme.prescribedOn, "date")}, with no end date.`,
  );
  return lines;
}
