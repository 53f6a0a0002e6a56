import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from "pdf-lib";
import type { ClinicianReport } from "../progress/report.ts";
import {
  pageFooter,
  type ReportBlock,
  type ReportChartWeek,
  type ReportDocument,
  reportDocument,
} from "./document.ts";
import { toWinAnsi } from "./winansi.ts";

/** A4 in points. */
const PAGE = { width: 595.28, height: 841.89 } as const;
const MARGIN = 56;
const TITLE = 18;
const HEADING = 12.5;
const BODY = 10.5;
const NOTE = 9;
const CELL = 9.5;
/** Blocks inside a part sit this far in from its heading. */
const INDENT = 8;
const BULLET = 10;
const CELL_GAP = 10;
/** Room under a table row's last line, above the rule that closes it. */
const ROW_PADDING = 5;
const CHART_HEIGHT = 90;
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

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** Where the next line goes, page after page. */
class Pen {
  page: PDFPage;
  y = PAGE.height - MARGIN;
  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: Fonts,
  ) {
    this.page = doc.addPage([PAGE.width, PAGE.height]);
  }
  /** Starts a new page unless `height` more points fit above the footer. */
  room(height: number): boolean {
    if (this.y - height >= MARGIN + 24) return false;
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - MARGIN;
    return true;
  }
  /** Writes `text` wrapped to `width`, from `x`. */
  write(text: string, font: PDFFont, size: number, x: number, width: number, color = INK): void {
    for (const line of wrapText(toWinAnsi(text), font, size, width)) {
      this.room(size + 4);
      this.y -= size + 4;
      this.page.drawText(line, { x, y: this.y, size, font, color });
    }
  }
}

const WIDTH = PAGE.width - 2 * MARGIN;

/**
 * The clinician summary as an A4 PDF in Helvetica: each block of the document in turn, the
 * weeks drawn as a small chart, tables in columns, page breaks, and the footer on every page.
 * Deterministic: the same report gives the same bytes.
 */
export async function reportPdf(report: ClinicianReport): Promise<Uint8Array> {
  return documentPdf(reportDocument(report));
}

/** The summary document as an A4 PDF, dated the summary's last day. */
export async function documentPdf(document: ReportDocument): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const date = new Date(`${document.day}T00:00:00Z`);
  doc.setTitle(toWinAnsi(document.title));
  doc.setCreator("Limber");
  doc.setProducer("Limber");
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  const pen = new Pen(doc, fonts);
  let inPart = false;
  for (const block of document.blocks) {
    if (block.kind === "heading" && block.level === 2) inPart = true;
    drawBlock(pen, block, inPart && block.kind !== "heading" ? INDENT : 0);
  }

  const pages = doc.getPages();
  pages.forEach((p, i) => {
    p.drawText(toWinAnsi(pageFooter(document, i + 1, pages.length)), {
      x: MARGIN,
      y: MARGIN - 20,
      size: 8.5,
      font: fonts.regular,
      color: MUTED,
    });
  });
  return doc.save({ useObjectStreams: false });
}

function drawBlock(pen: Pen, block: ReportBlock, indent: number): void {
  const { regular, bold } = pen.fonts;
  const x = MARGIN + indent;
  const width = WIDTH - indent;
  switch (block.kind) {
    case "heading":
      if (block.level === 1) {
        pen.write(block.text, bold, TITLE, x, width);
        pen.y -= 6;
      } else {
        pen.room(HEADING + 4 + 3 * (BODY + 4));
        pen.y -= 10;
        pen.write(block.text, bold, HEADING, x, width);
        pen.y -= 2;
      }
      return;
    case "paragraph":
      pen.write(block.text, regular, BODY, x, width);
      pen.y -= 2;
      return;
    case "note":
      pen.write(block.text, regular, NOTE, x, width, MUTED);
      pen.y -= 2;
      return;
    case "list":
      for (const item of block.items) {
        pen.room(BODY + 4);
        pen.page.drawText("•", { x, y: pen.y - BODY - 4, size: BODY, font: regular, color: INK });
        pen.write(item, regular, BODY, x + BULLET, width - BULLET);
        pen.y -= 2;
      }
      return;
    case "table":
      drawTable(pen, block, x, width);
      return;
    case "chart":
      pen.room(CHART_HEIGHT + 40);
      drawWeeks(pen, block.weeks, block.caption, x, width);
      return;
  }
}

