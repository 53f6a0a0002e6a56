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

/** A4 in points, and the margins: the foot line sits in the bottom one. */
const PAGE = { width: 595.28, height: 841.89 } as const;
const SIDE = 44;
const TOP = 40;
const BOTTOM = 46;
const FOOT_Y = 26;
const WIDTH = PAGE.width - 2 * SIDE;
const INK = rgb(0.12, 0.14, 0.16);
const MUTED = rgb(0.36, 0.4, 0.44);
const BAR = rgb(0.22, 0.45, 0.55);

/** The sizes of one layout, in points. */
interface Style {
  title: number;
  heading: number;
  body: number;
  note: number;
  cell: number;
  /** The chart's own labels. */
  label: number;
  /** A line's height as a multiple of its text's size. */
  leading: number;
  /** Room above a part's heading. */
  partGap: number;
  /** Room under a paragraph, a note or a list item. */
  after: number;
  /** Blocks inside a part sit this far in from its heading. */
  indent: number;
  bullet: number;
  cellGap: number;
  /** Room under a table row's last line, above the rule that closes it. */
  rowPadding: number;
  /** The chart's height when it stands on its own, under its caption. */
  chartHeight: number;
}

const READABLE: Style = {
  title: 16,
  heading: 11,
  body: 9.5,
  note: 8.5,
  cell: 8.5,
  label: 7,
  leading: 1.3,
  partGap: 7,
  after: 1.5,
  indent: 8,
  bullet: 9,
  cellGap: 9,
  rowPadding: 2.5,
  chartHeight: 70,
};

/**
 * The one-page summary: drawn at the readable sizes, or a little denser when that keeps it on
 * one page; when even the densest does not fit (a long span, many notes), it runs over pages
 * at the readable sizes.
 */
const FIT_SCALES = [1, 0.94, 0.88] as const;

function scaled(style: Style, scale: number): Style {
  const out = { ...style };
  for (const key of Object.keys(out) as (keyof Style)[]) {
    if (key !== "leading") out[key] = style[key] * scale;
  }
  return out;
}

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

/** What a pen draws on: a page, or nothing at all while it measures. */
type Canvas = Pick<PDFPage, "drawText" | "drawLine" | "drawRectangle" | "drawCircle">;
const NO_INK: Canvas = {
  drawText: () => undefined,
  drawLine: () => undefined,
  drawRectangle: () => undefined,
  drawCircle: () => undefined,
};

/** Where a run of blocks goes across the page: its left edge and width. */
interface Column {
  x: number;
  width: number;
}
const FULL: Column = { x: SIDE, width: WIDTH };

/** Where the next line goes, page after page. */
class Pen {
  page: Canvas;
  y: number;
  constructor(
    readonly fonts: Fonts,
    readonly style: Style,
    /** Turns to a new page; a pen without it measures, drawing nothing on one endless page. */
    private readonly addPage?: () => Canvas,
  ) {
    this.page = addPage ? addPage() : NO_INK;
    this.y = addPage ? PAGE.height - TOP : 0;
  }
  line(size: number): number {
    return size * this.style.leading;
  }
  /** Starts a new page unless `height` more points fit above the bottom margin. */
  room(height: number): boolean {
    if (!this.addPage || this.y - height >= BOTTOM) return false;
    this.page = this.addPage();
    this.y = PAGE.height - TOP;
    return true;
  }
  /** How tall `draw` would be, drawn with a pen like this one. */
  heightOf(draw: (pen: Pen) => void): number {
    const measuring = new Pen(this.fonts, this.style);
    draw(measuring);
    return -measuring.y;
  }
  /** Writes `text` wrapped to `width`, from `x`. */
  write(text: string, font: PDFFont, size: number, x: number, width: number, color = INK): void {
    for (const line of wrapText(toWinAnsi(text), font, size, width)) {
      this.room(this.line(size));
      this.y -= this.line(size);
      this.page.drawText(line, { x, y: this.y + size * 0.22, size, font, color });
    }
  }
}

/** One part of the summary: a level-2 heading and the blocks up to the next. */
interface Part {
  heading: Extract<ReportBlock, { kind: "heading" }>;
  blocks: ReportBlock[];
}

