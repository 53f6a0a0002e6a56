import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Log } from "../testing.ts";
import { csvExport, csvField, parseCsv } from "./csv.ts";

const day = "2026-11-02";

/** A file's rows as records keyed by its header. */
function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((row) => Object.fromEntries((header ?? []).map((h, i) => [h, row[i] ?? ""])));
}

function fileOf(files: { name: string; text: string }[], name: string): string {
  const file = files.find((f) => f.name === name);
  if (!file) throw new Error(`no ${name}`);
  return file.text;
}

describe("CSV export", () => {
  it("writes one file per event type that has events, and reads back what it wrote", () => {
    const log = new Log();
    const note = 'She said "take it slow", then: walk,\nstretch,\r\nrest';
    log.add("note", day, { text: note });
    log.add("note", day, { text: "  plain  " });
    log.practise(
      day,
      {
        back: "okay",
        pain: 3,
        signs: ["night-pain", "weight-loss"],
        context: { sleep: "poor", deskDay: true },
      },
      { note: 'Felt, "fine"' },
    );
    log.add("measurement", day, { test: "sit-and-reach", cm: -4.5 });
    const files = csvExport(log.events);
    expect(files.map((f) => f.name)).toEqual([
      "checkin.csv",
      "session.csv",
      "session-blocks.csv",
      "measurement.csv",
      "note.csv",
    ]);
    for (const file of files) expect(file.text.endsWith("\r\n")).toBe(true);

    const notes = records(fileOf(files, "note.csv"));
    expect(notes.map((n) => n["data.text"])).toEqual([note, "  plain  "]);
    expect(Object.keys(notes[0] ?? {})).toEqual(["id", "at", "day", "v", "data.text"]);

    const [checkIn] = records(fileOf(files, "checkin.csv"));
    expect(checkIn).toMatchObject({
      day,
      v: "1",
      "data.back": "okay",
      "data.pain": "3",
      "data.signs": "night-pain; weight-loss",
      "data.context.sleep": "poor",
      "data.context.deskDay": "true",
    });

    const session = log.events.find((e) => e.type === "session");
    if (session?.type !== "session") throw new Error("no session");
    const [sessionRow] = records(fileOf(files, "session.csv"));
    expect(sessionRow).toMatchObject({
      id: session.id,
      "data.note": 'Felt, "fine"',
      "data.blocks": String(session.data.blocks.length),
    });
    const blocks = records(fileOf(files, "session-blocks.csv"));
    expect(blocks).toHaveLength(session.data.blocks.length);
    blocks.forEach((row, index) => {
      const block = session.data.blocks[index];
      expect(row).toMatchObject({
        session: session.id,
        index: String(index),
        variant: block?.variant,
        exercise: block?.exercise,
      });
      if (block?.holdSeconds !== undefined) expect(row.holdSeconds).toBe(String(block.holdSeconds));
    });
    expect(records(fileOf(files, "measurement.csv"))[0]).toMatchObject({
      "data.test": "sit-and-reach",
      "data.cm": "-4.5",
    });
  });

  it("leaves out withdrawn events and their retractions", () => {
    const log = new Log();
    const gone = log.add("note", day, { text: "written by mistake" });
    log.add("note", day, { text: "kept" });
    log.add("retract", day, { target: gone });
    const files = csvExport([...log.events, ...log.events]);
    expect(files.map((f) => f.name)).toEqual(["note.csv"]);
    expect(records(fileOf(files, "note.csv")).map((r) => r["data.text"])).toEqual(["kept"]);
  });

  it("writes text a spreadsheet would run as a formula with a leading quote, and numbers as numbers", () => {
    const log = new Log();
    const risky = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rReturn"];
    for (const text of risky) log.add("note", day, { text: `${text} end` });
    log.add("note", day, { text: "a = b, safe" });
    log.add("measurement", day, { test: "sit-and-reach", cm: -4.5 });
    const files = csvExport(log.events);
    const written = records(fileOf(files, "note.csv")).map((n) => n["data.text"]);
    expect(written).toEqual([...risky.map((text) => `'${text} end`), "a = b, safe"]);
    expect(records(fileOf(files, "measurement.csv"))[0]?.["data.cm"]).toBe("-4.5");
    // No cell of the file itself starts a formula, quoted or not.
    for (const row of parseCsv(fileOf(files, "note.csv"))) {
      for (const field of row) expect(field).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it("quotes only what needs quoting", () => {
    expect(csvField("plain text")).toBe("plain text");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(() => parseCsv('a"b,c\r\n')).toThrow("quote");
    expect(() => parseCsv('"open\r\n')).toThrow("never closed");
  });

  it("round-trips any text through a field", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: "grapheme" }), { minLength: 1, maxLength: 4 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (table) => {
          const width = table[0]?.length ?? 1;
          const rows = table.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
          // A row of one empty field is an empty line, which RFC 4180 does not tell from nothing.
          const safe = rows.map((r) => (r.length === 1 && r[0] === "" ? ["x"] : r));
          const text = safe.map((r) => `${r.map(csvField).join(",")}\r\n`).join("");
          expect(parseCsv(text)).toEqual(safe);
        },
      ),
      { numRuns: 500 },
    );
  });
});
