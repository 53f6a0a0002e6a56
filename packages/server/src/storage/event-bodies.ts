import { setImmediate } from "node:timers/promises";
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
  const preparer = eventPreparer(rule);
  for (const [index, raw] of events.entries()) preparer.add(raw, index + 1);
  return preparer.prepared();
}

/** Events checked between turns of the event loop: `prepareEvents` for a whole history. */
export async function prepareEventsInTurns(
  events: readonly LimberEvent[],
  rule: ConflictRule,
): Promise<PreparedEvent[]> {
  const preparer = eventPreparer(rule);
  await forEachInTurns(events, (raw, index) => preparer.add(raw, index + 1));
  return preparer.prepared();
}

/**
 * Items handled in one turn of the event loop when a long list is handled in turns: a few
 * milliseconds of checking, so another person's request waits no longer than that behind a
 * whole history.
 */
export const EVENTS_PER_TURN = 250;

/** Lets every request already waiting run before going on (a macrotask, not a microtask). */
export const nextTurn = (): Promise<void> => setImmediate();

/** `step` on each item, EVENTS_PER_TURN of them a turn of the event loop. */
export async function forEachInTurns<T>(
  items: readonly T[],
  step: (item: T, index: number) => void,
): Promise<void> {
  for (let start = 0; start < items.length; start += EVENTS_PER_TURN) {
    if (start > 0) await nextTurn();
    const end = Math.min(items.length, start + EVENTS_PER_TURN);
    for (let index = start; index < end; index++) step(items[index] as T, index);
  }
}

function eventPreparer(rule: ConflictRule) {
  const byId = new Map<string, PreparedEvent>();
  return {
    add(raw: LimberEvent, position: number) {
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
    },
    prepared: () => [...byId.values()],
  };
}

/**
 * Whether a stored body and a prepared one are the same event, after any upgrade of `v`. A
 * stored body that no longer reads is not the same as anything.
 */
export function sameEvent(storedBody: string, prepared: PreparedEvent): boolean {
  if (storedBody === prepared.body) return true;
  const stored = readStoredEvent({ id: prepared.event.id, seq: 0, body: storedBody });
  return stored.ok && JSON.stringify(stored.event) === prepared.body;
}

/** A stored row as read back: its id, its seq and its body. */
export interface StoredRow {
  id: string;
  seq: number;
  body: string;
}

export type StoredRead =
  | { ok: true; event: LimberEvent }
  | { ok: false; error: StoredEventError; id: string; seq: number };

/**
 * Reads a stored event back. A body at its type's current version was validated by this same
 * schema when it was written, so it is returned as stored (a pull of 1,000 events would
 * otherwise spend most of its time validating again); an older version goes through the schema,
 * so it comes out upgraded. A body that no longer reads (the database was changed outside
 * Limber, or damaged) is reported, never thrown at a person's sync.
 */
export function readStoredEvent(row: StoredRow): StoredRead {
  const failed = (why: string): StoredRead => ({
    ok: false,
    error: new StoredEventError(`The stored event ${row.id} at seq ${row.seq} ${why}`),
    id: row.id,
    seq: row.seq,
  });
  let raw: unknown;
  try {
    raw = JSON.parse(row.body);
  } catch {
    return failed("is not valid JSON.");
  }
  if (isCurrentVersion(raw) && (raw as { id?: unknown }).id === row.id) {
    return { ok: true, event: raw };
  }
  const parsed = parseEvent(raw);
  if (!parsed.ok) return failed(`is invalid: ${parsed.error.message}`);
  if (parsed.event.id !== row.id) return failed("carries another event's id.");
  return { ok: true, event: parsed.event };
}

function isCurrentVersion(raw: unknown): raw is LimberEvent {
  const { type, v } = (raw ?? {}) as { type?: unknown; v?: unknown };
  return (
    typeof type === "string" &&
    Object.hasOwn(EVENT_TYPES, type) &&
    EVENT_TYPES[type as EventType].v === v
  );
}
