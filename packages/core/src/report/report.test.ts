import { PDFDocument, StandardFonts } from "pdf-lib";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { addDays } from "../days.ts";
import { clinicianReport } from "../progress/report.ts";
import { Log } from "../testing.ts";
import { reportDocument, reportPdf, reportText, toWinAnsi, wrapText } from "./index.ts";

/** The first Monday of an 8-week summary made on `today`, a Sunday. */
const MONDAY = "2026-10-12";
const today = addDays(MONDAY, 55);

/** A typical 8 weeks: the first run, then five practice days a week, with a goal, range and a note. */
function eightWeeks(): Log {
  const log = new Log();
  log.add("settings", MONDAY, {
    disclaimerAccepted: true,
    region: "GB",
    weeklyDays: 5,
    anchor: "after my morning coffee",
  });
  for (let week = 0; week < 8; week++) {
    const pain = week < 3 ? 5 : 3;
    log.practiseDays(addDays(MONDAY, 7 * week), 5, { back: week < 3 ? "okay" : "calm", pain });
  }
  log.add("measurement", MONDAY, {
    test: "ake",
    side: "left",
    deficitDegrees: 32,
    method: "inclinometer",
  });
  log.add("measurement", addDays(MONDAY, 28), {
    test: "ake",
    side: "left",
    deficitDegrees: 22,
    method: "inclinometer",
  });
  log.add("goal", MONDAY, { goalId: "shoes", activity: "Tying my shoes" });
  log.add("goal-rating", MONDAY, { goalId: "shoes", rating: 4 });
  log.add("goal-rating", addDays(MONDAY, 28), { goalId: "shoes", rating: 7 });
  log.add("note", addDays(MONDAY, 20), { text: "Picked up the laundry → no twinge ≥ twice" });
  return log;
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, " ");
}

