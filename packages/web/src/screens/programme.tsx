import {
  codeOf,
  dayLabel,
  decodeProgramme,
  type Programme,
  prescriberText,
  programmeLines,
  programmeOn,
  type ReadModel,
} from "@limber/core";
import { useEffect, useState } from "preact/hooks";
import { useTopOnShow } from "../components/top.ts";
import { go } from "../route.ts";
import { sentenceFor } from "../sentence-for.ts";
import { localDay } from "../store/local-time.ts";
import type { Append } from "../store/use-log.ts";

/** Where the person's app stands with a programme a link carries. */
type Standing = "new" | "update" | "same" | "older";

function standing(current: Programme | undefined, offered: Programme): Standing {
  if (!current || current.programmeId !== offered.programmeId) return "new";
  if (offered.revision > current.revision) return "update";
  return offered.revision === current.revision ? "same" : "older";
}

/**
 * A programme's link opened on the person's device: who prescribed what, in plain words, and
 * nothing recorded until "Use this programme". A link that is broken or was changed gets one
 * sentence and records nothing. Without a link: the programme followed now, and a way to stop.
 */
export function ProgrammeScreen({ model, append }: { model: ReadModel; append: Append }) {
  useTopOnShow();
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const onChange = () => setHash(location.hash);
    addEventListener("hashchange", onChange);
    return () => removeEventListener("hashchange", onChange);
  }, []);
  const today = localDay(new Date());
  const current = programmeOn(model.state, today);
  const code = codeOf(hash);
  const [used, setUsed] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [stopping, setStopping] = useState(false);

  if (code === undefined) {
    if (!current) {
      return (
        <main>
          <h1>Your programme</h1>
          <p>
            You follow no programme from a clinician. If one gives you a link or a QR code, open it
            on this device to see it.
          </p>
          <p>
            <a href="#/">Back to Today</a>
          </p>
        </main>
      );
    }
    const stop = async () => {
      try {
        const revisions = model.state.programmes.filter(
          (p) => p.data.programmeId === current.data.programmeId,
        );
        for (const revision of revisions) {
          await append("retract", {
            target: revision.id,
            reason: "stopped following the programme",
          });
        }
        go("today");
      } catch (error) {
        setProblem(`The programme could not be stopped: ${sentenceFor(error)}`);
      }
    };
    return (
      <main>
        <h1>Your programme</h1>
        <ProgrammeWords programme={current.data} />
        <p class="small muted">You chose it on {dayLabel(current.day, "date")}.</p>
        {stopping ? (
          <div class="card">
            <p>Stop following it? Limber then plans your sessions on its own again.</p>
            <div class="row-actions">
              <button type="button" class="danger" onClick={stop}>
                Stop following it
              </button>
              <button type="button" onClick={() => setStopping(false)}>
                Keep it
              </button>
            </div>
          </div>
        ) : (
          <p>
            <button type="button" onClick={() => setStopping(true)}>
              Stop following this programme
            </button>
          </p>
        )}
        {problem && (
          <p class="notice" role="alert">
            {problem}
          </p>
        )}
      </main>
    );
  }

  const decoded = decodeProgramme(code);
  if (!decoded.ok) {
    return (
      <main>
        <h1>A programme link</h1>
        <p class="notice" role="alert">
          {decoded.problem}
        </p>
        <p>
          <a href="#/">Back to Today</a>
        </p>
      </main>
    );
  }
  const offered = decoded.programme;
  const where = standing(current?.data, offered);
  const checkedIn = model.days.has(today);
  const use = async () => {
    setProblem(undefined);
    try {
      await append("programme", offered);
      setUsed(true);
    } catch (error) {
      setProblem(`The programme could not be saved: ${sentenceFor(error)}`);
    }
  };

  return (
    <main>
      <h1>
        {where === "update"
          ? "An update to your programme"
          : `A programme from ${offered.prescriber.name}`}
      </h1>
      {where === "update" && (
        <p class="card">
          {offered.prescriber.name} changed the programme you follow: this is revision{" "}
          {offered.revision}
          {current ? `, after revision ${current.data.revision}` : ""}.
        </p>
      )}
      <ProgrammeWords programme={offered} />
      <p>
        Limber's safety rules still decide each day. Warning signs pause practice, and on a grumpy
        day, with leg symptoms or after a pain spike, a step is gentler than the programme asks, or
        left out, and says why.
      </p>
      {used ? (
        <div class="card" role="status">
          <p>
            You now follow this programme.{" "}
            {checkedIn
              ? "Check in again on Today to plan today with it."
              : "Your next check-in plans today with it."}
          </p>
          <p>
            <a class="button primary" href="#/">
              Go to Today
            </a>
          </p>
        </div>
      ) : where === "same" ? (
        <p class="card">You already follow this programme.</p>
      ) : where === "older" ? (
        <p class="card">
          This link is an older version of the programme you follow (revision {offered.revision});
          you keep revision {current?.data.revision}.
        </p>
      ) : (
        <div class="row-actions">
          <button type="button" class="primary" onClick={use}>
            Use this programme
          </button>
          <a class="button" href="#/">
            Not now
          </a>
        </div>
      )}
      {problem && (
        <p class="notice" role="alert">
          {problem}
        </p>
      )}
    </main>
  );
}

/** Who prescribed what, in plain words. */
function ProgrammeWords({ programme }: { programme: Programme }) {
  return (
    <section class="card" aria-label="The programme">
      <p>
        From {prescriberText(programme)}, on {dayLabel(programme.prescribedOn, "date")}.
      </p>
      <ul>
        {programmeLines(programme).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {programme.note && (
        <p>
          <strong>Note from {programme.prescriber.name}:</strong> {programme.note}
        </p>
      )}
    </section>
  );
}
