import type { Plan } from "@limber/core";
import { useState } from "preact/hooks";
import { PlanView } from "./plan-view.tsx";

const PAUSED_BY: readonly string[] = ["R-TRIAGE-FOLLOW-UP", "R-TRIAGE-B", "R-TRIAGE-REST"];

/**
 * R-TRIAGE-B, R-TRIAGE-FOLLOW-UP: stretching pauses until a clinician has had a look. Who to see and why come
 * first; gentle breathing and an easy walk stay available; a clearance resumes the programme.
 */
export function SeeClinician({
  plan,
  onStart,
  onCleared,
}: {
  plan: Plan;
  onStart: () => void;
  onCleared: () => Promise<void>;
}) {
  const [confirming, setConfirming] = useState(false);
  const [saving, setSaving] = useState(false);
  // Why the day is paused: an earlier emergency not yet followed up, a sign to be seen about,
  // and, with fever or infection, rest.
  const why = plan.reasons.filter((r) => PAUSED_BY.includes(r.rule));
  return (
    <>
      <section aria-labelledby="clinician-title">
        <h1 id="clinician-title">Please check with a clinician first</h1>
        {why.map((r) => (
          <p key={r.text}>{r.text}</p>
        ))}
        <p>Most back trouble is not serious; a check makes sure this is not the exception.</p>
        {confirming ? (
          <div class="card">
            <p>Has a clinician seen you about this and said you can practise?</p>
            <div class="choices">
              <button
                type="button"
                class="primary"
                disabled={saving}
                onClick={async () => {
                  setSaving(true);
                  await onCleared();
                }}
              >
                Yes, I have been cleared
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                Not yet
              </button>
            </div>
          </div>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            A clinician has cleared me to practise
          </button>
        )}
      </section>
      <PlanView plan={plan} onStart={onStart} secondary />
    </>
  );
}
