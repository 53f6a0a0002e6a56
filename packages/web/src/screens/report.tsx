import {
  clinicianReport,
  REPORT_NAME_MAX,
  REPORT_WEEKS,
  type ReportWeeks,
  reportDocument,
} from "@limber/core";
import { useMemo, useState } from "preact/hooks";
import { Choice } from "../components/choice.tsx";
import { useTopOnShow } from "../components/top.ts";
import { ReportView } from "../progress/report-document.tsx";
import type { ScreenProps } from "../progress/routes.tsx";
import { download } from "../progress/words.ts";
import { sentenceFor } from "../sentence-for.ts";
import { localDay } from "../store/local-time.ts";

/**
 * A summary a person can show a clinician: the last 4, 8 or 12 weeks (from their first entry
 * when they started later), with their name at the top when they type one, printable from the page
 * (its print stylesheet leaves the app around it out) or as a PDF made on this device.
 */
export function Report({ log }: ScreenProps) {
  useTopOnShow();
  const { model } = log;
  const today = localDay(new Date());
  const [weeks, setWeeks] = useState<ReportWeeks>(8);
  const [includeNotes, setIncludeNotes] = useState(false);
  const [name, setName] = useState("");
  const [making, setMaking] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [status, setStatus] = useState("");
  const report = useMemo(
    () => clinicianReport(model, today, weeks, { includeNotes, name }),
    [model, today, weeks, includeNotes, name],
  );
  const summary = useMemo(() => reportDocument(report), [report]);

  const pdf = async () => {
    setProblem(undefined);
    setStatus("Making the PDF…");
    setMaking(true);
    try {
      // The PDF maker loads only when asked for: it is the largest piece of the app.
      const { documentPdf } = await import("@limber/core/report");
      const bytes = await documentPdf(summary);
      download(
        new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "application/pdf" }),
        `limber-summary-${report.from}-to-${report.to}.pdf`,
      );
      setStatus("The PDF is in your downloads.");
    } catch (error) {
      setStatus("");
      setProblem(`The PDF could not be made: ${sentenceFor(error)}`);
    } finally {
      setMaking(false);
    }
  };

  const record = async () => {
    setProblem(undefined);
    try {
      // The FHIR maker loads only when asked for, like the PDF's.
      const { healthRecord } = await import("@limber/core/fhir");
      const bundle = healthRecord(model, report, { made: new Date().toISOString() });
      download(
        new Blob([JSON.stringify(bundle, null, 2)], { type: "application/fhir+json" }),
        `limber-record-${report.from}-to-${report.to}.json`,
      );
      setStatus("The health record file (FHIR R4) is in your downloads.");
    } catch (error) {
      setStatus("");
      setProblem(`The health record could not be made: ${sentenceFor(error)}`);
    }
  };

  return (
    <main>
      <div class="no-print">
        <h1>Summary for a clinician</h1>
        <p>
          What you recorded, in one place, to show your doctor or physiotherapist. It stays on this
          device until you print or share it.
        </p>
        <Choice
          legend="How far back?"
          options={REPORT_WEEKS.map((w) => ({ value: w, label: `${w} weeks` }))}
          value={weeks}
          onChange={setWeeks}
        />
        <label class="check">
          <input
            type="checkbox"
            checked={includeNotes}
            onChange={(e) => setIncludeNotes(e.currentTarget.checked)}
          />
          <span>Include my notes</span>
        </label>
        <label for="report-name">Your name on the summary (optional)</label>
        <input
          id="report-name"
          type="text"
          maxLength={REPORT_NAME_MAX}
          autocomplete="name"
          aria-describedby="report-name-note"
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <p id="report-name-note" class="small muted">
          At the top of the summary and in the health record file. Limber does not keep it, on this
          device or on a server.
        </p>
        <div class="row-actions">
          <button class="primary" type="button" onClick={pdf} disabled={making}>
            {making ? "Making the PDF…" : "Download PDF"}
          </button>
          <button type="button" onClick={record}>
            Download for a health record
          </button>
          <button type="button" onClick={() => print()}>
            Print
          </button>
        </div>
        {problem && (
          <p class="notice" role="alert">
            {problem}
          </p>
        )}
        <p role="status" class="small muted">
          {status}
        </p>
      </div>
      <ReportView summary={summary} />
      <p class="no-print">
        <a href="#/progress">Back to Progress</a>
      </p>
    </main>
  );
}
