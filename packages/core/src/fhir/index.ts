/**
 * The clinician summary's record as a FHIR R4 Bundle: a subpath of its own
 * (`@limber/core/fhir`), so the web app loads it only when a record is downloaded.
 */
export * from "./bundle.ts";
