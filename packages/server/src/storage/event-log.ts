import type { LimberEvent } from "@limber/core";
import type { Insertable, Kysely } from "kysely";
import { cursorRows } from "./cursors.ts";
import { EventConflictError, QuotaExceededError, type StoredEventError } from "./errors.ts";
import {
  type ConflictRule,
  nextTurn,
  type PreparedEvent,
  prepareEvents,
  prepareEventsInTurns,
  readStoredEvent,
  type StoredRow,
  sameEvent,
} from "./event-bodies.ts";
import { preparedQuery } from "./prepared-query.ts";
import { recentEvents } from "./recent-events.ts";
import type { Schema } from "./schema.ts";

export interface PushBatch {
  userId: string;
  events: readonly LimberEvent[];
}

/** A device's sync: its push, the cursor it had before it, and who hears of unreadable rows. */
export interface SyncBatch extends PushBatch {
  since: number;
  onUnreadable?: OnUnreadable;
}

export interface PushResult {
  /** How many events were new; the rest were already stored. */
  inserted: number;
}

export interface EventPage {
  /** In the order the server stored them (seq order). */
  events: LimberEvent[];
  /** The seq of the last row read, or `since` when none was. */
  cursor: number;
  /** Rows read, unreadable ones included: a page of `limit` rows may have more after it. */
  rows: number;
}

/** A stored event that no longer reads, as reported: whose, which, and why. */
export interface UnreadableEvent {
  userId: string;
  id: string;
  seq: number;
  error: StoredEventError;
}

/**
 * What a reader does with a stored event that no longer reads. Given, the event is left out of
 * the answer and reported here; not given, the read fails with the StoredEventError.
 */
export type OnUnreadable = (problem: UnreadableEvent) => void;

export interface EventLogOptions {
  /** The most events one account may hold; a write past it stores nothing. */
  maxEventsPerAccount?: number;
}

export interface EventLog {
  /**
   * Stores the events not stored yet, each with the person's next seq, in one transaction.
   * Throws QuotaExceededError, storing nothing, when the log would grow past the account's limit.
   */
  pushEvents(userId: string, events: readonly LimberEvent[], now: Date): Promise<PushResult>;
  /**
   * Several pushes, from one person or many, in one transaction (one fsync), with each batch's
   * result in order; the same outcome as pushing them one by one. For group commit.
   */
  pushMany(batches: readonly PushBatch[], now: Date): Promise<PushResult[]>;
  /**
   * Up to `limit` events stored after the cursor `since`. The cursor moves past a row that no
   * longer reads too, so one damaged row never holds a device back.
   */
  pullEvents(
    userId: string,
    since: number,
    limit: number,
    onUnreadable?: OnUnreadable,
  ): Promise<EventPage>;
  /**
   * Several syncs at once, each a push and then the page after its `since`: the pushes in one
   * transaction, as pushMany, and each page what pullEvents would give right after it. A page
   * made only of events this process wrote lately comes from memory (recent-events.ts), with
   * no read; any other is read.
   */
  syncMany(syncs: readonly SyncBatch[], now: Date, limit: number): Promise<EventPage[]>;
  exportEvents(userId: string, onUnreadable?: OnUnreadable): Promise<LimberEvent[]>;
  /** The seq of the person's latest event: 0 for an empty log. */
  lastSeq(userId: string): Promise<number>;
  /**
   * A whole history, checked whole before anything is written: events already stored identically
   * are skipped, and an invalid event, an id stored with different content (EventConflictError)
   * or a log past the account's limit (QuotaExceededError) leaves nothing written. It is then
   * written in parts of IMPORT_PART events, one transaction each, with turns of the event loop
   * between, so no one else waits behind the whole of it. A failure part-way (a full disk, a
   * crash) keeps the parts already written; the same import sent again completes it.
   */
  importEvents(userId: string, events: readonly LimberEvent[], now: Date): Promise<PushResult>;
  countEvents(userId: string): Promise<number>;
}

/** The largest seq a cursor can hold: seq is a 32-bit `integer` column. */
export const MAX_SEQ = 2 ** 31 - 1;
/** Rows per statement: well inside both dialects' limits on bound parameters. */
const CHUNK = 500;
/**
 * Events an import writes in one transaction: a few milliseconds on SQLite, whose writes hold
 * the server's one connection (a whole 30,000-event history in one transaction held it for
 * about 200 ms on the benchmark machine, and a part of 1,000 about 20 ms).
 */
