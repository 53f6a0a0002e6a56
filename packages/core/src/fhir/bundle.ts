/// <reference types="fhir" />

import { exerciseById } from "../catalog/index.ts";
import { addDays } from "../days.ts";
import { dayPains } from "../events/day-pain.ts";
import type { ReadModel } from "../events/read-model.ts";
import { programmeOn } from "../programme/active.ts";
import { PRESCRIBABLE } from "../programme/ladder.ts";
import { crc32 } from "../programme/link.ts";
import { prescriberText, prescriptionText, programmeLines } from "../programme/sheet.ts";
import type { ClinicianReport } from "../progress/report.ts";

// The FHIR R4 types (the @types/fhir package's `fhir4` namespace).
type Bundle = fhir4.Bundle;
type BundleEntry = fhir4.BundleEntry;
type CarePlan = fhir4.CarePlan;
type CarePlanActivity = fhir4.CarePlanActivity;
type CodeableConcept = fhir4.CodeableConcept;
type CodeSystem = fhir4.CodeSystem;
type Coding = fhir4.Coding;
type FhirResource = fhir4.FhirResource;
type Observation = fhir4.Observation;
type Patient = fhir4.Patient;
type Provenance = fhir4.Provenance;
type Questionnaire = fhir4.Questionnaire;
type QuestionnaireResponse = fhir4.QuestionnaireResponse;
type Reference = fhir4.Reference;

/**
 * The clinician summary's record as a FHIR R4 Bundle (a `collection`) that a clinic's system can
 * read (docs/clinicians.md): the person, pain by day (LOINC 72514-3), the active knee extension
 * test, the PSFS as a Questionnaire with its responses, practice per week, the prescribed
 * programme as a CarePlan, and a Provenance naming the person as the source. Codes LOINC has
 * none for come from Limber's own code system, described in the Bundle by a CodeSystem.
 */

export const LOINC = "http://loinc.org";
export const SNOMED = "http://snomed.info/sct";
export const UCUM = "http://unitsofmeasure.org";
const CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
const PARTICIPANT = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";
/** Limber's own codes (no published terminology has them); the Bundle's CodeSystem lists them. */
export const LIMBER_CODES = "urn:limber:codes";
/** The system of a programme's stable id, across its revisions. */
export const LIMBER_PROGRAMMES = "urn:limber:programme-id";

export const PAIN_CODE: Coding = {
  system: LOINC,
  code: "72514-3",
  display: "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
};

const CONCEPTS = {
  "active-knee-extension":
    "Active knee extension test: degrees short of full knee extension, lying on the back with the hip held at 90 degrees",
  "ake-inclinometer":
    "Active knee extension test, measured with a phone laid on the shin as an inclinometer",
  "ake-manual": "Active knee extension test, the angle entered by hand",
  "practice-days":
    "Limber practice days in the week (a full session, or two short ones, counts as one)",
  "home-programme": "Home hamstring-mobility programme followed in Limber",
  ...Object.fromEntries(PRESCRIBABLE.map((id) => [id, exerciseById(id).name])),
} as const;
type LimberCode = keyof typeof CONCEPTS | (typeof PRESCRIBABLE)[number];

const limber = (code: LimberCode): Coding => ({
  system: LIMBER_CODES,
  code,
  display: (CONCEPTS as Record<string, string>)[code] ?? code,
});
const concept = (coding: Coding, text?: string): CodeableConcept => ({
  coding: [coding],
  ...(text ? { text } : {}),
});
const category = (code: "survey" | "exam" | "activity", display: string): CodeableConcept[] => [
  concept({ system: CATEGORY, code, display }),
];

export const KNEES = {
  left: { system: SNOMED, code: "82169009", display: "Structure of left knee region" },
  right: { system: SNOMED, code: "6757004", display: "Structure of right knee region" },
} as const satisfies Record<string, Coding>;

