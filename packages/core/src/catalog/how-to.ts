import type { Prop, Variant, VariantId } from "./schema.ts";
import { VARIANT_WORDS } from "./words.ts";

/**
 * How to do each variant, for someone who has never done it: three or four short steps, each
 * with the picture that shows it. The first steps are the variant's own setup steps (the same
 * sentences the player reads while getting ready); the rest say what to do once in position.
 * The cues, what it should feel like and when to soften are the variant's words (words.ts).
 */

/** Which picture goes with a step: getting into place, the start, the end, or the movement between. */
export const HOW_TO_PICTURES = ["setup", "start", "end", "move"] as const;
export type HowToPicture = (typeof HOW_TO_PICTURES)[number];

export interface HowToStep {
  text: string;
  shows: HowToPicture;
}

interface HowTo {
  /** The picture for each of the variant's setup steps, in order. */
  setup: HowToPicture[];
  /** What to do once in position. */
  moves: HowToStep[];
}

export const HOW_TO: Readonly<Record<VariantId, HowTo>> = {
  "hip-rolls-breath": {
    setup: ["start"],
    moves: [
      { text: "Breathe in slowly for a count of four and feel your belly rise.", shows: "end" },
      {
        text: "Pause, then let the breath go for four and rest for four before the next one.",
        shows: "move",
      },
    ],
  },
  "hip-rolls-tilt": {
    setup: ["start"],
    moves: [
      {
        text: "On a slow breath out, roll your pelvis a little so the small of your back settles onto the mat.",
        shows: "end",
      },
      {
        text: "On the breath in, let it roll back until the small gap under your back returns.",
        shows: "start",
      },
    ],
  },
  "floss-small": {
    setup: ["setup", "start"],
    moves: [
      { text: "Straighten the knee slowly, only part of the way up.", shows: "end" },
      {
        text: "Bend it back just as slowly, keeping the thigh where it is, and carry on for the whole step.",
        shows: "move",
      },
    ],
  },
  "floss-full": {
    setup: ["setup", "start"],
    moves: [
      {
        text: "Straighten the knee slowly until you feel the back of the thigh, short of locking it.",
        shows: "end",
      },
      {
        text: "Bend it back just as slowly, keeping the thigh where it is, and carry on for the whole step.",
        shows: "move",
      },
    ],
  },
  "floss-nerve-slider": {
    setup: ["setup", "start"],
    moves: [
      { text: "Straighten the knee slowly while your head tips back a little.", shows: "end" },
      {
        text: "Bend the knee again while your chin drops toward your chest, gently, the whole time.",
        shows: "move",
      },
    ],
  },
  "strap-knee-bent": {
    setup: ["setup", "start", "end"],
    moves: [
      {
        text: "Stay there for the hold, breathing slowly, then lower the foot and rest.",
        shows: "move",
      },
    ],
  },
  "strap-knee-soft": {
    setup: ["setup", "start", "end"],
    moves: [
      {
        text: "Stay there for the hold, breathing slowly, then bend the knee and lower the leg to rest.",
        shows: "move",
      },
    ],
  },
  "strap-knee-straight": {
    setup: ["setup", "start", "end"],
    moves: [
      {
        text: "Stay there for the hold while the strap takes the leg's weight, then bend the knee and lower it to rest.",
        shows: "move",
      },
    ],
  },
  "hinge-tall-kneel": {
    setup: ["setup", "start"],
    moves: [
      {
        text: "Let your hips travel back and your chest tip forward together, over about three seconds.",
        shows: "end",
      },
      {
        text: "Come back up to tall kneeling just as slowly, and begin the next one from there.",
        shows: "move",
      },
    ],
  },
  "hinge-dowel": {
    setup: ["setup", "start"],
    moves: [
      {
        text: "Hinge at your hips, sending them back, until you feel the backs of your thighs.",
        shows: "end",
      },
      {
        text: "Stand back up at the same slow pace, the dowel on your back all the way.",
        shows: "move",
      },
    ],
  },
  "hinge-weight": {
    setup: ["setup", "start", "start"],
    moves: [
      {
        text: "Hinge at your hips with your back long, lowering the weight to about your knees, then stand back up.",
        shows: "move",
      },
    ],
  },
  bridge: {
    setup: ["start"],
    moves: [
      {
        text: "Lift your hips until your body makes a gentle slope from your knees to your shoulders.",
        shows: "end",
      },
      {
        text: "Lower yourself to the mat slowly, the small of your back arriving last.",
        shows: "move",
      },
    ],
  },
  "bridge-hold": {
    setup: ["start"],
    moves: [
      { text: "Lift your hips until your knees, hips and shoulders are in a line.", shows: "end" },
      { text: "Stay there for a slow count of three.", shows: "end" },
      { text: "Lower yourself to the mat bit by bit, and rest a moment.", shows: "move" },
    ],
  },
  "bridge-single-leg": {
    setup: ["setup", "start"],
    moves: [
      { text: "Lift your hips on the one foot, as high as they stay level.", shows: "end" },
      {
        text: "Lower slowly and go again; the other leg takes its turn after the set.",
        shows: "move",
      },
    ],
  },
  "dead-bug-heel-taps": {
    setup: ["setup", "start"],
    moves: [
      {
        text: "Lower one foot slowly, the knee still bent, until the heel touches the mat.",
        shows: "end",
      },
      { text: "Bring it back up, then do the same with the other leg.", shows: "move" },
    ],
  },
  "dead-bug-alternating": {
    setup: ["setup", "start"],
    moves: [
      {
        text: "Reach one arm back past your head as the opposite leg lengthens, both hovering above the mat.",
        shows: "end",
      },
      { text: "Bring them back to the start, then do the other arm and leg.", shows: "move" },
    ],
  },
  "desk-knee-extension": {
    setup: ["start"],
    moves: [
      {
        text: "Lift one foot until that knee is nearly straight, over about two seconds.",
        shows: "end",
      },
      { text: "Lower it to the floor just as slowly, then go again.", shows: "move" },
    ],
  },
  "desk-stool-fold": {
    setup: ["setup", "start"],
    moves: [
      {
        text: "Tip forward from your hips, chest first, until you feel a mild stretch behind the raised thigh.",
        shows: "end",
      },
      { text: "Breathe there for the hold, then come up tall and change legs.", shows: "move" },
    ],
  },
  "warmup-knee-bends": {
    setup: ["start"],
    moves: [
      { text: "Bend your knees a little, heels down, as if about to sit.", shows: "end" },
      { text: "Straighten up again and keep an easy rhythm going.", shows: "move" },
    ],
  },
  "warmup-ankle-pumps": {
    setup: ["setup"],
    moves: [
      { text: "Point your toes away from you, as if pressing a pedal.", shows: "start" },
      { text: "Then draw them back toward your shins, and keep the two going.", shows: "end" },
    ],
  },
  "warmup-easy-walk": {
    setup: ["setup"],
    moves: [
      {
        text: "Walk at an easy pace, landing on your heel and rolling onto your toes.",
        shows: "start",
      },
      {
        text: "Let each arm swing with the opposite leg, and keep going for the minute.",
        shows: "end",
      },
    ],
  },
  "walk-easy": {
    setup: ["setup"],
    moves: [
      {
        text: "Step out at an easy pace, landing on your heel and rolling onto your toes.",
        shows: "start",
      },
      {
        text: "Let your arms swing with your steps, and turn back whenever you like.",
        shows: "end",
      },
    ],
  },
};

/** A variant's illustrated steps: its setup, then the movement. Throws for a variant without one. */
export function howToSteps(variant: Variant): HowToStep[] {
  // Every variant has its how-to: the record is keyed by the catalog's own ids.
  const entry = HOW_TO[variant.id];
  const setup = VARIANT_WORDS[variant.id].setup.map((text, i) => ({
    text,
    shows: entry.setup[i] ?? "start",
  }));
  return [...setup, ...entry.moves];
}

/** What each prop is, in a few words, with what can stand in for it. */
export const PROP_WORDS: Readonly<Record<Prop, string>> = {
  mat: "a mat or a rug",
  strap: "a strap, a belt or a long towel",
  stool: "a low stool or a step",
  chair: "a steady chair",
  dowel: "a dowel or a broom handle",
  "light-weight": "a light weight, such as a full water bottle",
};
