/**
 * Warning signs (domain.md §5), asked at onboarding and, in one compact question, at every
 * check-in. Each sign's tier decides what Limber may do today.
 */
export const EMERGENCY_SIGNS = {
  "saddle-numbness": "Numbness or changed feeling around the groin, genitals or back passage",
  "bladder-change":
    "New trouble passing urine, not feeling your bladder fill, or leaking without warning",
  "bowel-control": "New loss of bowel control",
  "sexual-dysfunction": "New problems with sexual function",
  "both-legs": "Pain, tingling or numbness in both legs, or sciatica that has spread to both sides",
  "leg-weakness": "Severe or worsening weakness in a leg, or a change in how you walk",
  "fever-severe-pain": "Fever together with severe back pain",
  "major-trauma": "Back pain after a major injury, such as a car crash or a fall from a height",
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
    "Nerve symptoms that keep growing: spreading tingling, burning leg pain that worsens with gentle movement, or a foot that drags",
} as const;

export type EmergencySign = keyof typeof EMERGENCY_SIGNS;
export type SeeClinicianSign = keyof typeof SEE_CLINICIAN_SIGNS;
export type WarningSign = EmergencySign | SeeClinicianSign;

export const WARNING_SIGNS = { ...EMERGENCY_SIGNS, ...SEE_CLINICIAN_SIGNS } as const;
export const WARNING_SIGN_IDS = Object.keys(WARNING_SIGNS) as [WarningSign, ...WarningSign[]];

export function isEmergencySign(sign: WarningSign): sign is EmergencySign {
  return Object.hasOwn(EMERGENCY_SIGNS, sign);
}

export function isSeeClinicianSign(sign: WarningSign): sign is SeeClinicianSign {
  return Object.hasOwn(SEE_CLINICIAN_SIGNS, sign);
}