function partsOf(blocks: readonly ReportBlock[]): { opening: ReportBlock[]; parts: Part[] } {
  const opening: ReportBlock[] = [];
  const parts: Part[] = [];
  for (const block of blocks) {
    if (block.kind === "heading" && block.level === 2) parts.push({ heading: block, blocks: [] });
    else (parts.at(-1)?.blocks ?? opening).push(block);
  }
  return { opening, parts };
}

/**
 * The clinician summary as an A4 PDF in Helvetica: each block of the document in turn, short
 * parts of words two to a row, the weeks drawn as a small chart beside their table, tables in
 * columns, page breaks, and the footer on every page. Deterministic: the same report gives the
 * same bytes.
 */
export async function reportPdf(report: ClinicianReport): Promise<Uint8Array> {
  return documentPdf(reportDocument(report));
}

/** The summary document as an A4 PDF, dated the summary's last day: one page when it fits. */
export async function documentPdf(document: ReportDocument): Promise<Uint8Array> {
  for (const scale of FIT_SCALES) {
    const doc = await drawDocument(document, scaled(READABLE, scale));
    if (doc.getPageCount() === 1) return doc.save({ useObjectStreams: false });
  }
  const doc = await drawDocument(document, READABLE);
  return doc.save({ useObjectStreams: false });
}

async function drawDocument(document: ReportDocument, style: Style): Promise<PDFDocument> {
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
  const pen = new Pen(fonts, style, () => doc.addPage([PAGE.width, PAGE.height]));
  const { opening, parts } = partsOf(document.blocks);
  for (const block of opening) drawBlock(pen, block, FULL);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as Part;
    const next = parts[i + 1];
    if (next && drawPair(pen, part, next)) i++;
    else drawPart(pen, part, FULL);
  }

  const pages = doc.getPages();
  pages.forEach((p, i) => {
    p.drawText(toWinAnsi(pageFooter(document, i + 1, pages.length)), {
      x: SIDE,
      y: FOOT_Y,
      size: 8,
      font: fonts.regular,
      color: MUTED,
    });
  });
  return doc;
}

/** A part's heading, then its blocks set in from it. */
function drawPart(pen: Pen, part: Part, column: Column): void {
  drawBlock(pen, part.heading, column);
  const inner = { x: column.x + pen.style.indent, width: column.width - pen.style.indent };
  for (let i = 0; i < part.blocks.length; i++) {
    const block = part.blocks[i] as ReportBlock;
    const next = part.blocks[i + 1];
    // A chart and the table of its figures side by side, when the table leaves it room.
    if (block.kind === "chart" && next?.kind === "table" && drawBeside(pen, block, next, inner)) {
      i++;
      continue;
    }
    drawBlock(pen, block, inner);
  }
}

const PAIR_GAP = 20;
/** Parts of words only (no table, no chart) can share a row. */
const wordsOnly = (part: Part) =>
  part.blocks.every((b) => b.kind === "paragraph" || b.kind === "note" || b.kind === "list");

/**
 * Two short parts of words side by side, each in half the width; false (and nothing drawn)
 * when either holds a table or a chart, or the two would not fit on one page.
 */
function drawPair(pen: Pen, left: Part, right: Part): boolean {
  if (!wordsOnly(left) || !wordsOnly(right)) return false;
  const half = (WIDTH - PAIR_GAP) / 2;
  const columns = [
    { x: SIDE, width: half },
    { x: SIDE + half + PAIR_GAP, width: half },
  ] as const;
  const height = Math.max(
    pen.heightOf((p) => drawPart(p, left, columns[0])),
    pen.heightOf((p) => drawPart(p, right, columns[1])),
  );
  if (height > PAGE.height - TOP - BOTTOM) return false;
  pen.room(height);
  const top = pen.y;
  drawPart(pen, left, columns[0]);
  pen.y = top;
  drawPart(pen, right, columns[1]);
  pen.y = top - height;
  return true;
}

