import { type DaySeen, EventParseError, type LimberEvent, parseLog, readLog } from "@limber/core";
import { readDayOptions } from "./args.ts";
import { CliInputError, oneLine } from "./cli-input-error.ts";
import type { Command } from "./command.ts";
import type { CliIo } from "./io.ts";

/**
 * Reads and validates the log at `path`, then reads the day as Limber saw it at its check-in,
 * so the plan printed is the one the person was shown that day. With no `date`, the day of the
 * log's last check-in: an old log's plan never depends on the machine's clock.
 */
export async function readLoggedDay(io: CliIo, path: string, date?: string): Promise<DaySeen> {
  const events = await readEvents(io, path);
  const day = date ?? lastCheckInDay(events);
  if (day === undefined) {
    throw new CliInputError("no-check-in", `${path} holds no check-in, so there is no day to read`);
  }
  const seen = readLog(events, { from: day, to: day }).days.get(day);
  if (!seen) {
    throw new CliInputError("no-check-in", `${path} has no check-in on ${day}`);
  }
  return seen;
}

function lastCheckInDay(events: readonly LimberEvent[]): string | undefined {
  const days = events.filter((event) => event.type === "checkin").map((event) => event.day);
  return days.sort().at(-1);
}

/** Reads and validates a log file; a missing, unreadable or invalid one is bad input, in one line. */
export async function readEvents(io: CliIo, path: string): Promise<LimberEvent[]> {
  let text: string;
  try {
    text = await io.readFile(path);
  } catch (error) {
    throw new CliInputError("unreadable-log", `cannot read ${path}: ${whyUnreadable(error)}`);
  }
  try {
    return parseLog(text);
  } catch (error) {
    if (!(error instanceof EventParseError)) throw error;
    // Core's message starts with "line 3:" or "event 3:" when it knows the place.
    const place = error.position === undefined ? `${path}:` : path;
    throw new CliInputError("invalid-log", `${place} ${oneLine(error.message)}`);
  }
}

const UNREADABLE: Record<string, string> = {
  ENOENT: "no such file",
  EACCES: "permission denied",
  EISDIR: "it is a folder, not a file",
};

function whyUnreadable(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { code } = error as NodeJS.ErrnoException;
  return (code && UNREADABLE[code]) || oneLine(error.message);
}

/**
 * A command that reads one day of a log (`--log FILE [--date DAY] [--json]`) and prints it:
 * `print` turns the day, as Limber saw it at that check-in, into the command's text or JSON.
 */
export function dayCommand(spec: {
  name: string;
  help: string;
  print(day: DaySeen, json: boolean): string;
}): Command {
  const { name, help } = spec;
  return {
    name,
    help,
    async run(args, io) {
      const options = readDayOptions(name, args);
      if (options.help) {
        io.stdout(help);
        return 0;
      }
      const day = await readLoggedDay(io, options.log, options.date);
      io.stdout(spec.print(day, options.json));
      return 0;
    },
  };
}
