/**
 * What a person reads about each exercise: every variant's setup, cues, feel and when to soften,
 * and the illustrated steps of its how-to. A subpath of its own (`@limber/core/words`): the
 * planner never reads these words, so the first screen does not download them; the player and
 * the how-to screens load them when first opened.
 */
export * from "./catalog/how-to.ts";
export { VARIANT_WORDS, variantWords } from "./catalog/words.ts";