export const IMPORT_PART = 250;

export function eventLog(db: Kysely<Schema>, options: EventLogOptions = {}): EventLog {
  const maxEvents = options.maxEventsPerAccount ?? Number.POSITIVE_INFINITY;
  const cursorRow = cursorRows(db);
  const recent = recentEvents();
  // Every sync ends with this read: built and compiled once.
  const pageAfter = preparedQuery<{ userId: string; since: number; limit: number }, StoredRow>(
    (value) =>
      db
        .selectFrom("events")
        .select(["id", "seq", "body"])
        .where("user_id", "=", value("userId"))
        .where("seq", ">", value("since"))
        .orderBy("seq")
        .limit(value("limit")),
  );
  const write = async (batches: readonly PushBatch[], now: Date, rule: ConflictRule) => {
    // Validation happens before the transaction: nothing waits on a lock for a bad batch.
    const prepared = batches.map(({ userId, events }) => ({
      userId,
      events: prepareEvents(events, rule),
    }));
    const written = await db.transaction().execute(async (trx) => {
      const cursors = await cursorRow.lock(
        trx,
        prepared.map((batch) => batch.userId),
      );
      // Each person's events this write adds, in seq order from just after `locked`.
      const added = new Map<string, { locked: number; events: LimberEvent[] }>();
      for (const [userId, { locked }] of cursors) added.set(userId, { locked, events: [] });
      const stored = await storedBodies(trx, prepared);
      const rows: NewEventRow[] = [];
      const results = prepared.map(({ userId, events }) => {
        const cursor = cursors.get(userId);
        const seen = stored.get(userId);
        if (!cursor || !seen)
          throw new Error(`the cursor of ${userId} was not locked before writing`);
        let inserted = 0;
        for (const { event, body, position } of events) {
          const storedBody = seen.get(event.id);
          if (storedBody === undefined) {
            cursor.last += 1;
            inserted += 1;
            seen.set(event.id, body);
            added.get(userId)?.events.push(event);
            rows.push({
              user_id: userId,
              id: event.id,
              seq: cursor.last,
              at: event.at,
              day: event.day,
              type: event.type,
              body,
              received_at: now.toISOString(),
            });
          } else if (rule === "refuse" && !sameEvent(storedBody, { event, body, position })) {
            throw new EventConflictError(event.id, position);
          }
        }
        if (cursor.last > maxEvents) throw new QuotaExceededError(maxEvents);
        return { inserted };
      });
      // One statement for the whole group's new rows (in chunks), not one a push.
      for (let start = 0; start < rows.length; start += CHUNK) {
        await trx
          .insertInto("events")
          .values(rows.slice(start, start + CHUNK))
          .execute();
      }
      await cursorRow.save(trx, cursors);
      return { results, added };
    });
    // Committed: only now are the added events part of the log.
    for (const [userId, { locked, events }] of written.added) {
      recent.committed(userId, locked, events);
    }
    return written.results;
  };

  const pullEvents: EventLog["pullEvents"] = async (userId, since, limit, onUnreadable) => {
    checkPage(since, limit);
    const rows = await pageAfter(db, { userId, since, limit });
    return {
      events: readRows(userId, rows, onUnreadable),
      cursor: rows.at(-1)?.seq ?? since,
      rows: rows.length,
    };
  };

  const eventsAfter = (userId: string, since: number) =>
    db
      .selectFrom("events")
      .select(["id", "seq", "body"])
      .where("user_id", "=", userId)
      .where("seq", ">", since)
      .orderBy("seq");

  return {
    async pushEvents(userId, events, now) {
      const [result] = await write([{ userId, events }], now, "keep-stored");
      return result ?? { inserted: 0 };
    },
    pushMany: (batches, now) => write(batches, now, "keep-stored"),
    async importEvents(userId, events, now) {
      const prepared = await prepareEventsInTurns(events, "refuse");
      const stored = await storedBodies(db, [{ userId, events: prepared }], nextTurn);
      const mine = stored.get(userId) ?? new Map<string, string>();
      const fresh: LimberEvent[] = [];
      for (const event of prepared) {
        const storedBody = mine.get(event.event.id);
        if (storedBody === undefined) fresh.push(event.event);
        else if (!sameEvent(storedBody, event)) {
          throw new EventConflictError(event.event.id, event.position);
        }
      }
      if ((await this.lastSeq(userId)) + fresh.length > maxEvents) {
        throw new QuotaExceededError(maxEvents);
      }
      let inserted = 0;
      for (let start = 0; start < fresh.length; start += IMPORT_PART) {
        if (start > 0) await nextTurn();
        const part = fresh.slice(start, start + IMPORT_PART);
        const [result] = await write([{ userId, events: part }], now, "refuse");
        inserted += result?.inserted ?? 0;
      }
      return { inserted };
    },

    pullEvents,

    async syncMany(syncs, now, limit) {
      for (const { since } of syncs) checkPage(since, limit);
      await write(syncs, now, "keep-stored");
      const pages: EventPage[] = [];
      for (const { userId, since, onUnreadable } of syncs) {
        const remembered = recent.pageAfter(userId, since, limit);
        pages.push(remembered ?? (await pullEvents(userId, since, limit, onUnreadable)));
      }
      return pages;
    },

    async exportEvents(userId, onUnreadable) {
      return readRows(userId, await eventsAfter(userId, 0).execute(), onUnreadable);
    },

    async lastSeq(userId) {
      const row = await db
        .selectFrom("user_seq")
        .select("last_seq")
        .where("user_id", "=", userId)
        .executeTakeFirst();
      return row?.last_seq ?? 0;
    },

    async countEvents(userId) {
      const { count } = await db
        .selectFrom("events")
        .select((eb) => eb.fn.countAll().as("count"))
        .where("user_id", "=", userId)
        .executeTakeFirstOrThrow();
      // PostgreSQL counts in bigint, which pg hands back as a string.
      return Number(count);
    },
  };
}

