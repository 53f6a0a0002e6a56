import {
  type CheckIn,
  checkedInDay,
  checkInOn,
  type LimberEvent,
  type LimberState,
  planSession,
} from "@limber/core";
import { useState } from "preact/hooks";
import { DeskSnackCard } from "../components/desk-snack-card.tsx";
import { KeepACopyPrompt } from "../components/keep-a-copy.tsx";
import { useTopOnShow } from "../components/top.ts";
import { WeekCard } from "../components/week-card.tsx";
import { GoalRatingPrompt } from "../progress/goal-prompt.tsx";
import { go } from "../route.ts";
import { localDay } from "../store/local-time.ts";
import type { Append } from "../store/use-log.ts";
import { CheckInForm } from "./check-in.tsx";
import { EmergencyDay, EmergencyScreen } from "./emergency.tsx";
import { PlanView } from "./plan-view.tsx";
import { SeeClinician } from "./see-clinician.tsx";

/** The check-in the day is planned from; a withdrawn emergency answer still counts (R-TRIAGE-NO-BYPASS). */
export function todaysCheckIn(
  events: LimberEvent[],
  state: LimberState,
  today: string,
): CheckIn | undefined {
  return checkInOn(state, today)?.data ?? checkedInDay(events, today)?.checkIn;
}

function greeting(now: Date): string {
  const hour = now.getHours();
  if (hour < 12) return "Good morning";
  if (hour < 18) return "Good afternoon";
  return "Good evening";
}

/** Today: the check-in, then what triage allows: the emergency screen, a pause, or the plan. */
export function Today({
  events,
  state,
  append,
  checkSignsFirst,
  synced,
}: {
  events: LimberEvent[];
  state: LimberState;
  append: Append;
  checkSignsFirst: boolean;
  /** The log syncs with an account (or may: the account is still being checked). */
  synced: boolean;
}) {
  const now = new Date();
  const today = localDay(now);
  const [checkingIn, setCheckingIn] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const checkIn = todaysCheckIn(events, state, today);
  useTopOnShow(checkIn === undefined || checkingIn);

  if (!checkIn || checkingIn) {
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

  const plan = planSession(state, checkIn, today);
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
      <DeskSnackCard plan={plan} state={state} today={today} />
      <WeekCard events={events} state={state} today={today} append={append} />
      <p>
        <button type="button" onClick={() => setCheckingIn(true)}>
          Check in again
        </button>
      </p>
      <GoalRatingPrompt state={state} today={today} />
      <KeepACopyPrompt events={events} synced={synced} />
    </main>
  );
}
