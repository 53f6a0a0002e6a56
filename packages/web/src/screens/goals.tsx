import { activeGoals, canAddGoal, functionProgress, goalData, MAX_GOALS } from "@limber/core";
import { useState } from "preact/hooks";
import { Choice } from "../components/choice.tsx";
import { SaveStatus, useSaveState } from "../components/save-state.tsx";
import { useTopOnShow } from "../components/top.ts";
import type { ScreenProps } from "../progress/routes.tsx";
import { screenDay } from "../progress/words.ts";
import { localDay } from "../store/local-time.ts";

const SCALE = Array.from({ length: 11 }, (_, n) => ({ value: n, label: String(n) }));

/** A goal id: letters, digits and dashes, unique enough on one person's devices. */
const newGoalId = () => crypto.randomUUID();

/**
 * Function goals, the Patient-Specific Functional Scale (ABBOTT14): up to three everyday
 * activities, each rated 0–10 once a week; a rise of about 2 points is one that matters.
 */
export function Goals({ log }: ScreenProps) {
  useTopOnShow();
  const { state, append } = log;
  const today = localDay(new Date());
  const goals = activeGoals(state, today);
  const progress = functionProgress(state, today);
  const [activity, setActivity] = useState("");
  const [ratings, setRatings] = useState<Record<string, number>>({});
  const saving = useSaveState();
  const { run, refuse } = saving;
  const ratedToday = progress.scores.at(-1)?.day === today;

  const add = (event: Event) => {
    event.preventDefault();
    const parsed = goalData.safeParse({ goalId: newGoalId(), activity });
    if (!parsed.success) {
      refuse("Name the activity in a few words (up to 120 characters).");
      return;
    }
    run(async () => {
      await append("goal", parsed.data);
      setActivity("");
      return `Added “${parsed.data.activity}”.`;
    });
  };

  const rate = (event: Event) => {
    event.preventDefault();
    const chosen = goals.filter((g) => ratings[g.goalId] !== undefined);
    if (chosen.length === 0) {
      refuse("Choose a number for at least one activity.");
      return;
    }
    run(async () => {
      for (const goal of chosen) {
        await append("goal-rating", {
          goalId: goal.goalId,
          rating: ratings[goal.goalId] as number,
        });
      }
      setRatings({});
      return chosen.length === 1 ? "Rating saved." : "Ratings saved.";
    });
  };

  const remove = (goalId: string, name: string) =>
    run(async () => {
      for (const goal of state.goals.filter((g) => g.data.goalId === goalId)) {
        await append("retract", { target: goal.id, reason: "activity removed" });
      }
      return `Removed “${name}”. Its past ratings stay in your records.`;
    });

  return (
    <main>
      <h1>Everyday activities</h1>
      <p>
        Name up to {MAX_GOALS} everyday things your back makes harder, such as tying your shoes or
        getting up from a chair. Once a week, rate how well you can do each: 0 is not at all, 10 is
        as well as before your back trouble.
      </p>
      {progress.ratingDue && !ratedToday && (
        <p class="notice">It has been a week or more since your last rating.</p>
      )}
      {progress.change && <p>{progress.change.text}</p>}

      {goals.length > 0 && (
        <form onSubmit={rate} aria-labelledby="rate-title">
          <h2 id="rate-title">How well can you do these now?</h2>
          {progress.goals.map((goal) => {
            const last = goal.ratings.at(-1);
            return (
              <div key={goal.goalId} class="card">
                <Choice
                  legend={goal.activity}
                  options={SCALE}
                  value={ratings[goal.goalId]}
                  onChange={(rating) => setRatings({ ...ratings, [goal.goalId]: rating })}
                  compact
                />
                <p class="small muted">
                  {last ? `Last rated ${last.rating} on ${screenDay(last.day)}.` : "Not rated yet."}
                </p>
                <button type="button" onClick={() => remove(goal.goalId, goal.activity)}>
                  Remove “{goal.activity}”
                </button>
              </div>
            );
          })}
          <button class="primary" type="submit">
            Save ratings
          </button>
        </form>
      )}

      {canAddGoal(state, today) ? (
        <form onSubmit={add} aria-labelledby="add-title">
          <h2 id="add-title">Add an activity</h2>
          <label for="goal-activity">An everyday activity</label>
          <input
            id="goal-activity"
            type="text"
            maxLength={120}
            placeholder="Picking up a dropped pen"
            value={activity}
            onInput={(e) => setActivity(e.currentTarget.value)}
          />
          <div class="row-actions">
            <button type="submit">Add activity</button>
          </div>
        </form>
      ) : (
        <p class="small muted">
          You have named {MAX_GOALS}. Remove one to name a different activity.
        </p>
      )}
      <SaveStatus state={saving.state} />
      <p>
        <a href="#/progress">Back to Progress</a>
      </p>
    </main>
  );
}
