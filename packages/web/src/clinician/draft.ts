import {
  DOSE_FIELDS,
  type DoseField,
  exerciseById,
  PRESCRIBABLE,
  type PrescribableId,
  type Prescription,
  type Programme,
  type Progression,
  programmeData,
  type Variant,
  type VariantId,
  variantById,
} from "@limber/core";

/** One exercise as the clinician's form holds it. */
export interface ExerciseDraft {
  use: "limber" | "prescribed" | "excluded";
  variants: VariantId[];
  /** Each range as typed, low and high. */
  dose: Partial<Record<DoseField, [string, string]>>;
  /** A place on the allowed steps, or "" for where the person already is. */
  startStep: string;
}

/** The clinician's form: everything a programme holds, as typed so far. */
export interface Draft {
  programmeId: string;
  revision: number;
  name: string;
  role: string;
  practice: string;
  prescribedOn: string;
  exercises: Record<PrescribableId, ExerciseDraft>;
  progression: Progression;
  daysPerWeek: number;
  endsOn: string;
  note: string;
}

export const variantsOfExercise = (exercise: PrescribableId): Variant[] => {
  const { ladder, alternatives } = exerciseById(exercise);
  return [...ladder, ...alternatives].map(variantById);
};

/** A new programme id: random, so two clinicians' programmes never share one. */
function newProgrammeId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  return `p-${[...bytes].map((b) => "abcdefghjkmnpqrstuvwxyz23456789"[b % 31]).join("")}`;
}

export function emptyDraft(today: string): Draft {
  const exercises = Object.fromEntries(
    PRESCRIBABLE.map((id): [PrescribableId, ExerciseDraft] => [
      id,
      { use: "limber", variants: variantsOfExercise(id).map((v) => v.id), dose: {}, startStep: "" },
    ]),
  ) as Record<PrescribableId, ExerciseDraft>;
  return {
    programmeId: newProgrammeId(),
    revision: 1,
    name: "",
    role: "Physiotherapist",
    practice: "",
    prescribedOn: today,
    exercises,
    progression: "limber",
    daysPerWeek: 5,
    endsOn: "",
    note: "",
  };
}

/** A programme opened from its link, as a form to change: same id, the next revision. */
export function draftOf(programme: Programme, today: string): Draft {
  const draft = emptyDraft(today);
  for (const id of PRESCRIBABLE) {
    const prescription = programme.exercises.find((p) => p.exercise === id);
    if (programme.excluded.includes(id)) draft.exercises[id].use = "excluded";
    if (!prescription) continue;
    draft.exercises[id] = {
      use: "prescribed",
      variants: prescription.variants ?? variantsOfExercise(id).map((v) => v.id),
      dose: Object.fromEntries(
        DOSE_FIELDS.flatMap((field) => {
          const range = prescription.dose?.[field];
          return range ? [[field, [String(range[0]), String(range[1])]]] : [];
        }),
      ),
      startStep: prescription.startStep === undefined ? "" : String(prescription.startStep),
    };
  }
  return {
    ...draft,
    programmeId: programme.programmeId,
    revision: programme.revision + 1,
    name: programme.prescriber.name,
    role: programme.prescriber.role ?? "",
    practice: programme.prescriber.practice ?? "",
    progression: programme.progression,
    daysPerWeek: programme.daysPerWeek,
    endsOn: programme.endsOn ?? "",
    note: programme.note ?? "",
  };
}

/** The dose fields the allowed variants of an exercise are counted in. */
export function fieldsOf(variants: readonly VariantId[]): DoseField[] {
  return DOSE_FIELDS.filter((field) => variants.some((id) => variantById(id).dose[field]));
}

/** The catalog's limits of a field over the allowed variants: the lowest low, the highest high. */
export function limitsOf(variants: readonly VariantId[], field: DoseField): [number, number] {
  const ranges = variants.flatMap((id) => {
    const range = variantById(id).dose[field];
    return range ? [range] : [];
  });
  return [Math.min(...ranges.map((r) => r[0])), Math.max(...ranges.map((r) => r[1]))];
}

export type Checked = { ok: true; programme: Programme } | { ok: false; problems: string[] };

const FIELD_WORDS: Record<DoseField, string> = {
  sets: "sets",
  reps: "repetitions",
  holds: "holds",
  holdSeconds: "seconds a hold",
  seconds: "seconds",
};
export const fieldWords = (field: DoseField) => FIELD_WORDS[field];

/** The form as a programme, checked by the same schema as every programme event. */
export function checkDraft(draft: Draft): Checked {
  const problems: string[] = [];
  const exercises: Prescription[] = [];
  for (const id of PRESCRIBABLE) {
    const entry = draft.exercises[id];
    if (entry.use !== "prescribed") continue;
    const name = exerciseById(id).name;
    if (entry.variants.length === 0) {
      problems.push(`${name}: choose at least one variant, or leave the exercise out.`);
      continue;
    }
    const all = entry.variants.length === variantsOfExercise(id).length;
    const dose: Prescription["dose"] = {};
    for (const field of fieldsOf(entry.variants)) {
      const [low = "", high = ""] = entry.dose[field] ?? [];
      if (low.trim() === "" && high.trim() === "") continue;
      const range = [Number(low), Number(high)] as [number, number];
      if (!range.every(Number.isInteger)) {
        problems.push(
          `${name}: give ${fieldWords(field)} as two whole numbers, or leave both empty.`,
        );
        continue;
      }
      dose[field] = range;
    }
    exercises.push({
      exercise: id,
      ...(all ? {} : { variants: entry.variants }),
      ...(Object.keys(dose).length > 0 ? { dose } : {}),
      ...(entry.startStep !== "" ? { startStep: Number(entry.startStep) } : {}),
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  const candidate = {
    programmeId: draft.programmeId,
    revision: draft.revision,
    prescriber: {
      name: draft.name.trim(),
      ...(draft.role.trim() ? { role: draft.role.trim() } : {}),
      ...(draft.practice.trim() ? { practice: draft.practice.trim() } : {}),
    },
    prescribedOn: draft.prescribedOn,
    exercises,
    excluded: PRESCRIBABLE.filter((id) => draft.exercises[id].use === "excluded"),
    progression: draft.progression,
    daysPerWeek: draft.daysPerWeek,
    ...(draft.endsOn ? { endsOn: draft.endsOn } : {}),
    ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
  };
  const parsed = programmeData.safeParse(candidate);
  if (parsed.success) return { ok: true, programme: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => problemOf(issue, candidate)) };
}

/** One schema issue as a sentence the clinician can act on. */
function problemOf(
  issue: { path: PropertyKey[]; message: string },
  candidate: { exercises: Prescription[] },
): string {
  const [top, index] = issue.path;
  if (top === "prescriber") return "Give your name, so the person knows who prescribed it.";
  if (top === "exercises" && typeof index === "number") {
    const exercise = candidate.exercises[index]?.exercise;
    const name = exercise ? exerciseById(exercise).name : "An exercise";
    return `${name}: ${issue.message}.`;
  }
  if (top === "endsOn") return "The end date comes before the start.";
  return `${String(top ?? "The programme")}: ${issue.message}.`;
}
