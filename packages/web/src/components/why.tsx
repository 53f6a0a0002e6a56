import { type Reason, SOURCE_LABELS, type SourceId } from "@limber/core";

/**
 * The reasons behind a decision: the rule's sentence in plain words, then its sources, each
 * linking to Sources, and the lesson that explains it ("Read the lesson"). Rule ids stay out of the person's
 * sentences; they are for clinicians (the clinician summary, the CLI).
 */
export function Why({ reasons, summary = "Why?" }: { reasons: Reason[]; summary?: string }) {
  if (reasons.length === 0) return null;
  return (
    <details>
      <summary>{summary}</summary>
      <div class="why">
        {reasons.map((r) => (
          <p key={`${r.rule}:${r.text}`}>
            {r.text}
            {r.sources.length > 0 && <SourceLinks sources={r.sources} />}{" "}
            <a class="small" href={`#/learn?rule=${r.rule}`}>
              Read the lesson
            </a>
          </p>
        ))}
      </div>
    </details>
  );
}

function SourceLinks({ sources }: { sources: SourceId[] }) {
  return (
    <span class="small muted">
      {" "}
      Sources:{" "}
      {sources.map((id, i) => (
        <span key={id}>
          {i > 0 && ", "}
          {/* The full citation is one tap away; it stays out of the first screen's download. */}
          <a href={`#/sources?id=${id}`}>{SOURCE_LABELS[id]}</a>
        </span>
      ))}
    </span>
  );
}
