import { dayLabel } from "../day-label.ts";
import { PLAN_KINDS, type PlanKind } from "../events/schema.ts";
import { PRACTICE_DAY_MEANING } from "../history.ts";
import { prescriberText, programmeLines } from "../programme/sheet.ts";
import { oneDecimal, plural } from "../progress/common.ts";
import type { ClinicianReport } from "../progress/report.ts";
import { RULES, type RuleId } from "../rules.ts";
import { SOURCE_LABELS, type SourceId } from "../sources.ts";

/** A week as the summary's drawing shows it: practice days (of 7) and average pain (of 10). */
export interface ReportChartWeek {
  label: string;
  practiceDays: number;
  pain?: number;
}

/**
 * One piece of the clinician summary. Every word of the summary is in its blocks: the text, the
 * PDF and the web page draw them and write nothing of their own.
 */
export type ReportBlock =
  /** Level 1 is the summary's title; level 2 opens each of its parts. */
  | { kind: "heading"; level: 1 | 2; text: string }
  | { kind: "paragraph"; text: string }
  /** A smaller aside: how a figure is measured or judged. */
  | { kind: "note"; text: string }
  | { kind: "list"; items: string[] }
  /** Each row begins with the cell that names it. */
  | { kind: "table"; caption: string; header: string[]; rows: string[][] }
  /** A drawing of the weeks, for a renderer that draws; a table of the same figures follows it. */
  | { kind: "chart"; caption: string; weeks: ReportChartWeek[] };

/** The clinician summary as one document, made once and rendered as text, PDF and web page. */
export interface ReportDocument {
  /** The title and the period in one line, for a file's own metadata. */
  title: string;
  /** The summary's last day, "YYYY-MM-DD": the date a file of it carries. */
  day: string;
  blocks: ReportBlock[];
  /** The last line, and the foot of every printed page. */
  footer: string;
}

export const REPORT_TITLE = "Limber: progress report";
const FOOTER = "Made by Limber on the device";
const NO_FIGURE = "–";

const PLAN_WORDS: Record<PlanKind, string> = {
  standard: "full",
  light: "light",
  micro: "short",
  "walk-only": "walk only",
  none: "no session (warning sign)",
};

/** The foot of page `page` of `pages`. */
export function pageFooter(document: ReportDocument, page: number, pages: number): string {
  return `${document.footer} · Page ${page} of ${pages}`;
}

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

const date = (day: string) => dayLabel(day, "date");

/**
 * The clinician summary of a report: every sentence, heading and table cell of it, each written
 * once. Figures come straight from the report; nothing here judges a change. Rule ids stay in
 * the words (clinicians read them), and the rules and sources named are listed at the end.
 */
