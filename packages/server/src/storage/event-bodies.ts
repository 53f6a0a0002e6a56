import {
  EVENT_TYPES,
  EventParseError,
  type EventType,
  type LimberEvent,
  parseEvent,
} from "@limber/core";
import { EventConflictError, StoredEventError } from "./errors.ts";

/** An event checked and serialised for storage, with its 1-based place in what was sent. */
export interface PreparedEvent {
  event: LimberEvent;
  body: string;
  position: number;
}

/**
 * What to do with an event whose id is already taken by different content. A sync push keeps
 * what is stored (the log is a grow-only set; the first copy wins); an import refuses.
 */
export type ConflictRule = "keep-stored" | "refuse";

/** Events this process's own schema check produced, so storage need not check them again. */
const validated = new WeakSet<object>();

/**
 * `parseEvent`, remembering each event it accepts: the sync route validates a push as it reads
 * it, and storage then trusts those same objects rather than validating every event twice.
 */
export function validateEvent(raw: unknown, position?: number): ReturnType<typeof parseEvent> {
  const result = parseEvent(raw, position);
  if (result.ok) validated.add(result.event);
  return result;
}

/**
 * Validates each event (storage is a boundary too: anything not produced by `validateEvent`
 * goes through the schema here) and drops repeats of an id within the batch.
 * Throws EventParseError naming the first invalid event, or EventConflictError when the rule
 * refuses and one id arrives with two contents.
 */
export function prepareEvents(events: readonly LimberEvent[], rule: ConflictRule): PreparedEvent[] {
  const byId = new Map<string, PreparedEvent>();
  events.forEach((raw, index) => {
    const position = index + 1;
    const parsed = validated.has(raw)
      ? ({ ok: true, event: raw } as const)
      : validateEvent(raw, position);
    if (!parsed.ok) {
      const { message, field } = parsed.error;
      throw new EventParseError(`event ${position}: ${message}`, position, field);
    }
    const { event } = parsed;
    const body = JSON.stringify(event);
    const first = byId.get(event.id);
    if (!first) byId.set(event.id, { event, body, position });
    else if (rule === "refuse" && first.body !== body) {
      throw new EventConflictError(event.id, position);
    }
  });
  return [...byId.values()];
}

/** Whether a stored body and a prepared one are the same event, after any upgrade of `v`. */
export function sameEvent(storedBody: string, prepared: PreparedEvent): boolean {
  if (storedBody === prepared.body) return true;
  const stored = parseEvent(JSON.parse(storedBody));
  return stored.ok && JSON.stringify(stored.event) === prepared.body;
}

/**
 * Reads a stored event back. A body at its type's current version was validated by this same
 * schema when it was written, so it is returned as stored (a pull of 1,000 events would
 * otherwise spend most of its time validating again); an older version goes through the schema,
 * so it comes out upgraded.
 */
export function readStoredEvent(body: string, seq: number): LimberEvent {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    throw new StoredEventError(`The stored event at seq ${seq} is not valid JSON.`);
  }
  if (isCurrentVersion(raw)) return raw;
  const parsed = parseEvent(raw);
  if (!parsed.ok) {
    throw new StoredEventError(
      `The stored event at seq ${seq} is invalid: ${parsed.error.message}`,
    );
  }
  return parsed.event;
}

function isCurrentVersion(raw: unknown): raw is LimberEvent {
  const { type, v } = (raw ?? {}) as { type?: unknown; v?: unknown };
  return (
    typeof type === "string" &&
    Object.hasOwn(EVENT_TYPES, type) &&
    EVENT_TYPES[type as EventType].v === v
  );
}
