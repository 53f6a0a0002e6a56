import { functionProgress, type LimberState } from "@limber/core";

/** On Today, once a week: a quiet link to rate the everyday activities (ABBOTT14). */
export function GoalRatingPrompt({ state, today }: { state: LimberState; today: string }) {
  if (!functionProgress(state, today).ratingDue) return null;
  return (
    <p class="card small">
      A week has passed: <a href="#/goals">rate your everyday activities</a>.
    </p>
  );
}
