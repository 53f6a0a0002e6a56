import type { ExerciseId } from "../catalog/index.ts";
import type { Prescription, Programme } from "../events/schema.ts";
import type { Dated, LimberState } from "../events/state.ts";

/**
 * The programme a person follows on `day`: of the programmes chosen on or before it, the one
 * chosen last, at its highest revision chosen so far (a later revision replaces an earlier one;
 * an older link opened again changes nothing). None once its end date has passed, and none
 * after every revision of it was withdrawn (`retract`).
 */
export function programmeOn(state: LimberState, day: string): Dated<Programme> | undefined {
  let latest: Dated<Programme> | undefined;
  for (const item of state.programmes) if (item.day <= day) latest = item;
  if (!latest) return undefined;
  const id = latest.data.programmeId;
  let current = latest;
  for (const item of state.programmes) {
    if (
      item.day <= day &&
      item.data.programmeId === id &&
      item.data.revision >= current.data.revision
    ) {
      current = item;
    }
  }
  const ends = current.data.endsOn;
  return ends !== undefined && ends < day ? undefined : current;
}

/** What a programme says of one exercise: prescribed, left out, or left to Limber. */
export type ExerciseTerms =
  | { kind: "prescribed"; prescription: Prescription }
  | { kind: "excluded" }
  | { kind: "open" };

export function termsFor(programme: Programme | undefined, exercise: ExerciseId): ExerciseTerms {
  if (!programme) return { kind: "open" };
  if ((programme.excluded as readonly string[]).includes(exercise)) return { kind: "excluded" };
  const prescription = programme.exercises.find((p) => p.exercise === exercise);
  return prescription ? { kind: "prescribed", prescription } : { kind: "open" };
}
