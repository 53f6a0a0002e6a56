import { doseRangeText, EXERCISES, type Exercise, VARIANTS, type Variant } from "@limber/core";
import { variantWords } from "@limber/core/words";
import { readPlainOptions } from "./args.ts";
import { type Command, jsonText } from "./command.ts";

const help = `Usage: limber catalog [--json]

Lists every exercise Limber can plan, with its variants: what each one asks of the
body (role, knee, mode, sides, position, intensity), its dose range and its props.

Options:
      --json         print { exercises, variants } as one JSON object, each
                     variant with its setup, cues, feel and when to soften
  -h, --help         show this help
`;

export const catalogCommand: Command = {
  name: "catalog",
  help,
  async run(args, io) {
    const options = readPlainOptions("catalog", args);
    if (options.help) io.stdout(help);
    else if (options.json)
      io.stdout(jsonText({ exercises: EXERCISES, variants: VARIANTS.map(withWords) }));
    else io.stdout(catalogText());
    return 0;
  },
};

/** A variant with what a person reads about it: setup, cues, feel and when to soften. */
function withWords(variant: Variant) {
  return { ...variant, ...variantWords(variant.id) };
}

/** The catalog as a person reads it: each exercise, then its variants gentlest first. */
export function catalogText(): string {
  const sections = EXERCISES.map((exercise) => exerciseLines(exercise).join("\n"));
  return `${sections.join("\n\n")}\n`;
}

function exerciseLines(exercise: Exercise): string[] {
  const steps = exercise.steps ? ` · ${exercise.steps.length} progression steps` : "";
  const variants = VARIANTS.filter((variant) => variant.exercise === exercise.id);
  return [
    `${exercise.name} (${exercise.id})${steps}`,
    ...variants.flatMap((variant) => variantLines(variant, exercise)),
  ];
}

function variantLines(variant: Variant, exercise: Exercise): string[] {
  const beside = exercise.alternatives.includes(variant.id) ? " · beside the ladder" : "";
  const knee = variant.knee === "n/a" ? "" : ` · knee ${variant.knee}`;
  const sides = variant.side === "each" ? "each side" : "both sides together";
  const props = variant.props.length > 0 ? variant.props.join(", ") : "none";
  return [
    `  - ${variant.name} (${variant.id})${beside}`,
    `      ${variant.role} · ${variant.mode}${knee} · ${sides} · ${variant.position} · intensity ${variant.intensity}/5`,
    `      dose: ${doseRangeText(variant)} · props: ${props}`,
  ];
}