/** A UUID made from a name, the same every time, so the same log gives the same Bundle. */
export function nameUuid(name: string): string {
  const hex = [1, 2, 3, 4].map((salt) => crc32(`${salt}:${name}`)).join("");
  const variant = ((Number.parseInt(hex[16] as string, 16) & 3) | 8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const urn = (uuid: string) => `urn:uuid:${uuid}`;

export interface HealthRecordOptions {
  /** When the Bundle is made, as an ISO 8601 instant with an offset. */
  made: string;
}

/** The Bundle of a clinician report, from the read model it was made from. */
export function healthRecord(
  log: ReadModel,
  report: ClinicianReport,
  options: HealthRecordOptions,
): Bundle {
  const { state } = log;
  const entries: BundleEntry[] = [];
  const add = <T extends FhirResource>(uuid: string, resource: T): Reference => {
    entries.push({ fullUrl: urn(uuid), resource });
    return { reference: urn(uuid) };
  };
  const inPeriod = (day: string) => day >= report.from && day <= report.to;

  const patient: Patient = {
    resourceType: "Patient",
    ...(report.name ? { name: [{ text: report.name }] } : {}),
  };
  const subject = add(
    nameUuid(`patient:${report.from}:${report.to}:${report.name ?? ""}`),
    patient,
  );
  const reported = { subject, performer: [subject] };

  for (const [day, pain] of dayPains(state, report.from, report.to)) {
    add(nameUuid(`pain:${day}`), {
      resourceType: "Observation",
      status: "final",
      category: category("survey", "Survey"),
      code: concept(PAIN_CODE, "Pain, 0 to 10"),
      ...reported,
      effectiveDateTime: day,
      valueQuantity: { value: pain, unit: "{score}", system: UCUM, code: "{score}" },
    } satisfies Observation);
  }

  for (const m of state.measurements) {
    if (m.data.test !== "ake" || !inPeriod(m.day)) continue;
    const method = m.data.method === "inclinometer" ? "ake-inclinometer" : "ake-manual";
    const methodText = CONCEPTS[method];
    add(m.id, {
      resourceType: "Observation",
      status: "final",
      category: category("exam", "Exam"),
      code: concept(limber("active-knee-extension"), "Active knee extension test (deficit)"),
      ...reported,
      effectiveDateTime: m.day,
      bodySite: concept(KNEES[m.data.side]),
      method: concept(limber(method), methodText),
      valueQuantity: { value: m.data.deficitDegrees, unit: "deg", system: UCUM, code: "deg" },
    } satisfies Observation);
  }

  const goals = report.function.goals;
  if (goals.length > 0) {
    const url = urn(nameUuid("questionnaire:psfs"));
    add(nameUuid("questionnaire:psfs"), {
      resourceType: "Questionnaire",
      url,
      status: "active",
      title: "Patient-Specific Functional Scale",
      description:
        "Everyday activities the person chose, each rated 0 to 10, where 10 is as before the problem (Abbott 2014).",
      subjectType: ["Patient"],
      item: goals.map((g) => ({
        linkId: g.goalId,
        text: g.activity,
        type: "integer",
        required: false,
      })),
    } satisfies Questionnaire);
    const days = [...new Set(goals.flatMap((g) => g.ratings.map((r) => r.day)))]
      .filter(inPeriod)
      .sort();
    for (const day of days) {
      const item = goals.flatMap((g) => {
        const rating = g.ratings.find((r) => r.day === day);
        return rating
          ? [{ linkId: g.goalId, text: g.activity, answer: [{ valueInteger: rating.rating }] }]
          : [];
      });
      add(nameUuid(`psfs:${day}`), {
        resourceType: "QuestionnaireResponse",
        questionnaire: url,
        status: "completed",
        subject,
        authored: day,
        source: subject,
        item,
      } satisfies QuestionnaireResponse);
    }
  }

  for (const week of report.pain.weeks) {
    const end = addDays(week.weekStart, 6);
    add(nameUuid(`practice:${week.weekStart}`), {
      resourceType: "Observation",
      status: "final",
      category: category("activity", "Activity"),
      code: concept(limber("practice-days"), "Practice days in the week"),
      ...reported,
      effectivePeriod: { start: week.weekStart, end: [end, report.to].sort()[0] as string },
      valueQuantity: { value: week.practiceDays, unit: "days", system: UCUM, code: "d" },
    } satisfies Observation);
  }

  const adherence = report.programme;
  if (adherence) {
    const { programme } = adherence;
    const active = programmeOn(state, report.to)?.data.programmeId === programme.programmeId;
    const activities: CarePlanActivity[] = PRESCRIBABLE.flatMap((id): CarePlanActivity[] => {
      const prescription = programme.exercises.find((p) => p.exercise === id);
      const done = adherence.exercises.find((e) => e.exercise === id);
      const code = concept(limber(id));
      if (prescription) {
        return [
          {
            ...(done
              ? {
                  progress: [
                    {
                      text: `Done ${done.done} times, ${done.atDose} at the prescribed dose; ${done.softened} softened, ${done.skipped} skipped.`,
                    },
                  ],
                }
              : {}),
            detail: {
              code,
              status: active ? "in-progress" : "completed",
              description: prescriptionText(prescription),
              scheduledTiming: {
                repeat: { frequency: programme.daysPerWeek, period: 1, periodUnit: "wk" },
              },
            },
          },
        ];
      }
      if (!programme.excluded.includes(id)) return [];
      return [
        {
          detail: {
            code,
            status: "not-started",
            doNotPerform: true,
            description: `${exerciseById(id).name}: left out.`,
          },
        },
      ];
    });
    add(nameUuid(`careplan:${programme.programmeId}:${programme.revision}`), {
      resourceType: "CarePlan",
      identifier: [{ system: LIMBER_PROGRAMMES, value: programme.programmeId }],
      status: active ? "active" : "completed",
      intent: "plan",
      category: [concept(limber("home-programme"))],
      title: `Home programme from ${programme.prescriber.name}, revision ${programme.revision}`,
      description: programmeLines(programme).join(" "),
      subject,
      created: programme.prescribedOn,
      period: {
        start: programme.prescribedOn,
        ...(programme.endsOn ? { end: programme.endsOn } : {}),
      },
      author: { display: prescriberText(programme) },
      ...(programme.note ? { note: [{ text: programme.note }] } : {}),
      activity: activities,
    } satisfies CarePlan);
  }

  const codes: CodeSystem = {
    resourceType: "CodeSystem",
    url: LIMBER_CODES,
    name: "LimberCodes",
    title: "Limber's own codes",
    status: "active",
    content: "complete",
    description: "Codes Limber uses where LOINC and SNOMED CT have none for what it records.",
    concept: Object.entries(CONCEPTS).map(([code, display]) => ({ code, display })),
  };
  add(nameUuid("codesystem:limber"), codes);

  const targets = entries.map((e) => ({ reference: e.fullUrl as string }));
  add(nameUuid(`provenance:${options.made}`), {
    resourceType: "Provenance",
    target: targets,
    recorded: options.made,
    agent: [
      {
        type: concept({ system: PARTICIPANT, code: "author", display: "Author" }),
        who: subject,
      },
      {
        type: concept({ system: PARTICIPANT, code: "assembler", display: "Assembler" }),
        who: { display: "Limber, on the person's own device" },
      },
    ],
    entity: [{ role: "source", what: { ...subject, display: "The person's own Limber log" } }],
  } satisfies Provenance);

  return {
    resourceType: "Bundle",
    identifier: { system: "urn:ietf:rfc:3986", value: urn(nameUuid(`bundle:${options.made}`)) },
    type: "collection",
    timestamp: options.made,
    entry: entries,
  };
}
