import {
  type CheckIn,
  type Dated,
  EventParseError,
  type LimberState,
  parseLog,
  project,
} from "@limber/core";
import { CliInputError } from "./cli-input-error.ts";
import type { CliIo } from "./io.ts";

/** A log read from a file and folded, with the check-in of the day asked about. */
export interface LoggedDay {
  state: LimberState;
  date: string;
  checkIn: Dated<CheckIn>;
}

/**
 * Reads, validates and folds the log at `path`, then finds the day's check-in: the latest one
 * not withdrawn. With no `date`, the day of the log's last check-in, so a plan printed from an
 * old log is that log's plan and never depends on the machine's clock.
 */
export async function readLoggedDay(io: CliIo, path: string, date?: string): Promise<LoggedDay> {
  const state = project(await readEvents(io, path));
  const day = date ?? state.checkIns.at(-1)?.day;
  if (day === undefined) {
    throw new CliInputError("no-check-in", `${path} holds no check-in, so there is no day to read`);
  }
  const checkIn = state.checkIns.findLast((entry) => entry.day === day);
  if (!checkIn) {
    throw new CliInputError("no-check-in", `${path} has no check-in on ${day}`);
  }
  return { state, date: day, checkIn };
}

async function readEvents(io: CliIo, path: string) {
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
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && UNREADABLE[code]) return UNREADABLE[code];
  return oneLine(error instanceof Error ? error.message : String(error));
}

export const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, " ").trim();
