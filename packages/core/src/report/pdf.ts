import { PDFDocument, type PDFFont, rgb, StandardFonts } from "pdf-lib";
import type { ClinicianReport } from "../progress/report.ts";
import { REPORT_FOOTER, REPORT_TITLE, reportPeriod, reportSections } from "./sections.ts";
import { toWinAnsi } from "./winansi.ts";

/** A4 in points. */
const PAGE = { width: 595.28, height: 841.89 } as const;
const MARGIN = 56;
const BODY = 10.5;
const LEADING = 14;
const INK = rgb(0.12, 0.14, 0.16);
const MUTED = rgb(0.36, 0.4, 0.44);
const BAR = rgb(0.22, 0.45, 0.55);

/** Splits a paragraph into lines no wider than `width` at `size`; breaks overlong words. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/ +/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    let rest = word;
    while (!fits(rest)) {
      let cut = rest.length - 1;
      while (cut > 1 && !fits(rest.slice(0, cut))) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [""];
}

/**
 * The clinician report as an A4 PDF in Helvetica: title, period, a small chart of practice days
 * and pain by week, then each section, with page breaks and a footer with page numbers.
 * Deterministic: the same report gives the same bytes.
 */
export async function reportPdf(report: ClinicianReport): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const day = new Date(`${report.to}T00:00:00Z`);
  doc.setTitle(toWinAnsi(`${REPORT_TITLE}, ${reportPeriod(report)}`));
  doc.setCreator("Limber");
  doc.setProducer("Limber");
  doc.setCreationDate(day);
  doc.setModificationDate(day);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const width = PAGE.width - 2 * MARGIN;

  let page = doc.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - MARGIN;
  const newPage = () => {
    page = doc.addPage([PAGE.width, PAGE.height]);
    y = PAGE.height - MARGIN;
  };
  const room = (height: number) => {
    if (y - height < MARGIN + 24) newPage();
  };
  const write = (text: string, font: PDFFont, size: number, color = INK, indent = 0) => {
    for (const line of wrapText(toWinAnsi(text), font, size, width - indent)) {
      room(size + 4);
      y -= size + 4;
      page.drawText(line, { x: MARGIN + indent, y, size, font, color });
    }
  };

  write(REPORT_TITLE, bold, 18);
  y -= 4;
  write(reportPeriod(report), regular, 12, MUTED);
  y -= 10;
  drawWeeks(report, () => page, regular, y, width);
  y -= CHART_HEIGHT + 36;

  for (const section of reportSections(report)) {
    room(LEADING * 3);
    y -= 10;
    write(section.heading, bold, 12.5);
    y -= 2;
    for (const line of section.lines) {
      write(line, regular, BODY, INK, 8);
      y -= LEADING - BODY - 4 + 2;
    }
  }

  const pages = doc.getPages();
  pages.forEach((p, i) => {
    const footer = `${REPORT_FOOTER} · Page ${i + 1} of ${pages.length}`;
    p.drawText(footer, { x: MARGIN, y: MARGIN - 20, size: 8.5, font: regular, color: MUTED });
  });
  return doc.save({ useObjectStreams: false });
}

const CHART_HEIGHT = 90;

/** Bars for practice days (out of 7) and dots joined for weekly pain (out of 10). */
function drawWeeks(
  report: ClinicianReport,
  page: () => ReturnType<PDFDocument["addPage"]>,
  font: PDFFont,
  top: number,
  width: number,
): void {
  const p = page();
  const weeks = report.pain.weeks;
  const bottom = top - CHART_HEIGHT;
  const slot = width / weeks.length;
  p.drawLine({
    start: { x: MARGIN, y: bottom },
    end: { x: MARGIN + width, y: bottom },
    thickness: 0.6,
    color: MUTED,
  });
  let previous: { x: number; y: number } | undefined;
  weeks.forEach((week, i) => {
    const x = MARGIN + i * slot;
    const barHeight = (week.practiceDays / 7) * (CHART_HEIGHT - 12);
    if (barHeight > 0) {
      p.drawRectangle({
        x: x + slot * 0.2,
        y: bottom,
        width: slot * 0.6,
        height: barHeight,
        color: BAR,
        opacity: 0.35,
      });
    }
    p.drawText(String(week.practiceDays), {
      x: x + slot / 2 - 3,
      y: bottom + barHeight + 2,
      size: 7.5,
      font,
      color: MUTED,
    });
    p.drawText(week.weekStart.slice(5), {
      x: x + slot / 2 - 10,
      y: bottom - 10,
      size: 7,
      font,
      color: MUTED,
    });
    if (week.average === undefined) {
      previous = undefined;
      return;
    }
    const point = { x: x + slot / 2, y: bottom + (week.average / 10) * (CHART_HEIGHT - 12) };
    if (previous) p.drawLine({ start: previous, end: point, thickness: 1.2, color: INK });
    p.drawCircle({ x: point.x, y: point.y, size: 2.2, color: INK });
    previous = point;
  });
  p.drawText("Bars: practice days each week (of 7). Line: weekly average pain (of 10).", {
    x: MARGIN,
    y: bottom - 22,
    size: 7.5,
    font,
    color: MUTED,
  });
}
