/**
 * The clinician report rendered: plain text and an A4 PDF. A subpath of its own
 * (`@limber/core/report`) so the PDF library loads only where a report is made.
 */
export { reportPdf, wrapText } from "./pdf.ts";
export {
  REPORT_FOOTER,
  REPORT_TITLE,
  type ReportSection,
  reportPeriod,
  reportSections,
} from "./sections.ts";
export { reportText } from "./text.ts";
export { isWinAnsi, toWinAnsi } from "./winansi.ts";
