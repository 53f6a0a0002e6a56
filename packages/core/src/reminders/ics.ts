/**
 * A weekly practice reminder as an RFC 5545 iCalendar file (R-ANCHOR, R-CONSISTENCY).
 *
 * The reminder is tied to something that already happens in the person's day ("after my morning
 * coffee") and names that anchor. It repeats on the chosen days of the week: a number of practice
 * days, never a streak. Pure: the uid and the stamp come in, nothing reads a clock.
 */

import { weekdayOf } from "../days.ts";
import { utf8Bytes } from "../utf8.ts";
import { WEEKDAYS, type Weekday } from "../weekdays.ts";
import { isTimeZone } from "./schedule.ts";

export const ANCHOR_MAX_LENGTH = 120;
export const DEFAULT_MINUTES = 10;

export interface ReminderOptions {
  /** What the practice follows, in the person's own words, e.g. "after my morning coffee". */
  anchor: string;
  /** The practice days of the week; at least one, no duplicates. */
  days: Weekday[];
  /** Local time of day, 24-hour "HH:MM". */
  time: string;
  /** Length of the calendar event in minutes (default 10). */
  minutes?: number;
  /** IANA time zone; when given DTSTART carries a TZID, otherwise it is a floating local time. */
  timeZone?: string;
  /** Globally unique id of the event (comes in: core has no randomness). */
  uid: string;
  /** The moment the file is made (DTSTAMP; comes in: core has no clock). */
  stamp: Date;
  /** The first day, "YYYY-MM-DD". */
  start: string;
}

const CRLF = "\r\n";
const MAX_LINE_OCTETS = 75;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** The event title: the anchor in plain words, e.g. "Limber, after my morning coffee". */
export function reminderSummary(anchor: string): string {
  return `Limber, ${anchor.trim()}`;
}

/** Two gentle sentences in the second person; no exclamation marks, no guilt. */
export function reminderDescription(anchor: string): string {
  return `A few easy minutes for your hamstrings, ${anchor.trim()}. Go gently; any day you practise counts toward your week.`;
}

/** Builds the iCalendar text for a weekly reminder. Throws a clear Error on bad input. */
export function reminderCalendar(options: ReminderOptions): string {
  const { anchor, uid, start } = options;
  const minutes = options.minutes ?? DEFAULT_MINUTES;
  validate(options, minutes);
  const [hour, minute] = options.time.split(":");
  const localStart = `${start.replaceAll("-", "")}T${hour}${minute}00`;
  const days = WEEKDAYS.filter((day) => options.days.includes(day));
  const summary = reminderSummary(anchor);
  const description = reminderDescription(anchor);

  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Limber//Reminders//EN",
    "CALSCALE:GREGORIAN",
  ];
  if (options.timeZone !== undefined) {
    lines.push(...vtimezone(options.timeZone, Number(start.slice(0, 4)) - 1));
  }
  lines.push(
    "BEGIN:VEVENT",
    `UID:${escapeText(uid)}`,
    `DTSTAMP:${utcStamp(options.stamp)}`,
    options.timeZone === undefined
      ? `DTSTART:${localStart}`
      : `DTSTART;TZID=${options.timeZone}:${localStart}`,
    `DURATION:PT${minutes}M`,
    `RRULE:FREQ=WEEKLY;BYDAY=${days.join(",")}`,
    `SUMMARY:${escapeText(summary)}`,
    `DESCRIPTION:${escapeText(description)}`,
    "TRANSP:TRANSPARENT",
    "BEGIN:VALARM",
    "ACTION:DISPLAY",
    "TRIGGER:PT0M",
    `DESCRIPTION:${escapeText(description)}`,
    "END:VALARM",
    "END:VEVENT",
    "END:VCALENDAR",
  );
  return lines.map(foldLine).join(CRLF) + CRLF;
}

function validate(options: ReminderOptions, minutes: number): void {
  const anchor = typeof options.anchor === "string" ? options.anchor.trim() : "";
  if (anchor === "") {
    throw new Error(
      'Reminder anchor is empty: name what the practice follows, e.g. "after my morning coffee".',
    );
  }
  if ([...anchor].length > ANCHOR_MAX_LENGTH) {
    throw new Error(`Reminder anchor is too long: at most ${ANCHOR_MAX_LENGTH} characters.`);
  }
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(options.time)) {
    throw new Error(
      `Reminder time "${options.time}" is not a 24-hour "HH:MM" time (00:00 to 23:59).`,
    );
  }
  if (options.days.length === 0) {
    throw new Error("Reminder days are empty: choose at least one day of the week.");
  }
  for (const day of options.days) {
    if (!(WEEKDAYS as readonly string[]).includes(day)) {
      throw new Error(`Reminder day "${day}" is not one of ${WEEKDAYS.join(", ")}.`);
    }
  }
  const duplicates = options.days.filter((day, i) => options.days.indexOf(day) !== i);
  if (duplicates.length > 0) {
    throw new Error(`Reminder days repeat: ${[...new Set(duplicates)].join(", ")}.`);
  }
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) {
    throw new Error(`Reminder length ${minutes} is not a whole number of minutes from 1 to 1440.`);
  }
  if (!isDay(options.start)) {
    throw new Error(`Reminder start "${options.start}" is not a calendar day "YYYY-MM-DD".`);
  }
  if (!(options.stamp instanceof Date) || Number.isNaN(options.stamp.getTime())) {
    throw new Error("Reminder stamp is not a valid Date.");
  }
  if (options.uid.trim() === "" || /[\p{Cc}]/u.test(options.uid)) {
    throw new Error("Reminder uid is empty or contains control characters.");
  }
  if (options.timeZone !== undefined && !isTimeZone(options.timeZone)) {
    throw new Error(`Reminder time zone "${options.timeZone}" is not a known IANA time zone.`);
  }
}

function isDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const ms = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === day;
}

/** TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, newline. */
export function escapeText(text: string): string {
  return text
    .replaceAll("\\", "\\\\")
    .replaceAll(";", "\\;")
    .replaceAll(",", "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** Folds a content line at 75 octets (RFC 5545 §3.1), never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = MAX_LINE_OCTETS;
  for (const char of line) {
    const size = utf8Bytes(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = MAX_LINE_OCTETS - 1; // continuation lines begin with one space
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

function utcStamp(date: Date): string {
  return (
    `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`
  );
}

/** Local wall-clock form "YYYYMMDDTHHMMSS" of a UTC instant shifted by an offset. */
function localStamp(utcMs: number, offsetMs: number): string {
  return utcStamp(new Date(utcMs + offsetMs)).slice(0, -1);
}

/** The zone's offset from UTC in ms at an instant, read from the platform's time zone data. */
function offsetAt(zone: string, utcMs: number): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(new Date(utcMs));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return wall - Math.floor(utcMs / 1000) * 1000;
}

function formatOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? "-" : "+";
  const total = Math.abs(Math.round(offsetMs / 1000));
  const seconds = total % 60;
  const text = `${sign}${pad(Math.floor(total / 3600))}${pad(Math.floor(total / 60) % 60)}`;
  return seconds === 0 ? text : `${text}${pad(seconds)}`;
}

interface Transition {
  at: number;
  from: number;
  to: number;
}

/** Offset changes during one year, each found to the minute. */
function transitionsIn(zone: string, year: number): Transition[] {
  const found: Transition[] = [];
  const end = Date.UTC(year + 1, 0, 1);
  for (let t = Date.UTC(year, 0, 1); t < end; t += MS_PER_DAY) {
    const from = offsetAt(zone, t);
    const to = offsetAt(zone, t + MS_PER_DAY);
    if (from === to) continue;
    let lo = t;
    let hi = t + MS_PER_DAY;
    while (hi - lo > MS_PER_MINUTE) {
      const mid = lo + Math.floor((hi - lo) / 2 / MS_PER_MINUTE) * MS_PER_MINUTE;
      if (offsetAt(zone, mid) === from) lo = mid;
      else hi = mid;
    }
    found.push({ at: hi, from, to });
  }
  return found;
}

/**
 * A VTIMEZONE for the TZID (RFC 5545 §3.6.5 asks for one per TZID), derived from the platform's
 * time zone data for `year` and repeated yearly by month and nth weekday.
 */
function vtimezone(zone: string, year: number): string[] {
  const lines = ["BEGIN:VTIMEZONE", `TZID:${zone}`];
  const transitions = transitionsIn(zone, year);
  if (transitions.length === 0) {
    const offset = formatOffset(offsetAt(zone, Date.UTC(year, 0, 1)));
    lines.push(
      "BEGIN:STANDARD",
      "DTSTART:19700101T000000",
      `TZOFFSETFROM:${offset}`,
      `TZOFFSETTO:${offset}`,
      "END:STANDARD",
    );
  } else {
    const highest = Math.max(...transitions.map((t) => t.to));
    const recurring = transitions.length === 2;
    for (const { at, from, to } of transitions) {
      const kind = to === highest && recurring ? "DAYLIGHT" : "STANDARD";
      const local = new Date(at + from);
      const day = local.getUTCDate();
      const monthLength = new Date(
        Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 0),
      ).getUTCDate();
      const nth = day + 7 > monthLength ? -1 : Math.ceil(day / 7);
      lines.push(
        `BEGIN:${kind}`,
        `DTSTART:${localStamp(at, from)}`,
        `TZOFFSETFROM:${formatOffset(from)}`,
        `TZOFFSETTO:${formatOffset(to)}`,
      );
      if (recurring) {
        lines.push(
          `RRULE:FREQ=YEARLY;BYMONTH=${local.getUTCMonth() + 1};BYDAY=${nth}${weekdayOf(local.toISOString().slice(0, 10))}`,
        );
      }
      lines.push(`END:${kind}`);
    }
  }
  lines.push("END:VTIMEZONE");
  return lines;
}
