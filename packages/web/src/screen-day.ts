/**
 * How much of a day a screen says: `long` "Tuesday 24 November", `short` "24 Nov", `number`
 * the day of the month alone, "24" (each as the person's locale writes it).
 */
export type ScreenDayForm = "long" | "short" | "number";

const OPTIONS: Record<ScreenDayForm, Intl.DateTimeFormatOptions> = {
  long: { weekday: "long", day: "numeric", month: "long" },
  short: { day: "numeric", month: "short" },
  number: { day: "numeric" },
};
const formats = new Map<ScreenDayForm, Intl.DateTimeFormat>();

/**
 * A calendar day ("YYYY-MM-DD") as a screen labels it for the person reading it, in their
 * browser's own locale and order. The one on-screen date label of the app; what Limber writes to
 * be read the same anywhere (the clinician summary, the CLI) uses core's fixed `dayLabel`.
 */
export function screenDay(day: string, form: ScreenDayForm = "short"): string {
  let format = formats.get(form);
  if (!format) {
    // A local day has no zone of its own: read at noon on the UTC calendar, it is that day.
    format = new Intl.DateTimeFormat(undefined, { ...OPTIONS[form], timeZone: "UTC" });
    formats.set(form, format);
  }
  return format.format(new Date(`${day}T12:00:00Z`));
}
