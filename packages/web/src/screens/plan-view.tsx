import { doseText, minutesText, type Plan, type PlanBlock } from "@limber/core";
import { Illustration } from "../components/illustration.tsx";
import { Why } from "../components/why.tsx";

const KIND_DESCRIPTION: Record<Plan["kind"], string> = {
  standard: "Warm up, move, stretch, then hinge and strengthen.",
  light: "A gentle day: bent knees, short holds, one set.",
  micro: "A short session: it still counts.",
  "walk-only": "Slow breathing and an easy walk.",
  none: "No practice today.",
};

/** A paused day without its walk (R-TRIAGE-REST): rest and breathing only. */
const resting = (plan: Plan) =>
  plan.kind === "walk-only" && !plan.blocks.some((block) => block.role === "walk");

const KIND_LABEL: Record<Plan["kind"], string> = {
  standard: "your session",
  light: "gentle",
  micro: "short",
  "walk-only": "breathing and a walk",
  none: "no practice",
};

/** Today's plan: each block with its picture, dose and reasons, the total time, and Start. */
export function PlanView({
  plan,
  onStart,
  secondary = false,
}: {
  plan: Plan;
  onStart: () => void;
  /** Shown below another screen's message: its title is a section heading, not the page's. */
  secondary?: boolean;
}) {
  const caution =
    plan.tier === "caution" ? plan.reasons.filter((r) => r.rule === "R-TRIAGE-C") : [];
  const reasons = plan.reasons.filter((r) => !caution.includes(r));
  return (
    <section aria-labelledby="plan-title">
      {caution.map((r) => (
        <p class="notice" key={r.text}>
          {r.text}
        </p>
      ))}
      {secondary ? (
        <h2 id="plan-title">Meanwhile · {minutesText(plan.totalSeconds)}</h2>
      ) : (
        <h1 id="plan-title">Today · {minutesText(plan.totalSeconds)}</h1>
      )}
      <p class="muted">
        {resting(plan)
          ? "Rest and slow breathing today; the walk can wait."
          : KIND_DESCRIPTION[plan.kind]}
      </p>
      <Why
        reasons={reasons}
        summary={`Why ${resting(plan) ? "rest and breathing" : KIND_LABEL[plan.kind]} today?`}
      />
      <ol class="blocks">
        {plan.blocks.map((block, i) => (
          <BlockCard
            block={block}
            index={i}
            key={`${block.variant}-${i}`}
            Heading={secondary ? "h3" : "h2"}
          />
        ))}
      </ol>
      {plan.suggestions.length > 0 && (
        <>
          <h2>Also today</h2>
          <ul>
            {plan.suggestions.map((s) => (
              <li key={s.id}>{s.text}</li>
            ))}
          </ul>
        </>
      )}
      <div class="sticky-action">
        <button class="primary" type="button" onClick={onStart}>
          Start
        </button>
      </div>
    </section>
  );
}

function BlockCard({
  block,
  index,
  Heading,
}: {
  block: PlanBlock;
  index: number;
  /** One level below the plan's own title. */
  Heading: "h2" | "h3";
}) {
  return (
    <li class="card block">
      <Illustration variant={block.variant} label={`${block.name}: start and end position`} />
      <div>
        <Heading>
          {index + 1}. {block.name}
        </Heading>
        <p class="dose">{doseText(block.mode, block.dose)}</p>
        <p class="how-to-link">
          <a href={`#/how-to?variant=${block.variant}&from=today`}>
            How to<span class="visually-hidden"> do {block.name}</span>
          </a>
        </p>
        <Why reasons={block.reasons} />
      </div>
    </li>
  );
}
