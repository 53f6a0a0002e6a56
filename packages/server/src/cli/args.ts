import { parseArgs } from "node:util";
import { EVENT_YEARS } from "@limber/core";
import { CliInputError } from "./cli-input-error.ts";

/** Flags of the commands that read one day of a log (`plan`, `triage`). */
export type DayOptions =
  | { help: true }
  | { help: false; json: boolean; log: string; date: string | undefined };

const DAY_FLAGS = {
  log: { type: "string", short: "l" },
  date: { type: "string", short: "d" },
  json: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

const PLAIN_FLAGS = {
  json: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

/** Reads `--log FILE [--date YYYY-MM-DD] [--json]`; the log is required unless asking for help. */
export function readDayOptions(command: string, args: readonly string[]): DayOptions {
  const { values } = strictly(command, () => parseArgs({ args: [...args], options: DAY_FLAGS }));
  if (values.help) return { help: true };
  if (values.log === undefined) {
    throw new CliInputError("usage", `${command} needs --log FILE; see limber ${command} --help`);
  }
  const date = values.date === undefined ? undefined : calendarDay(values.date);
  return { help: false, json: values.json, log: values.log, date };
}

/** Reads `[--json]`, for commands that need nothing else. */
export function readPlainOptions(
  command: string,
  args: readonly string[],
): { help: boolean; json: boolean } {
  return strictly(command, () => parseArgs({ args: [...args], options: PLAIN_FLAGS })).values;
}

/**
 * A real calendar day in YYYY-MM-DD form, in the years an event may carry (EVENT_YEARS), or a
 * usage error naming the flag and what was given.
 */
export function calendarDay(text: string, flag = "--date"): string {
  // Round-tripping through Date catches 2026-02-30, which the pattern alone lets through.
  const epoch = Date.parse(`${text}T00:00:00Z`);
  const real =
    /^\d{4}-\d{2}-\d{2}$/.test(text) &&
    !Number.isNaN(epoch) &&
    new Date(epoch).toISOString().slice(0, 10) === text;
  if (!real) {
    throw new CliInputError(
      "usage",
      `${flag} ${JSON.stringify(text)} is not a calendar day; use YYYY-MM-DD, such as 2026-11-25`,
    );
  }
  const year = Number(text.slice(0, 4));
  if (year < EVENT_YEARS.first || year > EVENT_YEARS.last) {
    throw new CliInputError(
      "usage",
      `${flag} ${JSON.stringify(text)} is outside the years a log may hold, ${EVENT_YEARS.first} to ${EVENT_YEARS.last}`,
    );
  }
  return text;
}

/**
 * Runs node's parser and rewords its errors into one short line. Its own messages run on with
 * advice about `--`, so only their first sentence is kept.
 */
export function strictly<T>(command: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (!(error instanceof Error) || !code?.startsWith("ERR_PARSE_ARGS")) throw error;
    const first = error.message.split(/\.\s/)[0] ?? "";
    const sentence = first.charAt(0).toLowerCase() + first.slice(1);
    throw new CliInputError("usage", `${command}: ${sentence}; see limber ${command} --help`);
  }
}
