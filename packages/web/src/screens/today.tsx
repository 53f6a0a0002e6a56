import { creditByDay, creditWords, type ReadModel, signQuestion } from "@limber/core";
import { useState } from "preact/hooks";
import { DeskSnackCard } from "../components/desk-snack-card.tsx";
import { KeepACopyPrompt } from "../components/keep-a-copy.tsx";
import { lazyComponent } from "../components/lazy.tsx";
import { ProgrammeLine } from "../components/programme-line.tsx";
import { useTopOnShow } from "../components/top.ts";
import { ResumeSlot } from "../player/resume-slot.tsx";
import { go } from "../route.ts";
import { localDay } from "../store/local-time.ts";
import type { Append } from "../store/use-log.ts";
import { CheckInForm, type SignsAsked } from "./check-in.tsx";
import { EmergencyDay, EmergencyScreen } from "./emergency.tsx";
import { PlanView } from "./plan-view.tsx";
import { SeeClinician } from "./see-clinician.tsx";

// The week and the weekly rating prompt load after the check-in's screen, keeping the first
// screen's download small.
const WeekCard = lazyComponent(
  () => import("../components/week-card.tsx").then((m) => m.WeekCard),
  () => null,
);
const GoalRatingPrompt = lazyComponent(
  () => import("../progress/goal-prompt.tsx").then((m) => m.GoalRatingPrompt),
  () => null,
);

function greeting(now: Date): string {
  const hour = now.getHours();
  if (hour < 12) return "Good morning";
  if (hour < 18) return "Good afternoon";
  return "Good evening";
}

/** What first run answered about the warning signs, and on which day. */
export interface FirstRunSigns {
  day: string;
  signs: NonNullable<SignsAsked["atFirstRun"]>;
}

/** Today: the check-in, then what triage allows: the emergency screen, a pause, or the plan. */
export function Today({
  model,
  append,
  firstRun,
  synced,
}: {
  model: ReadModel;
  append: Append;
  /** First run's answer to the warning signs: it counts for that day's first check-in. */
  firstRun?: FirstRunSigns;
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
    const asked: SignsAsked = {
      question: signQuestion(state, today),
      ...(!seen && firstRun?.day === today ? { atFirstRun: firstRun.signs } : {}),
    };
    return (
      <main>
        <CheckInForm
          key={asked.atFirstRun ?? "asked-today"}
          greeting={greeting(now)}
          asked={asked}
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

  // The one credit rule (R-TIME), in the words This week and History use too.
  const credit = creditByDay(state, today, today).get(today) ?? 0;
  const start = () => go("player");
  return (
    <main>
      {credit > 0 && (
        <p class="card" role="status">
          Today is {creditWords(credit)}
          {credit >= 1
            ? ". That counts. Another round is optional."
            : " so far: one more short session makes it a full one."}
        </p>
      )}
      <ResumeSlot plan={plan} today={today} />
      {plan.tier === "see-clinician" ? (
        <SeeClinician
          plan={plan}
          onStart={start}
          onCleared={async () => {
            // The clearance names the signs it answers (R-TRIAGE-FOLLOW-UP), and the read model
            // plans the day again from it: no second check-in.
            const { signs } = seen.triage;
            await append("clearance", signs.length > 0 ? { signs } : {});
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
