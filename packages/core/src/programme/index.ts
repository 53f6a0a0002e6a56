/** Programmes a clinician prescribes, carried by link (docs/clinicians.md). */
export { type ExerciseTerms, programmeOn, termsFor } from "./active.ts";
export {
  DOSE_FIELDS,
  type DoseField,
  narrowedRange,
  overlap,
  PRESCRIBABLE,
  type PrescribableId,
  type PrescribedLadder,
  prescribedLadder,
} from "./ladder.ts";
export {
  CLINICIAN_ROUTE,
  codeOf,
  type Decoded,
  decodeProgramme,
  encodeProgramme,
  LINK_VERSION,
  PROGRAMME_ROUTE,
  programmeLink,
} from "./link.ts";
export {
  PACE_WORDS,
  prescriberText,
  prescriptionText,
  programmeLines,
  startText,
} from "./sheet.ts";
export {
  allowedIds,
  ownerInSentence,
  prescribedDoseText,
  programmeOwner,
} from "./words.ts";