function drawBlock(pen: Pen, block: ReportBlock, { x, width }: Column): void {
  const { regular, bold } = pen.fonts;
  const { style } = pen;
  switch (block.kind) {
    case "heading":
      if (block.level === 1) {
        pen.write(block.text, bold, style.title, x, width);
        pen.y -= style.after * 2;
      } else {
        // A heading keeps its first lines with it.
        pen.room(style.partGap + pen.line(style.heading) + 2 * pen.line(style.body));
        pen.y -= style.partGap;
        pen.write(block.text, bold, style.heading, x, width);
        pen.y -= style.after;
      }
      return;
    case "paragraph":
      pen.write(block.text, regular, style.body, x, width);
      pen.y -= style.after;
      return;
    case "note":
      pen.write(block.text, regular, style.note, x, width, MUTED);
      pen.y -= style.after;
      return;
    case "list":
      drawList(pen, block.items, x, width);
      return;
    case "table":
      drawTable(pen, block, x, width);
      return;
    case "chart": {
      const caption = pen.heightOf((p) => drawCaption(p, block.caption, x, width));
      pen.room(caption + style.chartHeight + 4);
      drawCaption(pen, block.caption, x, width);
      drawWeeks(pen, block.weeks, { left: x, top: pen.y, width, height: style.chartHeight });
      pen.y -= style.chartHeight + 4;
      return;
    }
  }
}

/** A list with a bullet to each item; short items (source names) flow across in columns. */
function drawList(pen: Pen, items: readonly string[], x: number, width: number): void {
  const { regular } = pen.fonts;
  const { style } = pen;
  const fitsIn = (w: number) =>
    items.every(
      (item) => regular.widthOfTextAtSize(toWinAnsi(item), style.body) <= w - style.bullet - 6,
    );
  const columns = [3, 2].find((n) => fitsIn(width / n)) ?? 1;
  const column = width / columns;
  for (let start = 0; start < items.length; start += columns) {
    const row = items.slice(start, start + columns);
    const lines = row.map((item) =>
      wrapText(toWinAnsi(item), regular, style.body, column - style.bullet - (columns > 1 ? 6 : 0)),
    );
    const height = Math.max(...lines.map((l) => l.length)) * pen.line(style.body);
    pen.room(height);
    const top = pen.y;
    lines.forEach((itemLines, i) => {
      const left = x + i * column;
      itemLines.forEach((text, n) => {
        const y = top - (n + 1) * pen.line(style.body) + style.body * 0.22;
        if (n === 0) {
          pen.page.drawText("•", { x: left, y, size: style.body, font: regular, color: INK });
        }
        pen.page.drawText(text, {
          x: left + style.bullet,
          y,
          size: style.body,
          font: regular,
          color: INK,
        });
      });
    });
    pen.y = top - height - style.after;
  }
}

function drawCaption(pen: Pen, caption: string, x: number, width: number): void {
  pen.write(caption, pen.fonts.regular, pen.style.note, x, width, MUTED);
  pen.y -= 1;
}

