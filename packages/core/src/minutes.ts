/** Whole minutes in a duration of `seconds`, to the nearest minute: how Limber counts minutes. */
export function wholeMinutes(seconds: number): number {
  return Math.round(seconds / 60);
}

/**
 * "7 min": a duration as Limber writes it, in every screen, sentence and terminal, to the
 * nearest minute and never "0 min".
 */
export function minutesText(seconds: number): string {
  return `${Math.max(1, wholeMinutes(seconds))} min`;
}
