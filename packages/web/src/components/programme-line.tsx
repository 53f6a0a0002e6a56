import { type LimberState, programmeOn, programmeOwner } from "@limber/core";

/** On Today, one line when a clinician's programme is followed, leading to it. */
export function ProgrammeLine({ state, today }: { state: LimberState; today: string }) {
  const current = programmeOn(state, today);
  if (!current) return null;
  return (
    <p class="small">
      <a href="#/programme">
        {programmeOwner(current.data)} (revision {current.data.revision}) shapes today's plan
      </a>
    </p>
  );
}