/** The columns' widths: each as wide as its widest cell, all narrowed alike when too wide. */
function columnWidths(table: Extract<ReportBlock, { kind: "table" }>, pen: Pen, width: number) {
  const { fonts, style } = pen;
  const natural = table.header.map(
    (cell, column) =>
      Math.max(
        fonts.bold.widthOfTextAtSize(toWinAnsi(cell), style.cell),
        ...table.rows.map((row) =>
          fonts.regular.widthOfTextAtSize(toWinAnsi(row[column] ?? ""), style.cell),
        ),
      ) + style.cellGap,
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
  const { bold, regular } = pen.fonts;
  const { style } = pen;
  const widths = columnWidths(table, pen, width);
  const tableWidth = widths.reduce((a, b) => a + b, 0);
  const wrap = (cells: string[], font: PDFFont) =>
    cells.map((cell, i) =>
      wrapText(toWinAnsi(cell), font, style.cell, (widths[i] ?? 0) - style.cellGap),
    );
  const heightOf = (wrapped: string[][]) =>
    Math.max(...wrapped.map((lines) => lines.length)) * pen.line(style.cell) + style.rowPadding;
  const header = wrap(table.header, bold);

  /** One row, then the rule under it: each cell's lines drawn together, so its words read in order. */
  const drawRow = (wrapped: string[][], font: PDFFont) => {
    const top = pen.y;
    let left = x;
    wrapped.forEach((lines, i) => {
      lines.forEach((text, n) => {
        const y = top - (n + 1) * pen.line(style.cell) + style.cell * 0.22;
        pen.page.drawText(text, { x: left, y, size: style.cell, font, color: INK });
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

  pen.room(pen.line(style.note) + heightOf(header) + 2 * pen.line(style.cell));
  drawCaption(pen, table.caption, x, width);
  drawRow(header, bold);
  for (const cells of table.rows) {
    const row = wrap(cells, regular);
    // A row that starts a page repeats the header above it.
    if (pen.room(heightOf(row))) drawRow(header, bold);
    drawRow(row, regular);
  }
  pen.y -= style.after * 2;
}

/** The narrowest a chart beside its table may be. */
const BESIDE_MIN = 150;
const BESIDE_GAP = 18;

/**
 * The weeks' table with their chart to its right, the chart as tall as the table; false (and
 * nothing drawn) when the table is too wide to leave the chart room, or too long for a page.
 */
function drawBeside(
  pen: Pen,
  chart: Extract<ReportBlock, { kind: "chart" }>,
  table: Extract<ReportBlock, { kind: "table" }>,
  { x, width }: Column,
): boolean {
  const tableWidth = columnWidths(table, pen, width).reduce((a, b) => a + b, 0);
  const height = pen.heightOf((p) => drawTable(p, table, x, tableWidth));
  const chartWidth = width - tableWidth - BESIDE_GAP;
  if (chartWidth < BESIDE_MIN || height > PAGE.height - TOP - BOTTOM) return false;
  pen.room(height);
  const top = pen.y;
  drawTable(pen, table, x, tableWidth);
  const left = x + tableWidth + BESIDE_GAP;
  pen.y = top;
  drawCaption(pen, chart.caption, left, chartWidth);
  drawWeeks(pen, chart.weeks, {
    left,
    top: pen.y,
    width: chartWidth,
    height: Math.max(pen.y - (top - height), 40),
  });
  pen.y = top - height;
  return true;
}

/**
 * Bars for practice days (out of 7) and dots joined for weekly pain (out of 10), in the box
 * from `top` down `height` points, the week labels inside its foot.
 */
function drawWeeks(
  pen: Pen,
  weeks: readonly ReportChartWeek[],
  box: { left: number; top: number; width: number; height: number },
): void {
  const p = pen.page;
  const font = pen.fonts.regular;
  const { label: size } = pen.style;
  const { left, width } = box;
  const bottom = box.top - box.height + size + 4;
  const tall = box.height - size * 2 - 8;
  const slot = width / weeks.length;
  const widest = Math.max(...weeks.map((w) => font.widthOfTextAtSize(toWinAnsi(w.label), size)));
  // Narrow weeks are labelled every other (or third) week, so no two labels touch.
  const every = Math.max(1, Math.ceil((widest + 4) / slot));
  p.drawLine({
    start: { x: left, y: bottom },
    end: { x: left + width, y: bottom },
    thickness: 0.6,
    color: MUTED,
  });
  let previous: { x: number; y: number } | undefined;
  weeks.forEach((week, i) => {
    const x = left + i * slot;
    const barHeight = (week.practiceDays / 7) * tall;
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
      x: x + slot / 2 - font.widthOfTextAtSize(count, size) / 2,
      y: bottom + barHeight + 2,
      size,
      font,
      color: MUTED,
    });
    if (i % every === 0) {
      const label = toWinAnsi(week.label);
      p.drawText(label, {
        x: x + slot / 2 - font.widthOfTextAtSize(label, size) / 2,
        y: bottom - size - 2,
        size,
        font,
        color: MUTED,
      });
    }
    if (week.pain === undefined) {
      previous = undefined;
      return;
    }
    const point = { x: x + slot / 2, y: bottom + (week.pain / 10) * tall };
    if (previous) p.drawLine({ start: previous, end: point, thickness: 1.2, color: INK });
    p.drawCircle({ x: point.x, y: point.y, size: 2, color: INK });
    previous = point;
  });
}
