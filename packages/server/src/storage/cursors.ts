import type { Kysely, Transaction } from "kysely";
import { preparedQuery } from "./prepared-query.ts";
import type { Schema } from "./schema.ts";

/** Each person's last seq, as read when their cursor row was locked, then as advanced. */
export type Cursors = Map<string, { locked: number; last: number }>;

/** Locking and saving the cursor rows of a write, with statements compiled once for `db`. */
export function cursorRows(db: Kysely<Schema>) {
  // The no-op upsert creates a missing row at 0 and takes the row's lock either way.
  const lockOne = preparedQuery<{ userId: string }, { last_seq: number }>((value) =>
    db
      .insertInto("user_seq")
      .values({ user_id: value("userId"), last_seq: 0 })
      .onConflict((conflict) =>
        conflict.column("user_id").doUpdateSet((eb) => ({ last_seq: eb.ref("user_seq.last_seq") })),
      )
      .returning("last_seq"),
  );
  const saveOne = preparedQuery<{ userId: string; last: number }, never>((value) =>
    db
      .updateTable("user_seq")
      .set({ last_seq: value("last") })
      .where("user_id", "=", value("userId")),
  );

  return {
    /**
     * Locks the cursor row of each person, creating it at 0 if missing, and reads it.
     * The upsert takes the row lock on PostgreSQL (a concurrent push for the same person waits
     * here until this one commits, then reads the advanced seq); on SQLite the first write
     * takes the database's write lock. Rows are locked in user-id order, so two group commits
     * never wait on each other in a cycle.
     */
    async lock(trx: Transaction<Schema>, userIds: readonly string[]): Promise<Cursors> {
      const cursors: Cursors = new Map();
      for (const userId of [...new Set(userIds)].sort()) {
        const [row] = await lockOne(trx, { userId });
        if (!row) throw new Error(`the cursor of ${userId} could not be locked`);
        cursors.set(userId, { locked: row.last_seq, last: row.last_seq });
      }
      return cursors;
    },

    /** Writes back the seq of each person whose log grew. */
    async save(trx: Transaction<Schema>, cursors: Cursors): Promise<void> {
      for (const [userId, { locked, last }] of cursors) {
        if (last !== locked) await saveOne(trx, { userId, last });
      }
    },
  };
}
