import type { SourceId } from "./sources.ts";

/**
 * Every rule of domain.md, by id, with the plain sentence shown when a person asks "why" and
 * the sources behind it. Code that applies a rule names its id here; nothing else restates it.
 */
export const RULES = {
  "R-DOSE-SESSION": {
    text: "A session takes 5 to 10 minutes: brief, near-daily practice does more than rare long bouts.",
    sources: ["ESSAY", "ACSM"],
  },
  "R-DOSE-HOLD": {
    text: "A 30-second hold gains as much range as a 60-second one; holds start at 15 to 20 seconds and never pass 45.",
    sources: ["BANDY94", "BANDY97"],
  },
  "R-DOSE-TOTAL": {
    text: "Stretching time for each leg stays under about 4 minutes a session, where gains level off.",
    sources: ["INGRAM24"],
  },
  "R-WARMUP": {
    text: "Every session starts with a gentle warm-up: warm tissue moves more easily.",
    sources: ["ESSAY"],
  },
  "R-BLEND": {
    text: "Each session ends with a hinge and a strength block; when time is short, holds shorten first and neither is dropped.",
    sources: ["ESSAY", "ACP17"],
  },
  "R-PROGRESS": {
    text: "An exercise steps up at most once a week, only after three comfortable sessions in a row, and only on a clear day with the back calm or okay, not within a week of a pain spike.",
    sources: ["ESSAY", "GRIBBLE99"],
  },
  "R-BREAK": {
    text: "After two weeks or more without a session, range gained by stretching fades, so each exercise starts a little lower and long holds wait a few weeks.",
    sources: ["WILLY01", "ESSAY"],
  },
  "R-EXPECT": {
    text: "Range usually takes 4 to 6 weeks of regular practice to change in a way you can measure.",
    sources: ["GRIBBLE99", "BANDY94"],
  },
  "R-GRUMPY": {
    text: "On a grumpy day, gentle moving work with a bent knee replaces long straight-knee holds, with one set of strength, and a short walk and warmth can help.",
    sources: ["ESSAY", "ACP17"],
  },
  "R-PAIN-HIGH": {
    text: "With pain of 7 or more out of 10, the day is light whatever else is said, with no step up; warmth and a short walk can help.",
    sources: ["ESSAY", "ACP17"],
  },
  "R-LIGHT-LOAD": {
    text: "On a light day or with leg symptoms, the hinge uses no added weight and strength work uses both legs together.",
    sources: ["ESSAY"],
  },
  "R-GOOD": {
    text: "On a calm day after steady practice, a little more range or a slightly longer hold is fine to explore.",
    sources: ["ESSAY"],
  },
  "R-RECOVERY": {
    text: "After a hard day, a lighter session and a walk let new range settle.",
    sources: ["ESSAY"],
  },
  "R-RECOVERY-RESPECT": {
    text: "New range is new load: a hard day is followed by a lighter one.",
    sources: ["ESSAY"],
  },
  "R-NERVE": {
    text: "With leg symptoms or nerve-like sensations, the knee stays bent, the range smaller, and a gentle nerve slider replaces sustained tension, for a week after the last sensation.",
    sources: ["ESSAY", "COPPIETERS08"],
  },
  "R-BREATH": {
    text: "If you cannot breathe smoothly and talk, the step is too much: it softens now, and starts one step lower next time.",
    sources: ["ESSAY"],
  },
  "R-SPIKE": {
    text: "When pain rose 2 or more points after two sessions in a week, the next week keeps the knee bent, holds short and the floss small.",
    sources: ["ESSAY"],
  },
  "R-TIME": {
    text: "With only a few minutes, a short session that fits them still counts; two short sessions in a day make a full day.",
    sources: ["ESSAY"],
  },
  "R-DESK": {
    text: "On a desk-bound day, short movement breaks between sitting blocks each count toward the day.",
    sources: ["ESSAY", "PAG18"],
  },
  "R-PAIR": {
    text: "Short walks and two light strength days a week go well with mobility: move more, sit less.",
    sources: ["PAG18", "ACP17"],
  },
  "R-TRIAGE-A": {
    text: "These signs can mean a nerve or spine problem that needs urgent care today, so there is no session.",
    sources: ["NICE59", "BMJCES", "FINUCANE20"],
  },
  "R-TRIAGE-B": {
    text: "This sign is worth a clinician's look before stretching goes on; breathing and easy walking stay available.",
    sources: ["FINUCANE20", "NICE59", "CHOU07"],
  },
  "R-TRIAGE-FOLLOW-UP": {
    text: "An emergency sign does not end at midnight: until you record that a clinician saw you and said you can move, practice stays paused.",
    sources: ["NICE59", "FINUCANE20"],
  },
  "R-TRIAGE-REST": {
    text: "With fever or signs of infection, the day is for rest and slow breathing; the walk waits.",
    sources: ["FINUCANE20", "MEDLINEPLUS"],
  },
  "R-TRIAGE-ASK": {
    text: "The daily question stays short: the full list of warning signs comes at the start, each new week, and for a week after any sign; other days ask in a few lines.",
    sources: ["FINUCANE20", "NICE59"],
  },
  "R-TRIAGE-C": {
    text: "Practice can go on gently, with nerve-friendly variations, and a clinician check is a good idea.",
    sources: ["OSTELO08", "CHOU07"],
  },
  "R-TRIAGE-NO-BYPASS": {
    text: "Nothing starts a session on a day when a warning sign calls for care, and an emergency answer stands for the rest of the day.",
    sources: ["NICE59", "FINUCANE20"],
  },
  "R-EMERGENCY-NUMBER": {
    text: "The emergency number shown follows your region.",
    sources: ["NUMBERS"],
  },
  "R-DISCLAIMER": {
    text: "Limber is general information and self-care support, not diagnosis or treatment, and does not replace a clinician.",
    sources: [],
  },
  "R-HONEST-TEXT": {
    text: "Every sentence Limber shows with a rule says only what its sources say, and fits the step it explains.",
    sources: [],
  },
  "R-HONEST": {
    text: "Tight hamstrings are one factor among many; stretching helped pain moderately in trials, with wide variation, and is no cure.",
    sources: ["ALLAM23", "GOU24"],
  },
  "R-FEELINGS": {
    text: "How your days feel comes first; numbers follow.",
    sources: ["ESSAY"],
  },
  "R-ANCHOR": {
    text: "Tying practice to something you already do each day makes it easier to keep.",
    sources: ["ESSAY"],
  },
  "R-PRESCRIBED": {
    text: "A programme from your clinician sets which exercises and variants you do, their dose range and how fast they step up; the safety rules still decide each day.",
    sources: [],
  },
  "R-CONSISTENCY": {
    text: "The goal is a number of practice days a week, not an unbroken streak; a missed day is just a day.",
    sources: ["ESSAY"],
  },
} as const satisfies Record<string, { text: string; sources: readonly SourceId[] }>;

export type RuleId = keyof typeof RULES;

/** One decision's explanation: which rule, in plain words, and the sources behind it. */
export interface Reason {
  rule: RuleId;
  text: string;
  sources: SourceId[];
}

/** A reason for `rule`, with a sentence specific to this decision when given. */
export function reason(rule: RuleId, text?: string): Reason {
  return { rule, text: text ?? RULES[rule].text, sources: [...RULES[rule].sources] };
}
