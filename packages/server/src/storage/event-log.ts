import type { LimberEvent } from "@limber/core";
import type { Insertable, Kysely, Transaction } from "kysely";
import { cursorRows } from "./cursors.ts";
import { EventConflictError } from "./errors.ts";
import {
  type ConflictRule,
  type PreparedEvent,
  prepareEvents,
  readStoredEvent,
  sameEvent,
} from "./event-bodies.ts";
import { preparedQuery } from "./prepared-query.ts";
import { recentEvents } from "./recent-events.ts";
import type { Schema } from "./schema.ts";

export interface PushBatch {
  userId: string;
  events: readonly LimberEvent[];
}

/** A device's sync: its push, and the cursor it had before it. */
export interface SyncBatch extends PushBatch {
  since: number;
}

export interface PushResult {
  /** How many events were new; the rest were already stored. */
  inserted: number;
}

export interface EventPage {
  /** In the order the server stored them (seq order). */
  events: LimberEvent[];
  /** The seq of the last event returned, or `since` when none was. */
  cursor: number;
}

export interface EventLog {
  /** Stores the events not stored yet, each with the person's next seq, in one transaction. */
  pushEvents(userId: string, events: readonly LimberEvent[], now: Date): Promise<PushResult>;
  /**
   * Several pushes, from one person or many, in one transaction (one fsync), with each batch's
   * result in order; the same outcome as pushing them one by one. For group commit.
   */
  pushMany(batches: readonly PushBatch[], now: Date): Promise<PushResult[]>;
  /** Up to `limit` events stored after the cursor `since`. */
  pullEvents(userId: string, since: number, limit: number): Promise<EventPage>;
  /**
   * Several syncs at once, each a push and then the page after its `since`: the pushes in one
   * transaction, as pushMany, and each page what pullEvents would give right after it. A page
   * made only of events this process wrote lately comes from memory (recent-events.ts), with
   * no read; any other is read.
   */
  syncMany(syncs: readonly SyncBatch[], now: Date, limit: number): Promise<EventPage[]>;
  exportEvents(userId: string): Promise<LimberEvent[]>;
  /**
   * All or nothing: events already stored identically are skipped, and an invalid event or an
   * id stored with different content (EventConflictError) leaves nothing written.
   */
  importEvents(userId: string, events: readonly LimberEvent[], now: Date): Promise<PushResult>;
  countEvents(userId: string): Promise<number>;
}

/** The largest seq a cursor can hold: seq is a 32-bit `integer` column. */
export const MAX_SEQ = 2 ** 31 - 1;
/** Rows per statement: well inside both dialects' limits on bound parameters. */
const CHUNK = 500;

export function eventLog(db: Kysely<Schema>): EventLog {
  const cursorRow = cursorRows(db);
  const recent = recentEvents();
  // Every sync ends with this read: built and compiled once.
  const pageAfter = preparedQuery<
    { userId: string; since: number; limit: number },
    { seq: number; body: string }
  >((value) =>
    db
      .selectFrom("events")
      .select(["seq", "body"])
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
      const stored = await storedBodies(trx, prepared);
      const rows: NewEventRow[] = [];
      // Each person's events this write adds, in seq order from just after `locked`.
      const added = new Map<string, { locked: number; events: LimberEvent[] }>();
      for (const [userId, { locked }] of cursors) added.set(userId, { locked, events: [] });
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

  const pullEvents: EventLog["pullEvents"] = async (userId, since, limit) => {
    checkPage(since, limit);
    const rows = await pageAfter(db, { userId, since, limit });
    return {
      events: rows.map((row) => readStoredEvent(row.body, row.seq)),
      cursor: rows.at(-1)?.seq ?? since,
    };
  };

  const eventsAfter = (userId: string, since: number) =>
    db
      .selectFrom("events")
      .select(["seq", "body"])
      .where("user_id", "=", userId)
      .where("seq", ">", since)
      .orderBy("seq");

  return {
    async pushEvents(userId, events, now) {
      const [result] = await write([{ userId, events }], now, "keep-stored");
      return result ?? { inserted: 0 };
    },
    pushMany: (batches, now) => write(batches, now, "keep-stored"),
    async syncMany(syncs, now, limit) {
      for (const { since } of syncs) checkPage(since, limit);
      await write(syncs, now, "keep-stored");
      const pages: EventPage[] = [];
      for (const { userId, since } of syncs) {
        const remembered = recent.pageAfter(userId, since, limit);
        pages.push(remembered ?? (await pullEvents(userId, since, limit)));
      }
      return pages;
    },
    async importEvents(userId, events, now) {
      const [result] = await write([{ userId, events }], now, "refuse");
      return result ?? { inserted: 0 };
    },

    pullEvents,

    async exportEvents(userId) {
      const rows = await eventsAfter(userId, 0).execute();
      return rows.map((row) => readStoredEvent(row.body, row.seq));
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

/** A page's cursor and size, as a caller inside the server gives them (the route checks its own input). */
function checkPage(since: number, limit: number) {
  if (!Number.isSafeInteger(since) || since < 0 || since > MAX_SEQ) {
    throw new RangeError(`since must be a whole number from 0 to ${MAX_SEQ}, not ${since}`);
  }
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new RangeError(`limit must be a whole number of at least 1, not ${limit}`);
  }
}

/**
 * The bodies already stored under the ids a group of pushes brings, by person then id: one
 * query a person (in chunks), however many of the group's pushes are theirs.
 */
async function storedBodies(
  trx: Transaction<Schema>,
  batches: readonly { userId: string; events: readonly PreparedEvent[] }[],
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
