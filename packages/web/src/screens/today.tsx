import type { ReadModel } from "@limber/core";
import { useState } from "preact/hooks";
import { DeskSnackCard } from "../components/desk-snack-card.tsx";
import { KeepACopyPrompt } from "../components/keep-a-copy.tsx";
import { ProgrammeLine } from "../components/programme-line.tsx";
import { useTopOnShow } from "../components/top.ts";
import { WeekCard } from "../components/week-card.tsx";
import { ResumeSlot } from "../player/resume-slot.tsx";
import { GoalRatingPrompt } from "../progress/goal-prompt.tsx";
import { go } from "../route.ts";
import { localDay } from "../store/local-time.ts";
import type { Append } from "../store/use-log.ts";
import { CheckInForm } from "./check-in.tsx";
import { EmergencyDay, EmergencyScreen } from "./emergency.tsx";
import { PlanView } from "./plan-view.tsx";
import { SeeClinician } from "./see-clinician.tsx";

function greeting(now: Date): string {
  const hour = now.getHours();
  if (hour < 12) return "Good morning";
  if (hour < 18) return "Good afternoon";
  return "Good evening";
}

/** Today: the check-in, then what triage allows: the emergency screen, a pause, or the plan. */
export function Today({
  model,
  append,
  checkSignsFirst,
  synced,
}: {
  model: ReadModel;
  append: Append;
  checkSignsFirst: boolean;
  /** The log syncs with an account (or may: the account is still being checked). */
  synced: boolean;
}) {
  const now = new Date();
  const today = localDay(now);
  const [checkingIn, setCheckingIn] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const { state } = model;
  // The day as it was seen at its check-in: a withdrawn emergency answer still speaks for it.
  const seen = model.days.get(today);
  useTopOnShow(seen === undefined || checkingIn);

  if (!seen || checkingIn) {
    return (
      <main>
        <CheckInForm
          greeting={greeting(now)}
          expandSigns={checkSignsFirst}
          onSubmit={async (answer) => {
            await append("checkin", answer);
            setCheckingIn(false);
          }}
        />
      </main>
    );
  }

  const { plan } = seen;
  if (plan.tier === "emergency") {
    return understood ? (
      <EmergencyDay onReread={() => setUnderstood(false)} />
    ) : (
      <EmergencyScreen plan={plan} onUnderstood={() => setUnderstood(true)} />
    );
  }

  const doneToday = state.sessions.filter((s) => s.day === today).length;
  const start = () => go("player");
  return (
    <main>
      {doneToday > 0 && (
        <p class="card" role="status">
          {doneToday === 1
            ? "You have practised today."
            : `You have practised ${doneToday} times today.`}{" "}
          That counts. Another round is optional.
        </p>
      )}
      <ResumeSlot plan={plan} today={today} />
      {plan.tier === "see-clinician" ? (
        <SeeClinician
          plan={plan}
          onStart={start}
          onCleared={async () => {
            await append("clearance", {});
            setCheckingIn(true);
          }}
        />
      ) : (
        <PlanView plan={plan} onStart={start} />
      )}
      <ProgrammeLine state={state} today={today} />
      <DeskSnackCard plan={plan} state={state} today={today} />
      <WeekCard model={model} today={today} append={append} />
      <p>
        <button type="button" onClick={() => setCheckingIn(true)}>
          Check in again
        </button>
      </p>
      <GoalRatingPrompt state={state} today={today} />
      <KeepACopyPrompt model={model} synced={synced} />
    </main>
  );
}