describe("clinician report rendering", () => {
  const report = clinicianReport(eightWeeks().model(), today, 8, { includeNotes: true });

  it("writes the figures in plain text", () => {
    const text = reportText(report);
    expect(report.practiceDays).toBe(40);
    expect(text).toContain("Limber: progress report\n12 Oct 2026 to 6 Dec 2026 (8 weeks)\n");
    expect(text).toContain(
      "40 practice days in 8 weeks, against a goal of 5 days a week (R-CONSISTENCY).",
    );
    expect(text).toContain("Pain eased from 5.0 to 3.0 in 7 weeks: a meaningful change.");
    expect(text).toContain(
      "Left knee straightened further, from 32° to 22° short of straight in 4 weeks: a real change.",
    );
    expect(text).toContain("- Tying my shoes: 4 on 12 Oct 2026, 7 on 9 Nov 2026.");
    expect(text).toContain("Picked up the laundry → no twinge ≥ twice");
    expect(text).toContain("- Neto 2015 (NETO15).");
    expect(text).toContain(
      [
        "  Each week from its Monday, with the plans its check-ins offered",
        "  Week of  Practice days  Check-ins  Pain  Plans",
        "  12 Oct   5              5          5.0   5 full",
      ].join("\n"),
    );
    expect(text.endsWith("\nMade by Limber on the device\n")).toBe(true);
  });

  it("starts at the first entry: a log begun 3 weeks ago shows no earlier weeks", async () => {
    const log = new Log();
    const started = addDays(today, -20); // the Monday 3 weeks before today's week
    log.add("settings", started, { disclaimerAccepted: true, region: "GB" });
    log.practiseDays(started, 21, { back: "calm", pain: 3 });
    const late = clinicianReport(log.model(), today, 8);
    const text = reportText(late);
    expect(text).toContain("16 Nov 2026 to 6 Dec 2026 (3 weeks, from the first entry)\n");
    expect(text).toContain("21 practice days in 3 weeks, against a goal of 5 days a week");
    const weekRows = text.split("\n").filter((line) => /^ {2}\d+ (Oct|Nov|Dec) {2}/.test(line));
    expect(weekRows.map((line) => line.trim().split(/ {2,}/)[0])).toEqual([
      "16 Nov",
      "23 Nov",
      "30 Nov",
    ]);
    expect(text).not.toMatch(/12 Oct|19 Oct|26 Oct|2 Nov|9 Nov/);
    const pdf = await pdfText(await reportPdf(late));
    expect(pdf).toContain("16 Nov 2026 to 6 Dec 2026 (3 weeks, from the first entry)");
    expect(pdf).not.toContain("9 Nov");
  });

  it("names the rules it applies and explains each one it names", () => {
    const text = reportText(report);
    expect(text).toContain("R-PROGRESS: An exercise steps up at most once a week");
    expect(text).toContain("R-CONSISTENCY: The goal is a number of practice days a week");
    // The disclaimer is spelled out at the top, so it is not explained twice.
    expect(text.match(/general information and self-care support/g)).toHaveLength(1);
    expect(text).toContain("does not replace a clinician (R-DISCLAIMER).");
    const levels = reportDocument(report).blocks.find(
      (b) => b.kind === "table" && b.header[0] === "Exercise",
    );
    expect(
      levels?.kind === "table" && levels.rows.every((row) => row[3]?.startsWith("R-PROGRESS")),
    ).toBe(true);
  });

  it("makes a one-page A4 PDF of a typical 8 weeks, the name at its top", async () => {
    const named = clinicianReport(eightWeeks().model(), today, 8, {
      includeNotes: true,
      name: "  Ana   Example ",
    });
    const bytes = await reportPdf(named);
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    const [width, height] = [doc.getPage(0).getWidth(), doc.getPage(0).getHeight()];
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    const text = await pdfText(bytes);
    expect(text).toContain("40 practice days in 8 weeks");
    expect(text).toContain("Pain eased from 5.0 to 3.0 in 7 weeks: a meaningful change.");
    expect(text).toContain("from 32° to 22° short of straight in 4 weeks: a real change.");
    expect(text).toContain("Picked up the laundry -> no twinge >= twice");
    expect(text).toContain("Made by Limber on the device · Page 1 of 1");
    expect(text.startsWith("Limber: progress report Name: Ana Example 12 Oct 2026")).toBe(true);
    expect(await pdfText(await reportPdf(report))).not.toContain("Name:");
  });

  it("breaks long reports over pages and numbers every page", async () => {
    const log = eightWeeks();
    for (let i = 0; i < 60; i++) {
      log.add("note", addDays(MONDAY, i % 30), {
        text: `Note ${i}: ${"a longer sentence about the day ".repeat(4)}`,
      });
    }
    const long = clinicianReport(log.model(), today, 8, { includeNotes: true });
    const bytes = await reportPdf(long);
    const pages = (await PDFDocument.load(bytes)).getPageCount();
    expect(pages).toBeGreaterThan(2);
    const text = await pdfText(bytes);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text).toContain("Note 59:");
    expect(await reportPdf(long)).toEqual(bytes);
  });

  it("says the caution when pain has not eased after 4 weeks of practice", async () => {
    const log = new Log();
    log.practiseDays(addDays(MONDAY, 21), 35, { back: "okay", pain: 5 });
    const steady = clinicianReport(log.model(), today, 8);
    expect(steady.caution).toBeDefined();
    const text = await pdfText(await reportPdf(steady));
    expect(text).toContain("Worth a clinician's look");
    expect(text).toContain(
      "pain averages 5.0 this week against 5.0 in the first week of practice, from 2 Nov 2026: no meaningful easing, so a clinician check is suggested (R-TRIAGE-C).",
    );
    expect(reportText(report)).not.toContain("Worth a clinician's look");
  });

  it("keeps only what the standard font can draw", async () => {
    expect(toWinAnsi("a → b ≥ c – d “e” é ő 漢 😀\nx")).toBe("a -> b >= c – d “e” é o ? ? x");
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const lines = wrapText(
      "short words and a Verylongwordthatcannotfitanywhereatall",
      font,
      10,
      60,
    );
    expect(lines.every((line) => font.widthOfTextAtSize(line, 10) <= 60)).toBe(true);
    expect(lines.join("").replace(/ /g, "")).toBe(
      "shortwordsandaVerylongwordthatcannotfitanywhereatall".replace(/ /g, ""),
    );
  });
});
