import { weekdayOf } from "./days.ts";
import { WEEKDAY_NAMES } from "./weekdays.ts";

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
] as const;

/**
 * How much of a day a label says: `full` "Wednesday 25 November 2026", `date` "25 Nov 2026",
 * `brief` "25 Nov".
 */
export type DayLabelForm = "full" | "date" | "brief";

/**
 * A calendar day ("YYYY-MM-DD") in Limber's own fixed English words, the same on every machine
 * whatever its locale: the label for everything Limber writes to be read the same everywhere
 * (the CLI's output, and the clinician summary as text, as a PDF and on its page). Other screens
 * label days in the person's own locale, with the web app's `screenDay`.
 */
export function dayLabel(day: string, form: DayLabelForm = "full"): string {
  const weekday = WEEKDAY_NAMES[weekdayOf(day)].long;
  const [year, month, date] = day.split("-").map(Number);
  const monthName = MONTHS[(month ?? 0) - 1] ?? "";
  switch (form) {
    case "full":
      return `${weekday} ${date} ${monthName} ${year}`;
    case "date":
      return `${date} ${monthName.slice(0, 3)} ${year}`;
    case "brief":
      return `${date} ${monthName.slice(0, 3)}`;
  }
}
