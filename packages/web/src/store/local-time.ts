/** The instant as ISO 8601 with this device's offset, e.g. 2026-11-25T07:05:00.000+01:00. */
export function localInstant(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, "0");
  const minutes = String(Math.abs(offset) % 60).padStart(2, "0");
  const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 23);
  return `${local}${sign}${hours}:${minutes}`;
}

/** The person's local calendar day, YYYY-MM-DD. */
export function localDay(date: Date): string {
  return localInstant(date).slice(0, 10);
}
