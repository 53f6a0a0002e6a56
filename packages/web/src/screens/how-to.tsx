import { EXERCISES, VARIANTS, type Variant, variantById } from "@limber/core";
import { type HowToPicture, howToSteps, PROP_WORDS, variantWords } from "@limber/core/words";
import { Illustration } from "../components/illustration.tsx";
import { useTopOnShow } from "../components/top.ts";

const PICTURE_WORDS: Record<HowToPicture, string> = {
  setup: "getting into place",
  start: "the start position",
  end: "the end position",
  move: "the movement, from start to end",
};

/** "a, b and c". */
function listText(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/**
 * How to do one variant: its illustrated steps, its cues, what it should feel like, when to
 * soften or stop, and what it needs. Shown on its own screen (from a plan block or from Learn)
 * and inside the player, paused.
 */
export function HowTo({ variant, Heading = "h1" }: { variant: Variant; Heading?: "h1" | "h2" }) {
  const Sub = Heading === "h1" ? "h2" : "h3";
  const steps = howToSteps(variant);
  const words = variantWords(variant.id);
  const needs = variant.props.map((prop) => PROP_WORDS[prop]);
  return (
    <article class="how-to" aria-labelledby={`how-to-${variant.id}`}>
      <Heading id={`how-to-${variant.id}`}>How to: {variant.name}</Heading>
      <p class="muted">
        {needs.length > 0 ? `You need ${listText(needs)}. ` : "You need nothing but some space. "}
        {variant.side === "each" ? "One side at a time: the left first, then the right." : ""}
      </p>
      <ol class="how-steps">
        {steps.map((step, i) => (
          <li class="card" key={step.text}>
            <Illustration
              variant={variant.id}
              picture={step.shows}
              label={`Step ${i + 1}: ${PICTURE_WORDS[step.shows]}`}
            />
            <p>{step.text}</p>
          </li>
        ))}
      </ol>
      <Sub>As you go</Sub>
      <ul>
        {words.cues.map((cue) => (
          <li key={cue}>{cue}</li>
        ))}
      </ul>
      <Sub>It should feel like</Sub>
      <p>{words.feel}</p>
      <Sub>Soften or stop when</Sub>
      <p>{words.softenWhen}</p>
    </article>
  );
}

/** Which variant the address asks for: `#/how-to?variant=id` (and where the person came from). */
function requested(): { variant: Variant | undefined; from: string | null } {
  const query = new URLSearchParams(location.hash.split("?")[1] ?? "");
  const id = query.get("variant");
  return { variant: VARIANTS.find((v) => v.id === id), from: query.get("from") };
}

/** The how-to screen: one variant's steps, or the list of every exercise and its variants. */
export function HowToScreen() {
  const { variant, from } = requested();
  useTopOnShow(variant?.id);
  if (!variant) return <HowToIndex />;
  return (
    <main>
      <p>
        {from === "today" ? (
          <a href="#/">Back to today's plan</a>
        ) : (
          <a href="#/how-to">All exercises</a>
        )}
      </p>
      <HowTo variant={variant} />
    </main>
  );
}

function HowToIndex() {
  return (
    <main>
      <p>
        <a href="#/learn">Learn</a>
      </p>
      <h1>How to do each exercise</h1>
      <p>Every exercise Limber may plan, each with its steps, gentlest version first.</p>
      {EXERCISES.map((exercise) => (
        <section class="card" key={exercise.id}>
          <h2>{exercise.name}</h2>
          <ul>
            {[...exercise.ladder, ...exercise.alternatives].map((id) => (
              <li key={id}>
                <a href={`#/how-to?variant=${id}`}>{variantById(id).name}</a>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </main>
  );
}
