import { addDays, type LimberState, practiceDays } from "@limber/core";
import { useTopOnShow } from "../components/top.ts";
import { localDay } from "../store/local-time.ts";

const BACK_WORD = { calm: "calm", okay: "okay", grumpy: "grumpy" } as const;
const FEEL_WORD = {
  comfortable: "comfortable",
  "a-bit-much": "a bit much",
  "too-much": "too much",
} as const;

/** The last weeks, day by day: how the back felt, what was done, how it felt. No streaks. */
export function History({ state }: { state: LimberState }) {
  useTopOnShow();
  const today = localDay(new Date());
  const weekStart = addDays(today, -6);
  const practised = practiceDays(state, weekStart, today).length;
  const days = [...new Set([...state.checkIns, ...state.sessions].map((e) => e.day))]
    .sort()
    .reverse()
    .slice(0, 28);
  const format = new Intl.DateTimeFormat(undefined, {
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone: "UTC",
  });
  return (
    <main>
      <h1>History</h1>
      <p>
        Practice on {practised} of the last 7 days; your goal is {state.settings.weeklyDays} a week.
      </p>
      {days.length === 0 && (
        <p class="muted">Nothing yet. Your days will appear here after your first check-in.</p>
      )}
      <ol class="blocks">
        {days.map((day) => {
          const checkIn = state.checkIns.findLast((c) => c.day === day);
          const sessions = state.sessions.filter((s) => s.day === day);
          return (
            <li class="card" key={day}>
              <h2 style={{ margin: 0, fontSize: "1.05rem" }}>
                {format.format(new Date(`${day}T12:00:00Z`))}
              </h2>
              {checkIn && (
                <p>
                  Back {BACK_WORD[checkIn.data.back]}
                  {checkIn.data.pain !== undefined && `, pain ${checkIn.data.pain} of 10`}
                </p>
              )}
              {sessions.map((s) => (
                <p key={s.id}>
                  {s.data.kind
                    ? `${s.data.kind === "standard" ? "Session" : `A ${s.data.kind} session`}`
                    : "Session"}
                  : {s.data.blocks.filter((b) => !b.skipped).length} of {s.data.blocks.length}{" "}
                  exercises, felt {FEEL_WORD[s.data.feel]}
                  {s.data.note && <span class="muted"> · “{s.data.note}”</span>}
                </p>
              ))}
              {sessions.length === 0 && <p class="muted">No session</p>}
            </li>
          );
        })}
      </ol>
    </main>
  );
}
