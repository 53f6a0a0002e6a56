/**
 * The clinician summary rendered: plain text and an A4 PDF, both from its one document
 * (`reportDocument`). A subpath of its own (`@limber/core/report`) so the PDF library loads
 * only where a PDF is made.
 */
export {
  pageFooter,
  REPORT_TITLE,
  type ReportBlock,
  type ReportChartWeek,
  type ReportDocument,
  reportDocument,
} from "./document.ts";
export { documentPdf, reportPdf, wrapText } from "./pdf.ts";
export { documentText, reportText } from "./text.ts";
export { isWinAnsi, toWinAnsi } from "./winansi.ts";
