import { PLAN_KINDS, type PlanKind } from "../events/schema.ts";
import type { ClinicianReport } from "../progress/report.ts";
import { SOURCE_LABELS, type SourceId } from "../sources.ts";

/** One part of the report: a heading and its lines, each a paragraph. */
export interface ReportSection {
  heading: string;
  lines: string[];
}

export const REPORT_TITLE = "Limber: progress report";
export const REPORT_FOOTER = "Made by Limber on the device";

const one = (value: number) => value.toFixed(1);
const count = (n: number, word: string) => `${n} ${n === 1 ? word : `${word}s`}`;

const PLAN_WORDS: Record<PlanKind, string> = {
  standard: "full",
  light: "light",
  micro: "short",
  "walk-only": "walk only",
  none: "no session (warning sign)",
};

/** "4 full, 2 light": how many days had each kind of plan, in the order of PLAN_KINDS. */
function planCounts(kinds: readonly PlanKind[]): string {
  return PLAN_KINDS.flatMap((kind) => {
    const n = kinds.filter((k) => k === kind).length;
    return n > 0 ? [`${n} ${PLAN_WORDS[kind]}`] : [];
  }).join(", ");
}

/** Weeks at the start of the period with nothing recorded: said in one line, not listed. */
function quietWeeks(report: ClinicianReport): number {
  const first = report.pain.weeks.findIndex((w) => w.checkIns > 0 || w.practiceDays > 0);
  return first === -1 ? report.pain.weeks.length : first;
}

function quietStart(report: ClinicianReport): string[] {
  const quiet = quietWeeks(report);
  if (quiet === 0) return [];
  const next = report.pain.weeks[quiet];
  return [
    next
      ? `Nothing recorded before the week of ${next.weekStart}.`
      : "Nothing recorded in this period.",
  ];
}

/** The report's opening lines: whose period, which weeks. */
export function reportPeriod(report: ClinicianReport): string {
  return `${report.from} to ${report.to} (${report.weeks} weeks)`;
}

/**
 * The report in plain words, section by section, shared by the text and the PDF so both say
 * the same. Figures come straight from the report model; nothing here judges a change.
 */
export function reportSections(report: ClinicianReport): ReportSection[] {
  const sections: ReportSection[] = [];
  const used = new Set<SourceId>();

  sections.push({
    heading: "Practice",
    lines: [
      `${count(report.practiceDays, "practice day")} in ${report.weeks} weeks, against a goal of ${count(report.weeklyGoal, "day")} a week. A practice day is one full session or two short ones.`,
      ...quietStart(report),
      ...report.pain.weeks.slice(quietWeeks(report)).map((w) => {
        const days = report.calendar.find((c) => c.weekStart === w.weekStart)?.days ?? [];
        const plans = planCounts(days.flatMap((d) => d.planKind ?? []));
        return `Week of ${w.weekStart}: ${count(w.practiceDays, "practice day")}, ${count(w.checkIns, "check-in")}${w.average === undefined ? "" : `, pain ${one(w.average)}`}${plans ? `; plans: ${plans}` : ""}.`;
      }),
    ],
  });

  const pain = report.pain.change;
  if (pain) used.add(pain.source);
  sections.push({
    heading: "Pain (0 to 10, weekly average)",
    lines: [
      pain ? pain.text : "Fewer than two weeks with a pain rating: no comparison yet.",
      "A change counts as meaningful at 2 points or 30% of the starting level (Ostelo 2008).",
    ],
  });
  if (report.caution) {
    used.add("OSTELO08");
    sections.push({ heading: "Worth a clinician's look", lines: [report.caution] });
  }

  const fn = report.function;
  if (fn.change) used.add(fn.change.source);
  sections.push({
    heading: "Everyday activities (Patient-Specific Functional Scale, 0 to 10)",
    lines:
      fn.goals.length === 0
        ? ["No everyday activities named yet."]
        : [
            ...fn.goals.map((g) => {
              const first = g.ratings[0];
              const last = g.ratings.at(-1);
              if (!first || !last) return `${g.activity}: not rated yet.`;
              return first === last
                ? `${g.activity}: ${last.rating} on ${last.day}.`
                : `${g.activity}: ${first.rating} on ${first.day}, ${last.rating} on ${last.day}.`;
            }),
            fn.change ? fn.change.text : "One score so far: no comparison yet.",
            "A rise of 2 points in the average counts as meaningful (Abbott 2014).",
          ],
  });

  const range = report.range;
  const rangeLines = range.sides.flatMap((side) => {
    const last = side.measurements.at(-1);
    if (!last) return [];
    if (side.change) used.add(side.change.source);
    const leg = side.side === "left" ? "Left" : "Right";
    return [
      `${leg} knee: ${last.deficitDegrees}° short of straight on ${last.day} (${last.method === "inclinometer" ? "phone on the shin" : "entered by hand"})${side.limited ? ", counted as limited (over 20°)" : ""}.`,
      ...(side.change ? [side.change.text] : []),
    ];
  });
  const reach = range.sitAndReach;
  const reachFirst = reach[0];
  const reachLast = reach.at(-1);
  if (reachFirst && reachLast) {
    rangeLines.push(
      reachFirst === reachLast
        ? `Sit-and-reach: ${reachLast.cm} cm on ${reachLast.day}.`
        : `Sit-and-reach: ${reachFirst.cm} cm on ${reachFirst.day}, ${reachLast.cm} cm on ${reachLast.day} (a weaker test; no threshold applied).`,
    );
  }
  sections.push({
    heading: "Hamstring range (active knee extension)",
    lines:
      rangeLines.length === 0
        ? ["No range measured yet."]
        : [...rangeLines, "Only a change of 8° or more is taken as real (Neto 2015)."],
  });

  sections.push({
    heading: "Warning signs reported",
    lines:
      report.warningSigns.length === 0
        ? ["None reported in this period."]
        : report.warningSigns.map(
            (w) =>
              `${w.day} (${w.tier === "emergency" ? "urgent care advised" : "clinician check advised"}): ${w.signs.join("; ")}.`,
          ),
  });

  sections.push({
    heading: "Sessions that needed care",
    lines: [
      report.spikes.length === 0
        ? "No session was followed by a pain rise of 2 points or more."
        : `Pain rose 2 points or more after the session on ${report.spikes.join(", ")}.`,
      report.softened.length === 0
        ? "No step needed softening."
        : `Softened during the session: ${report.softened.map((s) => `${s.exercise} (${s.day})`).join(", ")}.`,
    ],
  });

  sections.push({
    heading: "Where each exercise stands",
    lines:
      report.levels.length === 0
        ? ["No exercise levels yet."]
        : report.levels.map(
            (l) =>
              `${l.name}: step ${l.step} of ${l.steps} (${l.variant})${l.rules.includes("R-BREATH") ? " (one step back after the last session needed softening)" : ""}.`,
          ),
  });

  if (report.context.length > 0) {
    sections.push({
      heading: "Days and their context (counts only, not causes)",
      lines: report.context.map((c) => c.text),
    });
  }

  if (report.notes) {
    sections.push({
      heading: "Notes",
      lines:
        report.notes.length === 0
          ? ["No notes in this period."]
          : report.notes.map((n) => `${n.day}: ${n.text}`),
    });
  }

  if (used.size > 0) {
    sections.push({
      heading: "Sources",
      lines: [...used].sort().map((id) => `${SOURCE_LABELS[id]} (${id}).`),
    });
  }
  return sections;
}
