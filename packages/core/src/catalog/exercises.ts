import type { Exercise, Step, VariantId } from "./schema.ts";

const timed = (variant: VariantId, ...seconds: number[]): Step[] =>
  seconds.map((s) => ({ variant, dose: { seconds: s } }));
const held = (variant: VariantId, ...holds: [number, number][]): Step[] =>
  holds.map(([count, s]) => ({ variant, dose: { holds: count, holdSeconds: s } }));
const counted = (variant: VariantId, ...sets: [number, number][]): Step[] =>
  sets.map(([count, reps]) => ({ variant, dose: { sets: count, reps } }));

/**
 * The exercises and their progressions, gentlest first. Each step is one of R-PROGRESS's
 * allowed moves from the one before: +5–10 s of hold or timed work, +1 hold, +2 reps, +1 set,
 * or the next variant of the ladder at the low end of its dose. The strap stretch climbs
 * through 15 → 20 → 30 → 45 s holds (R-DOSE-HOLD), reaching 45 s only after months. Timed
 * work (hip rolls, floss) changes variant before it lengthens, since a 10-minute session
 * (R-DOSE-SESSION) leaves little room for longer timed blocks.
 */
export const EXERCISES: readonly Exercise[] = [
  {
    id: "hip-rolls",
    name: "Box-breath hip rolls",
    ladder: ["hip-rolls-breath", "hip-rolls-tilt"],
    alternatives: [],
    steps: [...timed("hip-rolls-breath", 60), ...timed("hip-rolls-tilt", 60, 70, 80, 90)],
  },
  {
    id: "floss",
    name: "Sliding hamstring floss",
    ladder: ["floss-small", "floss-full"],
    alternatives: ["floss-nerve-slider"],
    steps: [...timed("floss-small", 60), ...timed("floss-full", 60, 70, 80, 90)],
    // R-NERVE: the slider starts gently and grows by R-PROGRESS while leg symptoms keep it in use.
    alternativeSteps: { "floss-nerve-slider": timed("floss-nerve-slider", 30, 35, 40, 45) },
  },
  {
    id: "strap-stretch",
    name: "Strap-supported hamstring stretch",
    ladder: ["strap-knee-bent", "strap-knee-soft", "strap-knee-straight"],
    alternatives: [],
    steps: [
      ...held("strap-knee-bent", [2, 15], [2, 20], [3, 20], [3, 30]),
      ...held("strap-knee-soft", [2, 15], [2, 20], [3, 20], [3, 30]),
      ...held("strap-knee-straight", [2, 15], [2, 20], [3, 20], [3, 30], [3, 40], [3, 45]),
    ],
  },
  {
    id: "hip-hinge",
    name: "Hip hinge practice",
    ladder: ["hinge-tall-kneel", "hinge-dowel", "hinge-weight"],
    alternatives: [],
    steps: [
      ...counted("hinge-tall-kneel", [1, 8], [1, 10]),
      ...counted("hinge-dowel", [1, 8], [1, 10]),
      ...counted("hinge-weight", [1, 8], [1, 10]),
    ],
  },
  {
    id: "bridge",
    name: "Glute bridge",
    ladder: ["bridge", "bridge-hold", "bridge-single-leg"],
    alternatives: [],
    steps: [
      ...counted("bridge", [1, 6], [1, 8], [1, 10], [2, 10]),
      ...counted("bridge-hold", [1, 6], [1, 8], [1, 10], [2, 10]),
      ...counted("bridge-single-leg", [1, 6], [1, 8], [1, 10], [2, 10]),
    ],
  },
  {
    id: "dead-bug",
    name: "Dead bug",
    ladder: ["dead-bug-heel-taps", "dead-bug-alternating"],
    alternatives: [],
    steps: [
      ...counted("dead-bug-heel-taps", [1, 6], [1, 8], [1, 10], [2, 10]),
      ...counted("dead-bug-alternating", [1, 6], [1, 8], [1, 10], [2, 10]),
    ],
  },
  {
    id: "desk",
    name: "Desk micro-mobility",
    ladder: ["desk-knee-extension", "desk-stool-fold"],
    alternatives: [],
  },
  {
    id: "warmup",
    name: "Warm-up alternatives",
    ladder: ["warmup-knee-bends", "warmup-ankle-pumps", "warmup-easy-walk"],
    alternatives: [],
  },
  { id: "walk", name: "Easy walk", ladder: ["walk-easy"], alternatives: [] },
];
