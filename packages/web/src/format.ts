/** "7 min": a plan's length, rounded to the nearest minute, never 0. */
export function minutesText(totalSeconds: number): string {
  return `${Math.max(1, Math.round(totalSeconds / 60))} min`;
}