/** The columns' widths: each as wide as its widest cell, all narrowed alike when too wide. */
function columnWidths(rows: string[][], header: string[], fonts: Fonts, width: number): number[] {
  const natural = header.map(
    (cell, column) =>
      Math.max(
        fonts.bold.widthOfTextAtSize(toWinAnsi(cell), CELL),
        ...rows.map((row) => fonts.regular.widthOfTextAtSize(toWinAnsi(row[column] ?? ""), CELL)),
      ) + CELL_GAP,
  );
  const total = natural.reduce((a, b) => a + b, 0);
  return total <= width ? natural : natural.map((w) => (w * width) / total);
}

function drawTable(
  pen: Pen,
  table: Extract<ReportBlock, { kind: "table" }>,
  x: number,
  width: number,
): void {
  const { regular, bold } = pen.fonts;
  const widths = columnWidths(table.rows, table.header, pen.fonts, width);
  const tableWidth = widths.reduce((a, b) => a + b, 0);
  const line = CELL + 4;
  const wrap = (cells: string[], font: PDFFont) =>
    cells.map((cell, i) => wrapText(toWinAnsi(cell), font, CELL, (widths[i] ?? 0) - CELL_GAP));
  const heightOf = (wrapped: string[][]) =>
    Math.max(...wrapped.map((lines) => lines.length)) * line + ROW_PADDING;

  /** One row, then the rule under it: each cell's lines drawn together, so its words read in order. */
  const drawRow = (wrapped: string[][], font: PDFFont) => {
    const top = pen.y;
    let left = x;
    wrapped.forEach((lines, i) => {
      lines.forEach((text, n) => {
        const y = top - n * line - CELL - 3;
        pen.page.drawText(text, { x: left, y, size: CELL, font, color: INK });
      });
      left += widths[i] ?? 0;
    });
    pen.y = top - heightOf(wrapped);
    pen.page.drawLine({
      start: { x, y: pen.y },
      end: { x: x + tableWidth, y: pen.y },
      thickness: font === bold ? 0.8 : 0.3,
      color: MUTED,
    });
  };

  const header = wrap(table.header, bold);
  pen.room(NOTE + 4 + heightOf(header) + 2 * line);
  pen.write(table.caption, regular, NOTE, x, width, MUTED);
  pen.y -= 2;
  drawRow(header, bold);
  for (const cells of table.rows) {
    const row = wrap(cells, regular);
    // A row that starts a page repeats the header above it.
    if (pen.room(heightOf(row))) drawRow(header, bold);
    drawRow(row, regular);
  }
  pen.y -= 4;
}

/** Bars for practice days (out of 7) and dots joined for weekly pain (out of 10). */
function drawWeeks(
  pen: Pen,
  weeks: readonly ReportChartWeek[],
  caption: string,
  left: number,
  width: number,
): void {
  const p = pen.page;
  const font = pen.fonts.regular;
  const bottom = pen.y - 8 - CHART_HEIGHT;
  const slot = width / weeks.length;
  p.drawLine({
    start: { x: left, y: bottom },
    end: { x: left + width, y: bottom },
    thickness: 0.6,
    color: MUTED,
  });
  let previous: { x: number; y: number } | undefined;
  weeks.forEach((week, i) => {
    const x = left + i * slot;
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
    const count = String(week.practiceDays);
    p.drawText(count, {
      x: x + slot / 2 - font.widthOfTextAtSize(count, 7.5) / 2,
      y: bottom + barHeight + 2,
      size: 7.5,
      font,
      color: MUTED,
    });
    const label = toWinAnsi(week.label);
    p.drawText(label, {
      x: x + slot / 2 - font.widthOfTextAtSize(label, 7) / 2,
      y: bottom - 10,
      size: 7,
      font,
      color: MUTED,
    });
    if (week.pain === undefined) {
      previous = undefined;
      return;
    }
    const point = { x: x + slot / 2, y: bottom + (week.pain / 10) * (CHART_HEIGHT - 12) };
    if (previous) p.drawLine({ start: previous, end: point, thickness: 1.2, color: INK });
    p.drawCircle({ x: point.x, y: point.y, size: 2.2, color: INK });
    previous = point;
  });
  pen.y = bottom - 14;
  pen.write(caption, font, 7.5, left, width, MUTED);
  pen.y -= 6;
}
