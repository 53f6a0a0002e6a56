/**
 * Warning signs (domain.md §5), asked at onboarding and at every check-in, in full or in one
 * compact question (R-TRIAGE-ASK). Each sign's tier decides what Limber may do today. The
 * words are what a person reads: plain, and in Limber's own voice.
 */
export const EMERGENCY_SIGNS = {
  "saddle-numbness": "Numbness or changed feeling around the groin, genitals or back passage",
  "bladder-change":
    "New trouble passing urine, not feeling your bladder fill, or leaking without warning",
  "bowel-control": "New loss of bowel control",
  "sexual-dysfunction": "New problems with sexual function",
  "both-legs": "Pain, tingling or numbness in both legs, or sciatica that has spread to both sides",
  "leg-weakness":
    "Severe or worsening weakness in a leg, a foot that has started to drop or drag, or a change in how you walk",
  "fever-severe-pain": "Fever together with severe back pain",
  "major-trauma": "Back pain after a major injury, such as a car crash or a fall from a height",
  "sudden-severe-faint":
    "Sudden, severe pain in your back or belly with feeling faint or sweaty, or a pulsing feeling in your belly",
} as const;

export const SEE_CLINICIAN_SIGNS = {
  "cancer-history": "A history of cancer, and this back pain is new",
  "weight-loss": "Weight loss you cannot explain",
  "infection-risk":
    "Fever or chills, a weakened immune system, a recent bacterial infection, or injecting drugs",
  "steroids-osteoporosis": "Long-term steroid use or osteoporosis, with new severe pain",
  "night-pain": "Pain at night that no position eases, or constant pain that no movement changes",
  "first-episode-50plus": "This is your first-ever episode of back pain and you are 50 or older",
  "progressive-nerve":
    "Nerve symptoms that keep growing: tingling that spreads, or a burning leg pain that gets worse when you move gently",
  "thoracic-pain": "New pain in your upper or middle back, between or below the shoulder blades",
  "fall-older": "The pain began after a fall or a lift, and you are 70 or older",
  "recent-spine-procedure": "Spinal surgery, or an injection into your spine, in the last 3 months",
  "anticoagulant-sudden": "You take a blood thinner, and the pain came on suddenly and severely",
} as const;

/** Signs that call for a clinician's check without pausing practice (R-TRIAGE-C). */
export const CAUTION_SIGNS = {
  "inflammatory-pattern":
    "Morning stiffness that lasts more than half an hour and eases as you move, for 3 months or more, which began before you were 45",
} as const;

export type EmergencySign = keyof typeof EMERGENCY_SIGNS;
export type SeeClinicianSign = keyof typeof SEE_CLINICIAN_SIGNS;
export type CautionSign = keyof typeof CAUTION_SIGNS;
export type WarningSign = EmergencySign | SeeClinicianSign | CautionSign;

export const WARNING_SIGNS = { ...EMERGENCY_SIGNS, ...SEE_CLINICIAN_SIGNS, ...CAUTION_SIGNS };
export const WARNING_SIGN_IDS = Object.keys(WARNING_SIGNS) as [WarningSign, ...WarningSign[]];

export function isEmergencySign(sign: WarningSign): sign is EmergencySign {
  return Object.hasOwn(EMERGENCY_SIGNS, sign);
}

export function isSeeClinicianSign(sign: WarningSign): sign is SeeClinicianSign {
  return Object.hasOwn(SEE_CLINICIAN_SIGNS, sign);
}

export function isCautionSign(sign: WarningSign): sign is CautionSign {
  return Object.hasOwn(CAUTION_SIGNS, sign);
}

/** R-TRIAGE-REST: signs of fever or infection, on whose days the walk is left out. */
export const REST_SIGNS: readonly WarningSign[] = ["fever-severe-pain", "infection-risk"];

/** R-TRIAGE-B: a sign to be seen about today, not only soon. */
export const SAME_DAY_SIGNS: readonly WarningSign[] = ["anticoagulant-sudden"];

/**
 * Signs that cannot apply below an age (R-TRIAGE-ASK leaves them out): a first-ever episode at
 * 50 or older, and a fall at 70 or older.
 */
export const MIN_AGE: Partial<Record<WarningSign, number>> = {
  "first-episode-50plus": 50,
  "fall-older": 70,
};
