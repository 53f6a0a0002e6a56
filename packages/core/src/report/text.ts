import type { ClinicianReport } from "../progress/report.ts";
import { type ReportBlock, type ReportDocument, reportDocument } from "./document.ts";

const INDENT = "  ";

/** A table's rows as columns padded to their widest cell. */
function tableLines(header: string[], rows: string[][]): string[] {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  return [header, ...rows].map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd(),
  );
}

/** One block's lines, before indenting. A drawing has none: the table after it has its figures. */
function blockLines(block: ReportBlock): string[] {
  switch (block.kind) {
    case "heading":
    case "paragraph":
    case "note":
      return block.text.split(/\r?\n/);
    case "list":
      return block.items.flatMap((item) =>
        item.split(/\r?\n/).map((line, i) => `${i === 0 ? "- " : "  "}${line}`),
      );
    case "table":
      return [block.caption, ...tableLines(block.header, block.rows)];
    case "chart":
      return [];
  }
}

/** The summary document as plain text: the title and its lines, then each part, indented. */
export function documentText(document: ReportDocument): string {
  const lines: string[] = [];
  let inPart = false;
  for (const block of document.blocks) {
    if (block.kind === "heading" && block.level === 2) {
      lines.push("", block.text);
      inPart = true;
      continue;
    }
    const indent = inPart ? INDENT : "";
    lines.push(...blockLines(block).map((line) => `${indent}${line}`.trimEnd()));
  }
  lines.push("", document.footer);
  return `${lines.join("\n")}\n`;
}

/** The clinician report as plain text. */
export function reportText(report: ClinicianReport): string {
  return documentText(reportDocument(report));
}
