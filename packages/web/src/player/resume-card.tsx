import { clockTime, deskSnack, type Plan } from "@limber/core";
import { useState } from "preact/hooks";
import { ConfirmDialog } from "../components/confirm-dialog.tsx";
import { DESK_SNACK_HASH } from "../route.ts";
import { pageNow, restoreSessionClock } from "./clock.ts";
import { clearSession, loadSession, savedSession } from "./persisted-session.ts";
import { buildTimeline, positionAt } from "./timeline.ts";

/**
 * A session left unfinished today (Back, a reload, a closed tab): where it stands, Resume, and
 * Discard, which asks first. A finished session is never here: Finish clears what is saved.
 */
export function ResumeCard({ plan, today }: { plan: Plan; today: string }) {
  const [discarding, setDiscarding] = useState(false);
  const [discarded, setDiscarded] = useState(false);
  const saved = savedSession();
  const planned = saved?.snack ? deskSnack(plan) : plan;
  const session = !discarded && planned ? loadSession(today, planned, pageNow()) : undefined;
  if (!session) return null;
  const timeline = buildTimeline(session.blocks);
  const position = positionAt(timeline, restoreSessionClock(session.clock).elapsedMs());
  const step = timeline.steps[position.stepIndex];
  const what = session.snack ? "desk snack" : "session";
  return (
    <section class="card resume-card" aria-labelledby="resume-title">
      <h2 id="resume-title">Your {what} is waiting</h2>
      <p>
        {step?.name ?? "The first exercise"}: {(step?.blockIndex ?? 0) + 1} of{" "}
        {session.blocks.length}, {clockTime(Math.ceil(position.sessionLeftMs / 1000))} left.
      </p>
      <div class="resume-actions">
        <a class="button primary" href={session.snack ? DESK_SNACK_HASH : "#/player"}>
          Resume
        </a>
        <button type="button" onClick={() => setDiscarding(true)}>
          Discard
        </button>
      </div>
      {discarding && (
        <ConfirmDialog
          title={`Discard this ${what}?`}
          choices={[
            {
              label: "Discard",
              danger: true,
              choose: async () => {
                clearSession();
                setDiscarded(true);
              },
            },
          ]}
          onCancel={() => setDiscarding(false)}
        >
          <p>
            What you did in it is not recorded. To keep it, resume it and press Finish: what you
            have done so far is saved.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
