import type { WarningSign } from "./signs.ts";

/**
 * The triage table of domain.md §5, written out by hand for the tests: a sign filed in the
 * wrong tier in the code fails a test instead of being mirrored by it. Imported by tests only.
 */
export const EMERGENCY: readonly WarningSign[] = [
  "saddle-numbness",
  "bladder-change",
  "bowel-control",
  "sexual-dysfunction",
  "both-legs",
  "leg-weakness",
  "fever-severe-pain",
  "major-trauma",
  "sudden-severe-faint",
];
export const SEE_CLINICIAN: readonly WarningSign[] = [
  "cancer-history",
  "weight-loss",
  "infection-risk",
  "steroids-osteoporosis",
  "night-pain",
  "first-episode-50plus",
  "progressive-nerve",
  "thoracic-pain",
  "fall-older",
  "recent-spine-procedure",
  "anticoagulant-sudden",
];
export const CAUTION: readonly WarningSign[] = ["inflammatory-pattern"];
export const ALL_SIGNS = [...EMERGENCY, ...SEE_CLINICIAN, ...CAUTION];

/** R-TRIAGE-REST: the signs of fever or infection. */
export const FEVER_OR_INFECTION: readonly WarningSign[] = ["fever-severe-pain", "infection-risk"];
