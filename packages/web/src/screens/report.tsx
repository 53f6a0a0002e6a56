import {
  type ClinicianReport,
  clinicianReport,
  REPORT_WEEKS,
  type ReportWeeks,
  RULES,
} from "@limber/core";
import { useMemo, useState } from "preact/hooks";
import { Choice } from "../components/choice.tsx";
import { useTopOnShow } from "../components/top.ts";
import type { ScreenProps } from "../progress/routes.tsx";
import { download, screenDay } from "../progress/words.ts";
import { localDay } from "../store/local-time.ts";

const oneDecimal = (value: number) => value.toFixed(1);

/**
 * A summary a person can show a clinician: the last 4, 8 or 12 weeks, printable from the page
 * (its print stylesheet leaves the app around it out) or as a PDF made on this device.
 */
export function Report({ log }: ScreenProps) {
  useTopOnShow();
  const { model } = log;
  const today = localDay(new Date());
  const [weeks, setWeeks] = useState<ReportWeeks>(8);
  const [includeNotes, setIncludeNotes] = useState(false);
  const [making, setMaking] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [status, setStatus] = useState("");
  const report = useMemo(
    () => clinicianReport(model, today, weeks, { includeNotes }),
    [model, today, weeks, includeNotes],
  );

  const pdf = async () => {
    setProblem(undefined);
    setStatus("Making the PDF…");
    setMaking(true);
    try {
      // The PDF maker loads only when asked for: it is the largest piece of the app.
      const { reportPdf } = await import("@limber/core/report");
      const bytes = await reportPdf(report);
      download(
        new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "application/pdf" }),
        `limber-summary-${report.from}-to-${report.to}.pdf`,
      );
      setStatus("The PDF is in your downloads.");
    } catch (error) {
      setStatus("");
      setProblem(
        `The PDF could not be made: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      setMaking(false);
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
        <div class="row-actions">
          <button class="primary" type="button" onClick={pdf} disabled={making}>
            {making ? "Making the PDF…" : "Download PDF"}
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
      <ReportBody report={report} />
      <p class="no-print">
        <a href="#/progress">Back to Progress</a>
      </p>
    </main>
  );
}

function ReportBody({ report }: { report: ClinicianReport }) {
  const painWeeks = report.pain.weeks;
  return (
    <article class="report" aria-labelledby="report-title">
      <h2 id="report-title">
        Limber summary: {screenDay(report.from, "long")} to {screenDay(report.to, "long")}
      </h2>
      <p class="small muted">
        Recorded by the person using Limber, a home hamstring-mobility routine for low back pain.
        Not a diagnosis. {RULES["R-HONEST"].text}
      </p>

      {report.caution && (
        <section>
          <h3>To discuss</h3>
          <p>{report.caution}</p>
        </section>
      )}

      <section>
        <h3>Practice</h3>
        <p>
          {report.practiceDays} practice days in {report.weeks} weeks; the goal was{" "}
          {report.weeklyGoal} a week.
        </p>
      </section>

      <section>
        <h3>Pain (0–10)</h3>
        <p>{report.pain.change?.text ?? "Not enough weeks with a pain rating to compare."}</p>
        <table>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              <th scope="col">Average pain</th>
              <th scope="col">Check-ins</th>
              <th scope="col">Practice days</th>
            </tr>
          </thead>
          <tbody>
            {painWeeks.map((w) => (
              <tr key={w.weekStart}>
                <th scope="row">{screenDay(w.weekStart)}</th>
                <td>{w.average === undefined ? "–" : oneDecimal(w.average)}</td>
                <td>{w.checkIns}</td>
                <td>{w.practiceDays}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section>
        <h3>Everyday activities (Patient-Specific Functional Scale)</h3>
        {report.function.goals.length === 0 ? (
          <p>None named.</p>
        ) : (
          <>
            {report.function.change && <p>{report.function.change.text}</p>}
            <ul>
              {report.function.goals.map((goal) => {
                const first = goal.ratings[0];
                const last = goal.ratings.at(-1);
                return (
                  <li key={goal.goalId}>
                    {goal.activity}:{" "}
                    {first && last
                      ? first === last
                        ? `${last.rating} of 10 (${screenDay(last.day)})`
                        : `${first.rating} (${screenDay(first.day)}) to ${last.rating} of 10 (${screenDay(last.day)})`
                      : "not rated"}
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </section>

      <section>
        <h3>Active knee extension (degrees short of straight)</h3>
        {report.range.sides.length === 0 ? (
          <p>Not measured.</p>
        ) : (
          <ul>
            {report.range.sides.map((side) => {
              const last = side.measurements.at(-1);
              return (
                <li key={side.side}>
                  {side.change?.text ??
                    `${side.side === "left" ? "Left" : "Right"}: ${Math.round(last?.deficitDegrees ?? 0)}° (${last ? screenDay(last.day) : ""}).`}
                  {side.limited ? " Latest over 20°: limited." : ""}
                </li>
              );
            })}
          </ul>
        )}
        {report.range.sitAndReach.length > 0 && (
          <p>
            Sit-and-reach, latest: {report.range.sitAndReach.at(-1)?.cm} cm (
            {screenDay(report.range.sitAndReach.at(-1)?.day ?? report.to)}).
          </p>
        )}
      </section>

      <section>
        <h3>Warning signs reported</h3>
        {report.warningSigns.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul>
            {report.warningSigns.map((w) => (
              <li key={w.day}>
                {screenDay(w.day)} ({w.tier === "emergency" ? "emergency" : "see a clinician"}):{" "}
                {w.signs.join("; ")}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section>
        <h3>Sessions followed by a pain rise of 2 points or more</h3>
        <p>
          {report.spikes.length === 0
            ? "None."
            : report.spikes.map((day) => screenDay(day)).join(", ")}
        </p>
        <p>
          Exercises softened during a session:{" "}
          {report.softened.length === 0 ? "none" : `${report.softened.length} times`}.
        </p>
      </section>

      {report.levels.length > 0 && (
        <section>
          <h3>Where each exercise stands</h3>
          <ul>
            {report.levels.map((level) => (
              <li key={level.exercise}>
                {level.name}: {level.variant} (step {level.step})
              </li>
            ))}
          </ul>
        </section>
      )}

      {report.context.length > 0 && (
        <section>
          <h3>Context (days counted together, not causes)</h3>
          <ul>
            {report.context.map((row) => (
              <li key={`${row.factor}-${row.value}`}>{row.text}</li>
            ))}
          </ul>
        </section>
      )}

      {report.notes && (
        <section>
          <h3>Notes</h3>
          {report.notes.length === 0 ? (
            <p>None in this period.</p>
          ) : (
            <ul>
              {report.notes.map((note) => (
                <li key={note.id}>
                  {screenDay(note.day)}: {note.text}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </article>
  );
}