export function reportDocument(report: ClinicianReport): ReportDocument {
  const blocks: ReportBlock[] = [];
  const named: RuleId[] = [];
  const spelled = new Set<RuleId>();
  const sources = new Set<SourceId>();
  const heading = (text: string) => blocks.push({ kind: "heading", level: 2, text });
  const paragraph = (text: string) => blocks.push({ kind: "paragraph", text });
  const note = (text: string) => blocks.push({ kind: "note", text });
  const list = (items: string[]) => blocks.push({ kind: "list", items });
  /** Notes rules as named, so that they and their sources are listed at the end. */
  const cite = (rules: readonly RuleId[]) => {
    for (const rule of rules) {
      if (!named.includes(rule)) named.push(rule);
      for (const source of RULES[rule].sources) sources.add(source);
    }
  };
  /** A sentence with the rules it applies: "… a week (R-CONSISTENCY)." */
  const ruled = (text: string, ...rules: RuleId[]) => {
    cite(rules);
    return `${text.replace(/\.$/, "")} (${rules.join(", ")}).`;
  };
  /** A rule's own sentence, with its id. */
  const ruleText = (rule: RuleId) => {
    spelled.add(rule);
    return ruled(RULES[rule].text, rule);
  };

  // A person who started within the weeks asked for is summarised from their first entry.
  const since = report.span < report.weeks ? ", from the first entry" : "";
  const period = `${date(report.from)} to ${date(report.to)} (${plural(report.span, "week")}${since})`;
  blocks.push({ kind: "heading", level: 1, text: REPORT_TITLE });
  if (report.name) paragraph(`Name: ${report.name}`);
  paragraph(period);
  note(
    "Recorded by the person using Limber, a home hamstring-mobility routine for low back pain, and made from their log alone.",
  );
  note(ruleText("R-DISCLAIMER"));
  note(ruleText("R-HONEST"));

  if (report.caution) {
    const { baseline, recent, since } = report.caution;
    heading("Worth a clinician's look");
    paragraph(
      ruled(
        `After about 4 weeks of regular practice, pain averages ${oneDecimal(recent)} this week against ${oneDecimal(baseline)} in the first week of practice, from ${date(since)}: no meaningful easing, so a clinician check is suggested`,
        "R-TRIAGE-C",
      ),
    );
  }

  heading("Practice");
  paragraph(
    ruled(
      `${plural(report.practiceDays, "practice day")} in ${plural(report.span, "week")}, against a goal of ${plural(report.weeklyGoal, "day")} a week`,
      "R-CONSISTENCY",
    ),
  );
  paragraph(ruled(PRACTICE_DAY_MEANING, "R-TIME"));

  const adherence = report.programme;
  if (adherence) {
    const { programme } = adherence;
    heading("Prescribed programme");
    paragraph(
      ruled(
        `From ${prescriberText(programme)}, prescribed ${date(programme.prescribedOn)} (revision ${programme.revision}), followed here from ${date(adherence.from)} to ${date(adherence.to)}`,
        "R-PRESCRIBED",
      ),
    );
    list(programmeLines(programme));
    if (programme.note) note(`Note to the person: ${programme.note}`);
    paragraph(
      `${plural(adherence.practiceDays, "practice day")} against ${adherence.prescribedDays} prescribed (${plural(programme.daysPerWeek, "day")} a week).`,
    );
    if (adherence.exercises.length > 0) {
      blocks.push({
        kind: "table",
        caption: "Each prescribed exercise: blocks done, at the prescribed dose or below it",
        header: ["Exercise", "Prescribed", "Done", "At dose", "Below", "Softened", "Skipped"],
        rows: adherence.exercises.map((e) => [
          e.name,
          e.prescribed,
          String(e.done),
          String(e.atDose),
          String(e.done - e.atDose),
          String(e.softened),
          String(e.skipped),
        ]),
      });
    }
    paragraph(
      adherence.spikes.length === 0
        ? "No pain spike after a session while following it."
        : ruled(
            `Pain rose 2 points or more after sessions on ${adherence.spikes.map(date).join(", ")}`,
            "R-SPIKE",
          ),
    );
    paragraph(
      adherence.nerve.length === 0
        ? "No nerve-like sensations reported while following it."
        : ruled(
            `Nerve-like sensations reported on ${adherence.nerve.map((n) => `${date(n.day)} (${n.nerve})`).join(", ")}`,
            "R-NERVE",
          ),
    );
    if (adherence.overrides.length === 0) {
      paragraph("The safety rules did not change the programme on any day.");
    } else {
      paragraph("Days the safety rules changed the programme, each with its reason:");
      list(adherence.overrides.map((o) => ruled(`${date(o.day)}: ${o.text}`, o.rule)));
    }
  }

  const pain = report.pain.change;
  heading("Pain (0 to 10, weekly average)");
  paragraph(pain ? pain.text : "Fewer than two weeks with a pain rating: no comparison yet.");
  note(
    "A day's pain is its latest rating, and a week's the average of its days. A change counts as meaningful at 2 points or 30% of the starting level (Ostelo 2008).",
  );
  sources.add("OSTELO08");

  heading("Week by week");
  const quiet = quietWeeks(report);
  const shown = report.pain.weeks.slice(quiet);
  const firstShown = shown[0];
  if (!firstShown) {
    paragraph("Nothing recorded in this period.");
  } else {
    if (quiet > 0) note(`Nothing recorded before the week of ${date(firstShown.weekStart)}.`);
    blocks.push({
      kind: "chart",
      caption: "Bars: practice days each week (of 7). Line: weekly average pain (of 10).",
      weeks: shown.map((w) => ({
        label: dayLabel(w.weekStart, "brief"),
        practiceDays: w.practiceDays,
        ...(w.average === undefined ? {} : { pain: w.average }),
      })),
    });
    blocks.push({
      kind: "table",
      caption: "Each week from its Monday, with the plans its check-ins offered",
      header: ["Week of", "Practice days", "Check-ins", "Pain", "Plans"],
      rows: shown.map((w) => {
        const days = report.calendar.find((c) => c.weekStart === w.weekStart)?.days ?? [];
        const plans = planCounts(days.flatMap((d) => d.planKind ?? []));
        return [
          dayLabel(w.weekStart, "brief"),
          String(w.practiceDays),
          String(w.checkIns),
          w.average === undefined ? NO_FIGURE : oneDecimal(w.average),
          plans || NO_FIGURE,
        ];
      }),
    });
  }

  const fn = report.function;
  heading("Everyday activities (Patient-Specific Functional Scale, 0 to 10)");
  if (fn.goals.length === 0) {
    paragraph("No everyday activities named yet.");
  } else {
    list(
      fn.goals.map((g) => {
        const first = g.ratings[0];
        const last = g.ratings.at(-1);
        if (!first || !last) return `${g.activity}: not rated yet.`;
        return first === last
          ? `${g.activity}: ${last.rating} on ${date(last.day)}.`
          : `${g.activity}: ${first.rating} on ${date(first.day)}, ${last.rating} on ${date(last.day)}.`;
      }),
    );
    paragraph(fn.change ? fn.change.text : "One score so far: no comparison yet.");
    note("A rise of 2 points in the average counts as meaningful (Abbott 2014).");
    sources.add("ABBOTT14");
  }

  const range = report.range;
  const rangeItems = range.sides.flatMap((side) => {
    const last = side.measurements.at(-1);
    if (!last) return [];
    const leg = side.side === "left" ? "Left" : "Right";
    const how = last.method === "inclinometer" ? "phone on the shin" : "entered by hand";
    return [
      `${leg} knee: ${last.deficitDegrees}° short of straight on ${date(last.day)} (${how})${side.limited ? ", counted as limited (over 20°)" : ""}.`,
      ...(side.change ? [side.change.text] : []),
    ];
  });
  const reachFirst = range.sitAndReach[0];
  const reachLast = range.sitAndReach.at(-1);
  if (reachFirst && reachLast) {
    rangeItems.push(
      reachFirst === reachLast
        ? `Sit-and-reach: ${reachLast.cm} cm on ${date(reachLast.day)}.`
        : `Sit-and-reach: ${reachFirst.cm} cm on ${date(reachFirst.day)}, ${reachLast.cm} cm on ${date(reachLast.day)} (a weaker test; no threshold applied).`,
    );
  }
  heading("Hamstring range (active knee extension)");
  if (rangeItems.length === 0) paragraph("No range measured yet.");
  else list(rangeItems);
  if (range.sides.length > 0) {
    note("Only a change of 8° or more is taken as real (Neto 2015).");
    sources.add("NETO15");
  }

  heading("Warning signs reported");
  if (report.warningSigns.length === 0) paragraph("None reported in this period.");
  else {
    list(
      report.warningSigns.map((w) =>
        w.tier === "emergency"
          ? ruled(`${date(w.day)}, urgent care advised: ${w.signs.join("; ")}`, "R-TRIAGE-A")
          : ruled(`${date(w.day)}, clinician check advised: ${w.signs.join("; ")}`, "R-TRIAGE-B"),
      ),
    );
  }

  heading("Sessions that needed care");
  paragraph(
    report.spikes.length === 0
      ? "No session was followed by a pain rise of 2 points or more."
      : ruled(
          `Pain rose 2 points or more after the ${report.spikes.length === 1 ? "session" : "sessions"} on ${report.spikes.map(date).join(", ")}`,
          "R-SPIKE",
        ),
  );
  paragraph(
    report.softened.length === 0
      ? "No step needed softening."
      : ruled(
          `Softened during a session: ${report.softened.map((s) => `${s.exercise} on ${date(s.day)}`).join(", ")}`,
          "R-BREATH",
        ),
  );

  heading("Where each exercise stands");
  if (report.levels.length === 0) paragraph("No exercise levels yet.");
  else {
    blocks.push({
      kind: "table",
      caption: "Each exercise's step on its ladder, the gentlest first, and the rules that set it",
      header: ["Exercise", "Step", "Variant", "Rules"],
      rows: report.levels.map((l) => {
        cite(l.rules);
        const back = l.rules.includes("R-BREATH") ? " (one step back after softening)" : "";
        return [l.name, `${l.step} of ${l.steps}`, l.variant, `${l.rules.join(", ")}${back}`];
      }),
    });
  }

  if (report.context.length > 0) {
    heading("Days and their context (counts only, not causes)");
    list(report.context.map((c) => c.text));
  }

  if (report.notes) {
    heading("Notes");
    if (report.notes.length === 0) paragraph("No notes in this period.");
    else list(report.notes.map((n) => `${date(n.day)}: ${n.text}`));
  }

  const explained = named.filter((rule) => !spelled.has(rule));
  if (explained.length > 0) {
    heading("Rules named here");
    list(explained.map((rule) => `${rule}: ${RULES[rule].text}`));
  }
  if (sources.size > 0) {
    heading("Sources");
    list(
      [...sources].sort().map((id) => {
        const label = SOURCE_LABELS[id];
        return `${label.charAt(0).toUpperCase()}${label.slice(1)} (${id}).`;
      }),
    );
  }
  return { title: `${REPORT_TITLE}, ${period}`, day: report.to, blocks, footer: FOOTER };
}
