import type { ClinicianReport } from "../progress/report.ts";
import { REPORT_FOOTER, REPORT_TITLE, reportPeriod, reportSections } from "./sections.ts";

/** The clinician report as plain text: a title, the period, then each section. */
export function reportText(report: ClinicianReport): string {
  const parts = [`${REPORT_TITLE}\n${reportPeriod(report)}\n`];
  for (const section of reportSections(report)) {
    const lines = section.lines.flatMap((line) => line.split(/\r?\n/)).map((line) => `  ${line}`);
    parts.push(`${section.heading}\n${lines.join("\n")}\n`);
  }
  parts.push(`${REPORT_FOOTER}.\n`);
  return parts.join("\n");
}
