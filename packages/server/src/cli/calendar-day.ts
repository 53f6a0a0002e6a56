const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * A local day as a person reads it: "Wednesday 25 November 2026". Spelled out here rather than
 * through Intl so the text is the same whatever locale data the machine's Node carries.
 */
export function spellDay(day: string): string {
  // A local day has no zone of its own; on the UTC calendar it is exactly that day (core's days.ts).
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = WEEKDAYS[date.getUTCDay()];
  const month = MONTHS[date.getUTCMonth()];
  return `${weekday} ${date.getUTCDate()} ${month} ${date.getUTCFullYear()}`;
}
