/** Every exercise of the catalog, by id (domain.md §2): a literal union, so a typo fails the compile. */
export const EXERCISE_IDS = [
  "hip-rolls",
  "floss",
  "strap-stretch",
  "hip-hinge",
  "bridge",
  "dead-bug",
  "desk",
  "warmup",
  "walk",
] as const;

export type ExerciseId = (typeof EXERCISE_IDS)[number];
