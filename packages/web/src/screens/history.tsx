import {
  addDays,
  type CalendarDay,
  creditWords,
  PRACTICE_DAY_MEANING,
  periodStart,
  practiceCalendar,
  type ReadModel,
  WEEKDAY_NAMES,
  weekdayOf,
} from "@limber/core";
import { useMemo, useState } from "preact/hooks";
import { useTopOnShow } from "../components/top.ts";
import { BACK_WORD, FEEL_WORD, PLAN_WORD, screenDay } from "../progress/words.ts";
import { localDay } from "../store/local-time.ts";

const WEEKS = 8;

const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** The day and what it held, in words a screen reader says for the day's button. */
function daySummary(day: CalendarDay): string {
  const parts: string[] = [];
  parts.push(creditWords(day.credit));
  if (day.back) parts.push(`back ${BACK_WORD[day.back]}`);
  if (day.pain !== undefined) parts.push(`pain ${day.pain} of 10`);
  if (day.feel) parts.push(`felt ${FEEL_WORD[day.feel]}`);
  if (day.notes.length > 0)
    parts.push(day.notes.length === 1 ? "a note" : `${day.notes.length} notes`);
  return `${screenDay(day.day, "long")}: ${parts.join(", ")}`;
}

/**
 * The last eight weeks (or fewer, from the person's first entry) as a calendar of practice days against the weekly goal (R-CONSISTENCY):
 * days a week, never a streak, and a day without practice is just a day. A day opens to show
 * its check-in, its plan and how the session felt.
 */
export function History({ model }: { model: ReadModel }) {
  useTopOnShow();
  const { state } = model;
  const today = localDay(new Date());
  // Eight weeks at most, and none before the person's first entry.
  const from = periodStart(model, addDays(today, -(WEEKS * 7 - 1)));
  const weeks = useMemo(() => practiceCalendar(model, from, today).reverse(), [model, from, today]);
  const [open, setOpen] = useState<string>();
  const chosen = weeks.flatMap((w) => w.days).find((d) => d.day === open);
  const anything = weeks.some((w) => w.days.some((d) => d.back || d.credit > 0 || d.notes.length));

  return (
    <main>
      <h1>History</h1>
      <p>
        Your goal is {state.settings.weeklyDays} practice{" "}
        {state.settings.weeklyDays === 1 ? "day" : "days"} a week. Any day can be one of them, and a
        day off is just a day off.
      </p>
      {!anything && (
        <p class="muted">Nothing yet. Your days will appear here after your first check-in.</p>
      )}
      <p class="calendar-legend small" aria-hidden="true">
        <span class="mark practised" /> {creditWords(1)} <span class="mark half" />{" "}
        {creditWords(0.5)} <span class="mark checked" /> checked in
      </p>
      <p class="small muted">{PRACTICE_DAY_MEANING}.</p>
      {chosen && <DayDetail day={chosen} onClose={() => setOpen(undefined)} />}
      <ol class="calendar">
        {weeks.map((week) => {
          const padding = 7 - week.days.length;
          const first = week.days[0]?.day ?? week.weekStart;
          const leading = first > week.weekStart ? padding : 0;
          return (
            <li key={week.weekStart} class="calendar-week">
              <h2 class="week-head">
                <span>Week of {screenDay(week.weekStart)}</span>
                <span class="week-count">
                  {week.practiceDays} of {week.goal} practice days
                </span>
              </h2>
              <ol class="week-days">
                {Array.from({ length: leading }, (_, i) => (
                  <li key={`before-${i}`} class="day-cell empty" aria-hidden="true" />
                ))}
                {week.days.map((day) => {
                  const kind = day.practised
                    ? "practised"
                    : day.credit > 0
                      ? "half"
                      : day.back
                        ? "checked"
                        : "none";
                  return (
                    <li key={day.day} class="day-cell">
                      <button
                        type="button"
                        class={`day ${kind}${day.day === today ? " today" : ""}`}
                        aria-expanded={open === day.day}
                        aria-controls={open === day.day ? "day-detail" : undefined}
                        onClick={() => setOpen(open === day.day ? undefined : day.day)}
                      >
                        <span class="weekday" aria-hidden="true">
                          {WEEKDAY_NAMES[weekdayOf(day.day)].short}
                        </span>
                        <span class="date" aria-hidden="true">
                          {screenDay(day.day, "number")}
                        </span>
                        <span class="visually-hidden">{daySummary(day)}</span>
                        <span class={`mark ${kind}`} aria-hidden="true" />
                      </button>
                    </li>
                  );
                })}
                {week.days.length + leading < 7 &&
                  Array.from({ length: 7 - week.days.length - leading }, (_, i) => (
                    <li key={`after-${i}`} class="day-cell empty" aria-hidden="true" />
                  ))}
              </ol>
            </li>
          );
        })}
      </ol>
    </main>
  );
}

function DayDetail({ day, onClose }: { day: CalendarDay; onClose: () => void }) {
  return (
    <section
      id="day-detail"
      class="card day-detail"
      aria-labelledby="day-detail-title"
      aria-live="polite"
    >
      <h2 id="day-detail-title">{screenDay(day.day, "long")}</h2>
      {day.back ? (
        <p>
          Back {BACK_WORD[day.back]}
          {day.pain !== undefined && `, pain ${day.pain} of 10`}.
        </p>
      ) : (
        <p class="muted">No check-in.</p>
      )}
      {day.planKind && <p>The plan offered {PLAN_WORD[day.planKind]}.</p>}
      <p class={day.credit > 0 ? undefined : "muted"}>
        {capitalised(creditWords(day.credit))}
        {day.credit > 0 && day.feel && `; it felt ${FEEL_WORD[day.feel]}`}.
      </p>
      {day.notes.length > 0 && (
        <ul class="day-notes">
          {day.notes.map((note) => (
            <li key={note}>“{note}”</li>
          ))}
        </ul>
      )}
      <button type="button" onClick={onClose}>
        Close
      </button>
    </section>
  );
}
