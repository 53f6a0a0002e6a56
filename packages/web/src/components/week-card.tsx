import {
  creditWords,
  PRACTICE_DAY_MEANING,
  type ReadModel,
  WEEKDAY_NAMES,
  type WeekDay,
  weekdayOf,
  weekStartOf,
  weekSummary,
} from "@limber/core";
import { useState } from "preact/hooks";
import { sentenceFor } from "../sentence-for.ts";
import type { Append } from "../store/use-log.ts";

const WALK_MINUTES = [10, 20, 30] as const;
const STRENGTH_MINUTES = 20;
const KEY = [
  ["done", creditWords(1)],
  ["half", creditWords(0.5)],
  ["recovery", "planned recovery"],
] as const;

/** What each day of the week looks like, in words a screen reader says. */
function dayWords(day: WeekDay): string {
  if (day.future) return "still to come";
  const parts: string[] = [];
  if (day.credit > 0) parts.push(creditWords(day.credit));
  if (day.recovery) parts.push("a planned recovery day");
  if (day.walkMinutes > 0) parts.push(`walked ${day.walkMinutes} min`);
  if (day.strength) parts.push("strength");
  return parts.length > 0 ? parts.join(", ") : "no practice logged";
}

function dayMark(day: WeekDay): string {
  if (day.practised) return "done";
  if (day.credit > 0) return "half";
  if (day.recovery) return "recovery";
  return day.future ? "future" : "open";
}

/**
 * This week at a glance (R-CONSISTENCY, R-PAIR, R-RECOVERY): practice days against the weekly
 * goal, walking minutes and strength days beside the guidelines' amounts, and recovery days as
 * part of the plan. A walk or strength work is logged in one tap, and can be undone.
 */
export function WeekCard({
  model,
  today,
  append,
}: {
  model: ReadModel;
  today: string;
  append: Append;
}) {
  const week = weekSummary(model, weekStartOf(today), today);
  const [logged, setLogged] = useState<{ id: string; text: string }>();
  const [problem, setProblem] = useState<string>();

  const log = async (kind: "walk" | "strength", minutes: number) => {
    setProblem(undefined);
    try {
      const event = await append("activity", { kind, minutes });
      setLogged({
        id: event.id,
        text:
          kind === "walk"
            ? `Walk logged: ${minutes} minutes.`
            : `Strength work logged: ${minutes} minutes.`,
      });
    } catch (error) {
      setProblem(sentenceFor(error));
    }
  };
  const undo = async () => {
    if (!logged) return;
    await append("retract", { target: logged.id, reason: "undone right after logging" });
    setLogged(undefined);
  };

  return (
    <section class="card week" aria-labelledby="week-title">
      <h2 id="week-title">This week</h2>
      <ol class="week-days">
        {week.days.map((day) => (
          <li key={day.day} class={`week-day ${dayMark(day)}${day.day === today ? " today" : ""}`}>
            <span aria-hidden="true" class="week-dot" />
            <span class="week-letter">
              {WEEKDAY_NAMES[weekdayOf(day.day)].short}
              <span class="visually-hidden">: {dayWords(day)}</span>
            </span>
          </li>
        ))}
      </ol>
      <p class="week-key muted small" aria-hidden="true">
        {KEY.map(([mark, words]) => (
          <span class="week-key-item" key={mark}>
            <span class={`week-day ${mark}`}>
              <span class="week-dot" />
            </span>
            {words}
          </span>
        ))}
      </p>
      <dl class="week-figures">
        <div>
          <dt>Practice days</dt>
          <dd>
            {week.practiceDays} of {week.goal}
          </dd>
        </div>
        <div>
          <dt>Walking</dt>
          <dd>
            {week.walkMinutes} of {week.guideline.walkMinutes} min
          </dd>
        </div>
        <div>
          <dt>Strength days</dt>
          <dd>
            {week.strengthDays} of {week.guideline.strengthDays}
          </dd>
        </div>
      </dl>
      {week.recoveryDays > 0 && (
        <p class="muted small">
          {week.recoveryDays === 1
            ? "One day was planned lighter for recovery: that is part of the plan."
            : `${week.recoveryDays} days were planned lighter for recovery: that is part of the plan.`}
        </p>
      )}
      <p class="muted small">
        {PRACTICE_DAY_MEANING}. Any walk counts, however short. The guidelines suggest about 150
        minutes a week and two strength days.
      </p>
      <fieldset class="walk-log">
        <legend>Log a walk</legend>
        <div class="choices compact">
          {WALK_MINUTES.map((minutes) => (
            <button type="button" key={minutes} onClick={() => log("walk", minutes)}>
              {minutes} min
            </button>
          ))}
        </div>
      </fieldset>
      <p>
        <button type="button" onClick={() => log("strength", STRENGTH_MINUTES)}>
          Log strength work ({STRENGTH_MINUTES} min)
        </button>
      </p>
      <div role="status">
        {logged && (
          <p>
            {logged.text}{" "}
            <button type="button" class="link" onClick={undo}>
              Undo
            </button>
          </p>
        )}
      </div>
      {problem && (
        <p class="notice" role="alert">
          Not saved: {problem}
        </p>
      )}
    </section>
  );
}
