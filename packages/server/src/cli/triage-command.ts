import { dayLabel, describeEmergencyNumber, type Triage, WARNING_SIGNS } from "@limber/core";
import { jsonText } from "./command.ts";
import { dayCommand } from "./day-log.ts";
import { DISCLAIMER, EMERGENCY_RULES, emergencyLines, reasonText } from "./reason-text.ts";

const help = `Usage: limber triage --log FILE [--date YYYY-MM-DD] [--json]

Prints how carefully Limber may coach on one day of a log: the tier (emergency,
see-clinician, caution or clear), the warning signs behind it, the emergency
number for the person's region, and the reasons.

Options:
  -l, --log FILE     the event log: a JSON array of events, or NDJSON (one per line)
  -d, --date DAY     the day to read, YYYY-MM-DD; it needs a check-in in the log.
                     Default: the day of the log's last check-in (not today's date).
      --json         print the result as one JSON object
  -h, --help         show this help
`;

export const triageCommand = dayCommand({
  name: "triage",
  help,
  print({ day: date, triage }, json) {
    const { tier, signs, emergencyNumber, reasons } = triage;
    return json
      ? jsonText({ date, tier, signs, emergencyNumber, reasons })
      : triageText(date, triage);
  },
});

const VERDICT: Record<Exclude<Triage["tier"], "emergency">, string> = {
  "see-clinician": "Please see a clinician before stretching again; breathing and walking only.",
  caution: "Practice can go on gently; a clinician check is a good idea.",
  clear: "Nothing in this check-in calls for extra care.",
};

/** The triage as a person reads it; an emergency message comes before anything else. */
export function triageText(date: string, triage: Triage): string {
  const emergency = triage.tier === "emergency";
  const lines = emergency ? [...emergencyLines(triage.reasons), ""] : [];
  lines.push(`${dayLabel(date)} · ${triage.tier}`);
  // On an emergency day the message above already says what to do.
  if (triage.tier !== "emergency") lines.push(VERDICT[triage.tier]);
  if (triage.signs.length > 0) {
    lines.push("Warning signs:", ...triage.signs.map((sign) => `  - ${WARNING_SIGNS[sign]}`));
  }
  const why = emergency
    ? triage.reasons.filter((reason) => !EMERGENCY_RULES.includes(reason.rule))
    : triage.reasons;
  if (why.length > 0) lines.push("Why:", ...why.map((reason) => `  ${reasonText(reason)}`));
  if (!emergency) {
    lines.push(`In an emergency: ${describeEmergencyNumber(triage.emergencyNumber)}.`);
  }
  lines.push(DISCLAIMER);
  return `${lines.join("\n")}\n`;
}