type NewEventRow = Insertable<Schema["events"]>;

/** The rows' events, each unreadable one reported and left out, or thrown when none listens. */
function readRows(
  userId: string,
  rows: readonly StoredRow[],
  onUnreadable: OnUnreadable | undefined,
): LimberEvent[] {
  const events: LimberEvent[] = [];
  for (const row of rows) {
    const read = readStoredEvent(row);
    if (read.ok) events.push(read.event);
    else if (onUnreadable) onUnreadable({ userId, id: read.id, seq: read.seq, error: read.error });
    else throw read.error;
  }
  return events;
}

/**
 * The bodies already stored under the ids a group of pushes brings, by person then id: one
 * query a person (in chunks), however many of the group's pushes are theirs.
 */
async function storedBodies(
  trx: Kysely<Schema>,
  batches: readonly { userId: string; events: readonly PreparedEvent[] }[],
  /** Waited for between two queries, when reading outside a transaction may take turns. */
  between?: () => Promise<void>,
): Promise<Map<string, Map<string, string>>> {
  const idsByUser = new Map<string, Set<string>>();
  for (const { userId, events } of batches) {
    const ids = idsByUser.get(userId) ?? new Set<string>();
    for (const { event } of events) ids.add(event.id);
    idsByUser.set(userId, ids);
  }
  const stored = new Map<string, Map<string, string>>();
  for (const [userId, idSet] of idsByUser) {
    const bodies = new Map<string, string>();
    const ids = [...idSet];
    for (let start = 0; start < ids.length; start += CHUNK) {
      if (start > 0) await between?.();
      const rows = await trx
        .selectFrom("events")
        .select(["id", "body"])
        .where("user_id", "=", userId)
        .where("id", "in", ids.slice(start, start + CHUNK))
        .execute();
      for (const row of rows) bodies.set(row.id, row.body);
    }
    stored.set(userId, bodies);
  }
  return stored;
}

/** A page's cursor and size, as a caller inside the server gives them (the route checks its own input). */
function checkPage(since: number, limit: number) {
  if (!Number.isSafeInteger(since) || since < 0 || since > MAX_SEQ) {
    throw new RangeError(`since must be a whole number from 0 to ${MAX_SEQ}, not ${since}`);
  }
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new RangeError(`limit must be a whole number of at least 1, not ${limit}`);
  }
}
