import type { LimberEvent } from "@limber/core";
import type { Kysely, Transaction } from "kysely";
import { type Cursors, lockCursors, saveCursors } from "./cursors.ts";
import { EventConflictError } from "./errors.ts";
import {
  type ConflictRule,
  type PreparedEvent,
  prepareEvents,
  readStoredEvent,
  sameEvent,
} from "./event-bodies.ts";
import type { Schema } from "./schema.ts";

export interface PushBatch {
  userId: string;
  events: readonly LimberEvent[];
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
  const write = async (batches: readonly PushBatch[], now: Date, rule: ConflictRule) => {
    // Validation happens before the transaction: nothing waits on a lock for a bad batch.
    const prepared = batches.map(({ userId, events }) => ({
      userId,
      events: prepareEvents(events, rule),
    }));
    return db.transaction().execute(async (trx) => {
      const cursors = await lockCursors(
        trx,
        prepared.map((batch) => batch.userId),
      );
      const results: PushResult[] = [];
      for (const { userId, events } of prepared) {
        results.push({ inserted: await appendEvents(trx, userId, events, cursors, now, rule) });
      }
      await saveCursors(trx, cursors);
      return results;
    });
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
    async importEvents(userId, events, now) {
      const [result] = await write([{ userId, events }], now, "refuse");
      return result ?? { inserted: 0 };
    },

    async pullEvents(userId, since, limit) {
      if (!Number.isSafeInteger(since) || since < 0 || since > MAX_SEQ) {
        throw new RangeError(`since must be a whole number from 0 to ${MAX_SEQ}, not ${since}`);
      }
      if (!Number.isSafeInteger(limit) || limit < 1) {
        throw new RangeError(`limit must be a whole number of at least 1, not ${limit}`);
      }
      const rows = await eventsAfter(userId, since).limit(limit).execute();
      return {
        events: rows.map((row) => readStoredEvent(row.body, row.seq)),
        cursor: rows.at(-1)?.seq ?? since,
      };
    },

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

/** Inserts the events the person does not have yet, numbering them on; returns how many. */
async function appendEvents(
  trx: Transaction<Schema>,
  userId: string,
  events: readonly PreparedEvent[],
  cursors: Cursors,
  now: Date,
  rule: ConflictRule,
): Promise<number> {
  const cursor = cursors.get(userId);
  if (!cursor) throw new Error(`the cursor of ${userId} was not locked before writing`);
  let inserted = 0;
  for (let start = 0; start < events.length; start += CHUNK) {
    const chunk = events.slice(start, start + CHUNK);
    const stored = await trx
      .selectFrom("events")
      .select(["id", "body"])
      .where("user_id", "=", userId)
      .where(
        "id",
        "in",
        chunk.map((prepared) => prepared.event.id),
      )
      .execute();
    const storedBodies = new Map(stored.map((row) => [row.id, row.body]));
    const rows = [];
    for (const prepared of chunk) {
      const storedBody = storedBodies.get(prepared.event.id);
      if (storedBody === undefined) {
        const { event, body } = prepared;
        cursor.last += 1;
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
      } else if (rule === "refuse" && !sameEvent(storedBody, prepared)) {
        throw new EventConflictError(prepared.event.id, prepared.position);
      }
    }
    if (rows.length > 0) await trx.insertInto("events").values(rows).execute();
    inserted += rows.length;
  }
  return inserted;
}
