import type { Transaction } from "kysely";
import type { Schema } from "./schema.ts";

/** Each person's last seq, as read when their cursor row was locked, then as advanced. */
export type Cursors = Map<string, { locked: number; last: number }>;

/**
 * Locks the cursor row of each person, creating it at 0 if missing, and reads it.
 * The no-op upsert takes the row lock on PostgreSQL (a concurrent push for the same person
 * waits here until this one commits, then reads the advanced seq); on SQLite the first write
 * takes the database's write lock. Rows are locked in user-id order, so two group commits never
 * wait on each other in a cycle.
 */
export async function lockCursors(
  trx: Transaction<Schema>,
  userIds: readonly string[],
): Promise<Cursors> {
  const cursors: Cursors = new Map();
  for (const userId of [...new Set(userIds)].sort()) {
    const { last_seq } = await trx
      .insertInto("user_seq")
      .values({ user_id: userId, last_seq: 0 })
      .onConflict((conflict) =>
        conflict.column("user_id").doUpdateSet((eb) => ({ last_seq: eb.ref("user_seq.last_seq") })),
      )
      .returning("last_seq")
      .executeTakeFirstOrThrow();
    cursors.set(userId, { locked: last_seq, last: last_seq });
  }
  return cursors;
}

/** Writes back the seq of each person whose log grew. */
export async function saveCursors(trx: Transaction<Schema>, cursors: Cursors) {
  for (const [userId, { locked, last }] of cursors) {
    if (last === locked) continue;
    await trx
      .updateTable("user_seq")
      .set({ last_seq: last })
      .where("user_id", "=", userId)
      .execute();
  }
}
