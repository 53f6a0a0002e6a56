import { addDays, daysBetween } from "./days.ts";
import { dayPain, dayPains } from "./events/day-pain.ts";
import type { SessionRecord } from "./events/schema.ts";
import type { Dated, LimberState } from "./events/state.ts";

/** Sessions recorded on or before `today`, in log order. */
export function sessionsUpTo(state: LimberState, today: string): Dated<SessionRecord>[] {
  return state.sessions.filter((session) => session.day <= today);
}

/** Pain just before a session: as recorded with it, or else the day's pain at its check-in. */
export function painBefore(state: LimberState, session: Dated<SessionRecord>): number | undefined {
  return session.data.painBefore ?? dayPain(state, session.day, session.at);
}

/** R-SPIKE: a session after which pain rose 2 or more points on the 0–10 scale. */
export function isSpike(state: LimberState, session: Dated<SessionRecord>): boolean {
  const before = painBefore(state, session);
  const after = session.data.painAfter;
  return before !== undefined && after !== undefined && after - before >= 2;
}

export interface SpikeStatus {
  /** Two spikes within 7 days, the later one at most 7 days ago: back off for a week. */
  backOff: boolean;
  /** A third spike within 14 days: time to suggest a clinician. */
  suggestClinician: boolean;
  /** Days of the spikes in the last 14 days, oldest first. */
  days: string[];
}

/** R-SPIKE over the last two weeks, as of `today`. */
export function spikeStatus(state: LimberState, today: string): SpikeStatus {
  const days = sessionsUpTo(state, today)
    .filter((s) => daysBetween(s.day, today) < 14 && isSpike(state, s))
    .map((s) => s.day);
  let backOff = false;
  for (let later = 1; later < days.length; later++) {
    const laterDay = days[later] as string;
    const earlierDay = days[later - 1] as string;
    if (daysBetween(earlierDay, laterDay) < 7 && daysBetween(laterDay, today) <= 7) backOff = true;
  }
  return { backOff, suggestClinician: days.length >= 3, days };
}

/**
 * Practice credit by day (R-TIME): 1 for a full session, 0.5 for each short (`micro`) one, such
 * as a desk snack (R-DESK), at most 1 a day. A session whose every block was skipped counts for
 * nothing.
 */
export function creditByDay(state: LimberState, from: string, to: string): Map<string, number> {
  const credit = new Map<string, number>();
  for (const session of state.sessions) {
    if (session.day < from || session.day > to) continue;
    if (session.data.blocks.every((block) => block.skipped)) continue;
    const worth = session.data.kind === "micro" ? 0.5 : 1;
    credit.set(session.day, Math.min(1, (credit.get(session.day) ?? 0) + worth));
  }
  return credit;
}

/**
 * What a practice day is, in the words every screen and the report use (R-TIME): Today, This
 * week, History and the clinician summary say it the one way.
 */
export const PRACTICE_DAY_MEANING = "A practice day is one full session or two short ones";

/**
 * A day's practice credit (`creditByDay`) in words: "a practice day" at 1, "half a practice
 * day" for one short session, "no practice" at 0. Every screen that says how a day went uses it.
 */
export function creditWords(credit: number): string {
  if (credit >= 1) return "a practice day";
  return credit > 0 ? "half a practice day" : "no practice";
}

/** Days with practice: a full session, or two short (micro) ones that together count (R-TIME). */
export function practiceDays(state: LimberState, from: string, to: string): string[] {
  return [...creditByDay(state, from, to)]
    .filter(([, credit]) => credit >= 1)
    .map(([day]) => day)
    .sort();
}

/** Whether a pain change is meaningful: 2 points or 30% on the 0–10 scale (OSTELO08). */
export function isMeaningfulPainChange(before: number, after: number): boolean {
  const change = Math.abs(after - before);
  return change >= 2 || (before > 0 && change / before >= 0.3);
}

const mean = (values: number[]): number | undefined =>
  values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0) / values.length;

/** Below this recent average, steady pain is mild and raises no caution. */
const PLATEAU_MIN_PAIN = 3;

export interface PainPlateau {
  since: string;
  baseline: number;
  recent: number;
}

/**
 * R-TRIAGE-C: after about 4 weeks of regular practice (at least 12 practice days in the last
 * 28), pain that is still 3 or more and has not improved meaningfully since the first week.
 * Mild pain (0–2) that holds steady is not a reason to send anyone to a clinician.
 * Baseline is the mean day's pain over the first 7 days of practice; recent, over the last 7.
 */
export function painPlateau(state: LimberState, today: string): PainPlateau | undefined {
  const first = state.memory.firstSession;
  if (first === undefined || daysBetween(first, today) < 28) return undefined;
  if (practiceDays(state, addDays(today, -27), today).length < 12) return undefined;
  const baseline = mean(Object.values(state.memory.firstWeekPain));
  const recent = mean([...dayPains(state, addDays(today, -6), today).values()]);
  if (baseline === undefined || recent === undefined || recent < PLATEAU_MIN_PAIN) return undefined;
  if (recent < baseline && isMeaningfulPainChange(baseline, recent)) return undefined;
  return { since: first, baseline, recent };
}
