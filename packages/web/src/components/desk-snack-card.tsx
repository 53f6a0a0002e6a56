import { deskSnack, type LimberState, minutesText, type Plan } from "@limber/core";
import { DESK_SNACK_HASH } from "../route.ts";

/**
 * R-DESK on a desk day: a minute or two of desk mobility between sitting blocks, made from the
 * day's plan (so triage has spoken for it). Each snack counts toward the day; two make a
 * practice day (R-TIME).
 */
export function DeskSnackCard({
  plan,
  state,
  today,
}: {
  plan: Plan;
  state: LimberState;
  today: string;
}) {
  const snack = deskSnack(plan);
  if (!snack) return null;
  const done = state.sessions.filter(
    (s) => s.day === today && s.data.kind === "micro" && s.data.blocks.some((b) => !b.skipped),
  ).length;
  const window = state.settings.workWindow;
  const moves = snack.blocks
    .map((b, i) => (i === 0 ? b.name : `${b.name[0]?.toLowerCase()}${b.name.slice(1)}`))
    .join(" and ");
  return (
    <section class="card" aria-labelledby="desk-snack-title">
      <h2 id="desk-snack-title">Desk snack · {minutesText(snack.totalSeconds)}</h2>
      <p>{moves}, between sitting blocks. Each one counts toward today; two make a practice day.</p>
      {done > 0 && (
        <p role="status">
          {done === 1 ? "One desk snack done today." : `${done} desk snacks done today.`}
        </p>
      )}
      <p class="muted small">
        {window
          ? `During your work hours, ${window.start} to ${window.end}, about once an hour.`
          : "Set your work hours in Settings, and Limber can nudge you between sitting blocks."}
      </p>
      <a class="button" href={DESK_SNACK_HASH}>
        Start a desk snack
      </a>
    </section>
  );
}
