import { exerciseById } from "../catalog/index.ts";
import { daysBetween } from "../days.ts";
import type { ReadModel } from "../events/read-model.ts";
import type { Programme } from "../events/schema.ts";
import type { Dated } from "../events/state.ts";
import { isSpike, practiceDays } from "../history.ts";
import { programmeOn } from "../programme/active.ts";
import { DOSE_FIELDS } from "../programme/ladder.ts";
import { prescribedDoseText } from "../programme/words.ts";
import type { RuleId } from "../rules.ts";

/** How one prescribed exercise was done over the programme's days in the period. */
export interface ExerciseAdherence {
  exercise: string;
  name: string;
  /** The prescribed dose in words: "40–45 s each side". */
  prescribed: string;
  /** Blocks of it done (not skipped). */
  done: number;
  /** Of those, at or above the low end of every prescribed range. */
  atDose: number;
  softened: number;
  skipped: number;
}

/** A day on which a safety rule made the plan differ from the programme, with its reason. */
export interface Override {
  day: string;
  rule: RuleId;
  text: string;
}

/** The programme followed in a report's period, and how it went (docs/clinicians.md). */
export interface ProgrammeAdherence {
  programme: Programme;
  /** The first and last day it was followed within the period. */
  from: string;
  to: string;
  /** Practice days it asks for over those days: its days a week, pro rata. */
  prescribedDays: number;
  practiceDays: number;
  exercises: ExerciseAdherence[];
  /** Days of sessions after which pain rose 2 points or more (R-SPIKE). */
  spikes: string[];
  /** Days of sessions with nerve-like sensations (R-NERVE). */
  nerve: { day: string; nerve: "brief" | "persistent" }[];
  overrides: Override[];
}

/** The programme in force on `to`, or on the last day it was in force within the period. */
function programmeOfPeriod(log: ReadModel, from: string, to: string): Dated<Programme> | undefined {
  const current = programmeOn(log.state, to);
  if (current) return current;
  const latest = log.state.programmes.filter((p) => p.day <= to).at(-1);
  const ends = latest?.data.endsOn;
  return ends && ends >= from ? programmeOn(log.state, ends) : undefined;
}

/** Adherence to the programme followed in [from, to], from the log and its days as seen. */
export function programmeAdherence(
  log: ReadModel,
  from: string,
  to: string,
): ProgrammeAdherence | undefined {
  const current = programmeOfPeriod(log, from, to);
  if (!current) return undefined;
  const { state } = log;
  const programme = current.data;
  const chosen = state.programmes.find((p) => p.data.programmeId === programme.programmeId);
  const start = [from, chosen?.day ?? current.day].sort().at(-1) as string;
  const end = [to, programme.endsOn ?? to].sort()[0] as string;
  const inSpan = (day: string) => day >= start && day <= end;
  const sessions = state.sessions.filter((s) => inSpan(s.day));
  const exercises = programme.exercises.map((prescription): ExerciseAdherence => {
    const blocks = sessions.flatMap((s) =>
      s.data.blocks.filter((b) => b.exercise === prescription.exercise),
    );
    const done = blocks.filter((b) => !b.skipped);
    const atDose = done.filter((b) =>
      DOSE_FIELDS.every((field) => {
        const range = prescription.dose?.[field];
        const amount = b[field];
        return !range || amount === undefined || amount >= range[0];
      }),
    );
    return {
      exercise: prescription.exercise,
      name: exerciseById(prescription.exercise).name,
      prescribed: prescribedDoseText(prescription),
      done: done.length,
      atDose: atDose.length,
      softened: done.filter((b) => b.softened).length,
      skipped: blocks.length - done.length,
    };
  });
  const overrides: Override[] = [];
  for (const [day, seen] of [...log.days].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!inSpan(day)) continue;
    const { plan } = seen;
    if (plan.tier === "emergency" || plan.tier === "see-clinician") {
      const rule = plan.tier === "emergency" ? "R-TRIAGE-A" : "R-TRIAGE-B";
      const text =
        plan.tier === "emergency"
          ? "No session: a warning sign called for urgent care."
          : "The programme paused for breathing and an easy walk: a warning sign called for a clinician's look.";
      overrides.push({ day, rule, text });
      continue;
    }
    for (const o of plan.overrides ?? []) overrides.push({ day, rule: o.rule, text: o.text });
  }
  const days = daysBetween(start, end) + 1;
  return {
    programme,
    from: start,
    to: end,
    prescribedDays: Math.round((programme.daysPerWeek * days) / 7),
    practiceDays: practiceDays(state, start, end).length,
    exercises,
    spikes: [...new Set(sessions.filter((s) => isSpike(state, s)).map((s) => s.day))],
    nerve: sessions.flatMap((s) =>
      s.data.nerve === undefined || s.data.nerve === "none"
        ? []
        : [{ day: s.day, nerve: s.data.nerve }],
    ),
    overrides,
  };
}
