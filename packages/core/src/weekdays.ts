/**
 * Limber's one list of the days of the week: Monday first, as ISO 8601 weeks run, each by its
 * iCalendar name (RFC 5545 BYDAY), which is also how settings store the reminder's days.
 */
export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Each weekday's English name, in full and in three letters: "Monday", "Mon". */
export const WEEKDAY_NAMES: Readonly<Record<Weekday, { long: string; short: string }>> = {
  MO: { long: "Monday", short: "Mon" },
  TU: { long: "Tuesday", short: "Tue" },
  WE: { long: "Wednesday", short: "Wed" },
  TH: { long: "Thursday", short: "Thu" },
  FR: { long: "Friday", short: "Fri" },
  SA: { long: "Saturday", short: "Sat" },
  SU: { long: "Sunday", short: "Sun" },
};
