import {
  addDays,
  clinicianReport,
  type ReportBlock,
  type ReportDocument,
  reportDocument,
} from "@limber/core";
import { documentPdf, documentText, toWinAnsi } from "@limber/core/report";
import { Log } from "@limber/core/testing";
import { renderToString } from "preact-render-to-string";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { ReportView } from "./report-document.tsx";

const MONDAY = "2026-11-02";
const today = addDays(MONDAY, 34);

/** Five weeks of steady pain with every kind of entry the summary speaks of. */
function fullLog(): Log {
  const log = new Log();
  log.practiseDays(MONDAY, 9, { back: "okay", pain: 5, context: { sleep: "poor" } });
  log.practise(addDays(MONDAY, 9), { back: "okay", pain: 5 }, { painBefore: 4, painAfter: 7 });
  log.practise(addDays(MONDAY, 10), { back: "okay", pain: 5 });
  const session = log.events.at(-1);
  if (session?.type !== "session") throw new Error("the day has no session");
  session.data = {
    ...session.data,
    blocks: session.data.blocks.map((b, i) => (i === 2 ? { ...b, softened: true } : b)),
  };
  log.checkIn(addDays(MONDAY, 11), { back: "okay", pain: 5, signs: ["night-pain"] });
  log.practiseDays(addDays(MONDAY, 12), 23, { back: "okay", pain: 5 });
  for (const [side, deficitDegrees] of [
    ["left", 34],
    ["right", 30],
  ] as const) {
    log.add("measurement", MONDAY, { test: "ake", side, deficitDegrees, method: "inclinometer" });
    log.add("measurement", addDays(MONDAY, 28), {
      test: "ake",
      side,
      deficitDegrees: deficitDegrees - 10,
      method: "manual",
    });
  }
  log.add("measurement", addDays(MONDAY, 3), { test: "sit-and-reach", cm: -4 });
  log.add("goal", MONDAY, { goalId: "shoes", activity: "Tying my shoes" });
  log.add("goal-rating", MONDAY, { goalId: "shoes", rating: 4 });
  log.add("goal-rating", addDays(MONDAY, 28), { goalId: "shoes", rating: 5 });
  log.add("note", addDays(MONDAY, 20), { text: "Picked up the laundry → no twinge ≥ twice" });
  return log;
}

/** What a reader reads in one block, each piece whole; a drawing's caption is the PDF's alone. */
function piecesOfBlock(block: ReportBlock): string[] {
  switch (block.kind) {
    case "heading":
    case "paragraph":
    case "note":
      return [block.text];
    case "list":
      return block.items;
    case "table":
      return [block.caption, ...block.header, ...block.rows.flat()];
    case "chart":
      return [];
  }
}

/** Everything a reader reads in the document. */
const piecesOf = (document: ReportDocument): string[] => [
  ...document.blocks.flatMap(piecesOfBlock),
  document.footer,
];

const words = (text: string) => text.replace(/\s+/g, " ");

async function pdfWords(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  return words((await extractText(pdf, { mergePages: true })).text);
}

/** The page's text as a reader hears it: tags gone, entities read. */
function pageWords(html: string): string {
  const text = html
    .replace(/<\/?span[^>]*>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
  return words(text);
}

describe("the clinician summary, rendered three ways", () => {
  const report = clinicianReport(fullLog().model(), today, 8, { includeNotes: true });
  const summary = reportDocument(report);

  it("holds every kind of part the summary has", () => {
    const headings = summary.blocks.flatMap((b) => (b.kind === "heading" ? [b.text] : []));
    expect(headings).toEqual([
      "Limber: progress report",
      "Worth a clinician's look",
      "Practice",
      "Pain (0 to 10, weekly average)",
      "Week by week",
      "Everyday activities (Patient-Specific Functional Scale, 0 to 10)",
      "Hamstring range (active knee extension)",
      "Warning signs reported",
      "Sessions that needed care",
      "Where each exercise stands",
      "Days and their context (counts only, not causes)",
      "Notes",
      "Rules named here",
      "Sources",
    ]);
    const kinds = new Set(summary.blocks.map((b) => b.kind));
    expect([...kinds].sort()).toEqual(["chart", "heading", "list", "note", "paragraph", "table"]);
    const text = documentText(summary);
    for (const rule of ["R-TRIAGE-C", "R-TRIAGE-B", "R-SPIKE", "R-BREATH"]) {
      expect(text).toContain(`(${rule}).`);
      expect(text).toContain(`- ${rule}: `);
    }
    expect(text).toContain("R-PROGRESS, R-BREATH (one step back after softening)");
  });

  it("says the same sentences, headings and figures as text, as a PDF and on the page", async () => {
    const text = words(documentText(summary));
    const pdf = await pdfWords(await documentPdf(summary));
    const page = pageWords(renderToString(<ReportView summary={summary} />));
    const pieces = piecesOf(summary);
    expect(pieces.length).toBeGreaterThan(60);
    for (const piece of pieces) {
      expect(text).toContain(words(piece));
      expect(pdf).toContain(words(toWinAnsi(piece)));
      expect(page).toContain(words(piece));
    }
    // Only the PDF draws the weeks; its caption says how to read the drawing.
    const chart = summary.blocks.find((b) => b.kind === "chart");
    expect(chart?.kind === "chart" && pdf.includes(chart.caption)).toBe(true);
    expect(page).not.toContain("Bars: practice days");
  });

  it("gives the page its headings in order and its tables their headers", () => {
    const html = renderToString(<ReportView summary={summary} />);
    expect(html).toMatch(
      /^<article class="report" aria-labelledby="report-title"><h2 id="report-title">/,
    );
    expect(html).not.toMatch(/<h[14]/);
    const tables = html.match(/<table>.*?<\/table>/g) ?? [];
    expect(tables).toHaveLength(2);
    for (const table of tables) {
      expect(table).toMatch(
        /^<table><caption>[^<]+<\/caption><thead><tr>(<th scope="col">[^<]+<\/th>)+<\/tr><\/thead>/,
      );
      const rows = table.match(/<tbody>.*<\/tbody>/)?.[0].match(/<tr>.*?<\/tr>/g) ?? [];
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row) => row.startsWith('<tr><th scope="row">'))).toBe(true);
    }
  });
});
