import { en } from "zod/locales";
import type { z } from "zod/mini";
import { EVENT_TYPES, eventSchema, type LimberEvent } from "./schema.ts";

/** Why an event or a log could not be read: a plain sentence naming the place and the field. */
export class EventParseError extends Error {
  readonly code = "invalid-event";
  constructor(
    message: string,
    /** 1-based line (NDJSON) or position (JSON array) of the event in its log, when known. */
    readonly position?: number,
    /** The field that was wrong, as a dotted path, when known. */
    readonly field?: string,
    /**
     * The schema's own words for what was wrong, when it has some ("the work window ends after it
     * starts"): a sentence a person can read, unlike the validator's generic text.
     */
    readonly plain?: string,
  ) {
    super(message);
    this.name = "EventParseError";
  }
}

/** Plain English messages, named per parse so that no global setting is needed. */
const ENGLISH = { error: en().localeError };

export type ParseResult = { ok: true; event: LimberEvent } | { ok: false; error: EventParseError };

function describeIssue(issue: z.core.$ZodIssue): { field: string; message: string } {
  const field = issue.path.map(String).join(".");
  return { field, message: field ? `${field}: ${issue.message}` : issue.message };
}

/**
 * Validates one event from outside (storage, sync, import, a file). Events written by a newer
 * Limber are refused rather than guessed at; when a type's `v` moves on, the upgrade from the
 * older shape is a pure function applied here, before validation.
 */
export function parseEvent(raw: unknown, position?: number): ParseResult {
  const fail = (message: string, field?: string): ParseResult => ({
    ok: false,
    error: new EventParseError(message, position, field),
  });
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return fail("an event is a JSON object");
  }
  const { type, v } = raw as { type?: unknown; v?: unknown };
  if (typeof type !== "string" || !Object.hasOwn(EVENT_TYPES, type)) {
    const what = type === undefined ? "missing" : `unknown event type ${JSON.stringify(type)}`;
    return fail(`type: ${what}; expected one of ${Object.keys(EVENT_TYPES).join(", ")}`, "type");
  }
  const current = EVENT_TYPES[type as keyof typeof EVENT_TYPES].v;
  if (typeof v === "number" && Number.isInteger(v) && v > current) {
    return fail(
      `v: this ${type} event is version ${v}, written by a newer Limber (this one reads up to ${current})`,
      "v",
    );
  }
  const parsed = eventSchema.safeParse(raw, ENGLISH);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const { field, message } = first ? describeIssue(first) : { field: "", message: "invalid" };
    return {
      ok: false,
      error: new EventParseError(message, position, field || undefined, ownWords(raw)),
    };
  }
  return { ok: true, event: parsed.data };
}

/** Marks a message the schema did not write itself. */
const GENERIC = "\u0000generic";

/**
 * The schema's own message for the first problem, when it wrote one: parsed again with every
 * generic message replaced by a mark, the schema's own words are what is left (a schema's
 * message wins over the parse's). Only on the way out of a failed parse.
 */
function ownWords(raw: unknown): string | undefined {
  const again = eventSchema.safeParse(raw, { error: () => GENERIC });
  const message = again.success ? undefined : again.error.issues[0]?.message;
  return message && message !== GENERIC ? message : undefined;
}

/**
 * Reads a whole log: a JSON array of events, or NDJSON (one event per line, blank lines
 * allowed). Throws an EventParseError naming the first bad line or position.
 */
export function parseLog(file: string): LimberEvent[] {
  // Some editors start a file with a byte-order mark; it is not part of the first event.
  const text = file.replace(/^\uFEFF/, "");
  const trimmed = text.trim();
  if (trimmed === "") return [];
  if (trimmed.startsWith("[")) {
    let raw: unknown;
    try {
      raw = JSON.parse(trimmed);
    } catch (error) {
      throw new EventParseError(`the log is not valid JSON (${(error as Error).message})`);
    }
    if (!Array.isArray(raw)) throw new EventParseError("the log is not a JSON array");
    return raw.map((item, index) => unwrap(parseEvent(item, index + 1), "event"));
  }
  const events: LimberEvent[] = [];
  const lines = text.split("\n");
  for (const [index, line] of lines.entries()) {
    if (line.trim() === "") continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new EventParseError(`line ${index + 1}: not valid JSON`, index + 1);
    }
    events.push(unwrap(parseEvent(raw, index + 1), "line"));
  }
  return events;
}

function unwrap(result: ParseResult, unit: "line" | "event"): LimberEvent {
  if (result.ok) return result.event;
  const { position, message, field } = result.error;
  throw new EventParseError(`${unit} ${position}: ${message}`, position, field);
}
