import { eventsInForce } from "../events/in-force.ts";
import { EVENT_TYPE_NAMES, type EventType, type LimberEvent } from "../events/schema.ts";

/**
 * The log as spreadsheet files (RFC 4180: comma-separated, CRLF line ends, a field quoted when
 * it holds a comma, a quote, or a line break, a quote inside doubled). One file per event type,
 * named after it (`checkin.csv`), with a header row: `id`, `at`, `day`, `v`, then the payload
 * flattened to dotted columns (`data.context.sleep`). A list of plain values (warning signs,
 * reminder days) is one cell, its values joined by "; ". A session's blocks are the one nested
 * list of records: they go to their own file, `session-blocks.csv`, one row per block, with the
 * session's id and the block's place in it, so each block's amounts sit in columns of their own.
 * Only events in force are written: a withdrawn event and its `retract` are left out, and an
 * event delivered twice appears once. Types with no events get no file. A cell of text that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so no
 * spreadsheet runs it as a formula; `parseCsv` reads the files exactly as written, quote and all.
 */
export interface CsvFile {
  name: string;
  text: string;
}

type Row = Map<string, string>;

const LIST_SEPARATOR = "; ";

/** One field as RFC 4180 writes it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * What a spreadsheet would run as a formula when a cell starts with it (CSV injection). Such a
 * cell of text is written with a leading `'`, which spreadsheets take as "this is text"; a
 * number is written as it is, since `-4.5` must stay a number and cannot be a formula.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = Array.isArray(value)
    ? value.map(cell).join(LIST_SEPARATOR)
    : typeof value === "string"
      ? value
      : JSON.stringify(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function flatten(value: unknown, prefix: string, row: Row): void {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, `${prefix}.${key}`, row);
    return;
  }
  row.set(prefix, cell(value));
}

/** A table as CSV text: header first, columns in the order they first appear. */
export function csvTable(rows: readonly Row[], leading: readonly string[] = []): string {
  const columns = [...leading];
  for (const row of rows)
    for (const key of row.keys()) if (!columns.includes(key)) columns.push(key);
  const lines = [columns, ...rows.map((row) => columns.map((c) => row.get(c) ?? ""))];
  return lines.map((fields) => `${fields.map(csvField).join(",")}\r\n`).join("");
}

const ENVELOPE = ["id", "at", "day", "v"] as const;

/** The log as one CSV file per event type, plus `session-blocks.csv` (see CsvFile). */
export function csvExport(events: readonly LimberEvent[]): CsvFile[] {
  const live = eventsInForce(events);
  const files: CsvFile[] = [];
  const blockRows: Row[] = [];
  for (const type of EVENT_TYPE_NAMES as EventType[]) {
    if (type === "retract") continue;
    const rows = live
      .filter((e) => e.type === type)
      .map((event) => {
        const row: Row = new Map(ENVELOPE.map((key) => [key, cell(event[key])]));
        if (event.type === "session") {
          const { blocks, ...rest } = event.data;
          flatten(rest, "data", row);
          row.set("data.blocks", String(blocks.length));
          blocks.forEach((block, index) => {
            const blockRow: Row = new Map([
              ["session", event.id],
              ["day", event.day],
              ["index", String(index)],
            ]);
            for (const [key, value] of Object.entries(block)) blockRow.set(key, cell(value));
            blockRows.push(blockRow);
          });
        } else {
          flatten(event.data, "data", row);
        }
        return row;
      });
    if (rows.length > 0) files.push({ name: `${type}.csv`, text: csvTable(rows, ENVELOPE) });
    if (type === "session" && blockRows.length > 0) {
      files.push({ name: "session-blocks.csv", text: csvTable(blockRows) });
    }
  }
  return files;
}

/** Reads RFC 4180 text back into rows of fields (accepting LF line ends too). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = "";
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"' && field.length === 0) quoted = true;
    else if (c === ",") endField();
    else if (c === "\r" && text[i + 1] === "\n") {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else if (c === "\n") {
      endField();
      rows.push(row);
      row = [];
    } else if (c === '"')
      throw new SyntaxError(`a quote inside an unquoted field, row ${rows.length + 1}`);
    else field += c;
    i++;
  }
  if (quoted) throw new SyntaxError("a quoted field is never closed");
  if (field.length > 0 || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}
