import { daysBetween, weekStartOf } from "../days.ts";
import type { LimberState } from "../events/state.ts";
import { findingsOf } from "./findings.ts";
import { MIN_AGE, WARNING_SIGN_IDS, type WarningSign } from "./signs.ts";

/** One line of the compact question: a few signs in a few plain words. */
export interface SignLine {
  text: string;
  signs: WarningSign[];
}

/** How today's check-in asks about warning signs (R-TRIAGE-ASK). */
export interface SignQuestion {
  /** Show the full list, with every sign on its own line, rather than the compact question. */
  full: boolean;
  /** Why the full list is due, when it is. */
  why?: "first-check-in" | "new-week" | "recent-sign";
  /** Every sign that can apply to this person, in the list's order. */
  signs: WarningSign[];
  /** The compact question: at most six lines that together name every sign in `signs`. */
  lines: SignLine[];
}

/** The compact question's lines: each phrase names the signs it stands for. */
const GROUPS: readonly (readonly [string, readonly WarningSign[]])[][] = [
  [
    ["numbness around the groin", ["saddle-numbness"]],
    [
      "new bladder, bowel or sexual changes",
      ["bladder-change", "bowel-control", "sexual-dysfunction"],
    ],
  ],
  [
    ["a weak leg or a foot that drops", ["leg-weakness"]],
    ["symptoms in both legs", ["both-legs"]],
    ["nerve symptoms that keep spreading", ["progressive-nerve"]],
  ],
  [
    ["sudden severe back or belly pain with feeling faint", ["sudden-severe-faint"]],
    ["sudden severe pain while on a blood thinner", ["anticoagulant-sudden"]],
  ],
  [
    ["fever, chills or a high risk of infection", ["fever-severe-pain", "infection-risk"]],
    ["weight loss you cannot explain", ["weight-loss"]],
  ],
  [
    ["a recent injury or spine procedure", ["major-trauma", "recent-spine-procedure"]],
    ["a fall or lift at 70 or older", ["fall-older"]],
    ["new pain higher up your back", ["thoracic-pain"]],
  ],
  [
    ["past cancer", ["cancer-history"]],
    ["steroids or thin bones", ["steroids-osteoporosis"]],
    ["pain at night or that never changes", ["night-pain"]],
    ["long morning stiffness", ["inflammatory-pattern"]],
    ["a first-ever episode at 50 or older", ["first-episode-50plus"]],
  ],
];

/** Days after any sign was reported on which the full list is shown again. */
const FULL_LIST_DAYS_AFTER_SIGN = 7;

/**
 * R-TRIAGE-ASK: whether today's check-in shows the full list of warning signs or the compact
 * question, and what each shows. The full list comes at the first check-in, at the first
 * check-in of each week, and on every check-in for 7 days after any sign was reported; other
 * days ask one compact question. Signs that cannot apply, by birth year, are left out of both.
 */
export function signQuestion(state: LimberState, today: string): SignQuestion {
  const signs = applicableSigns(state, today);
  const lines = GROUPS.flatMap((group) => {
    const phrases = group.filter(([, named]) => named.some((sign) => signs.includes(sign)));
    if (phrases.length === 0) return [];
    const text = sentence(phrases.map(([words]) => words));
    return [
      { text, signs: phrases.flatMap(([, named]) => named.filter((s) => signs.includes(s))) },
    ];
  });
  const why = fullListDue(state, today);
  return { full: why !== undefined, ...(why ? { why } : {}), signs, lines };
}

function fullListDue(state: LimberState, today: string): SignQuestion["why"] {
  const earlier = state.checkIns.filter((c) => c.day <= today);
  const first = state.memory.firstCheckIn;
  if (first === undefined || first === today) return "first-check-in";
  const weekStart = weekStartOf(today);
  if (!earlier.some((c) => c.day >= weekStart)) return "new-week";
  const recent = (day: string) => {
    const since = daysBetween(day, today);
    return since >= 0 && since <= FULL_LIST_DAYS_AFTER_SIGN;
  };
  const reported = earlier.some((c) => {
    if (!recent(c.day)) return false;
    const found = findingsOf(c.data);
    return found.emergency.length + found.seeClinician.length + found.caution.length > 0;
  });
  // An emergency answer counts even when its check-in was later withdrawn.
  if (reported || [...state.emergencies.keys()].some(recent)) return "recent-sign";
  return undefined;
}

/** The signs that can apply: those with an age floor are left out when the person is younger. */
export function applicableSigns(state: LimberState, today: string): WarningSign[] {
  const { birthYear } = state.settings;
  if (birthYear === undefined) return [...WARNING_SIGN_IDS];
  // The oldest the person can be today: a sign is left out only when it certainly cannot apply.
  const oldest = Number(today.slice(0, 4)) - birthYear;
  return WARNING_SIGN_IDS.filter((sign) => oldest >= (MIN_AGE[sign] ?? 0));
}

/** "a, b or c", first letter raised. */
function sentence(phrases: readonly string[]): string {
  const last = phrases.at(-1) ?? "";
  const joined = phrases.length > 1 ? `${phrases.slice(0, -1).join(", ")} or ${last}` : last;
  return `${joined.charAt(0).toUpperCase()}${joined.slice(1)}`;
}
