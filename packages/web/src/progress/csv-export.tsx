import { type CsvFile, csvExport, type LimberEvent, parseCsv } from "@limber/core";
import { useMemo } from "preact/hooks";
import { download } from "./words.ts";

const TITLES: Record<string, string> = {
  "checkin.csv": "Check-ins",
  "session.csv": "Sessions",
  "session-blocks.csv": "Exercises within sessions",
  "settings.csv": "Settings changes",
  "clearance.csv": "Clinician clearances",
  "measurement.csv": "Range measurements",
  "goal.csv": "Everyday activities",
  "goal-rating.csv": "Activity ratings",
  "note.csv": "Notes",
  "activity.csv": "Walks and strength work",
};

/** Rows in a CSV file, less its header. */
const rowCount = (file: CsvFile) => Math.max(0, parseCsv(file.text).length - 1);

/**
 * Every entry as spreadsheet files: one CSV per kind of entry, each with its own columns, so
 * each opens as a tidy table. Browsers hold back several downloads started by one tap, so each
 * file has its own button.
 */
export function CsvExport({ events }: { events: LimberEvent[] }) {
  const files = useMemo(() => csvExport(events), [events]);
  const stamp = new Date().toISOString().slice(0, 10);
  if (files.length === 0) return null;
  return (
    <details>
      <summary>Export as spreadsheets (CSV)</summary>
      <p class="small">
        One file for each kind of entry, to open in any spreadsheet app. Sessions' exercises are in
        a file of their own, one row each.
      </p>
      <ul style={{ listStyle: "none", padding: 0, display: "grid", gap: "0.5rem" }}>
        {files.map((file) => {
          const name = `limber-${stamp}-${file.name}`;
          const title = TITLES[file.name] ?? file.name;
          const rows = rowCount(file);
          return (
            <li key={file.name}>
              <button
                type="button"
                onClick={() => download(new Blob([file.text], { type: "text/csv" }), name)}
              >
                Download CSV: {title} ({rows} {rows === 1 ? "row" : "rows"})
              </button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
