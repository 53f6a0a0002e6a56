import type { Kysely, Selectable } from "kysely";
import {
  afterFailure,
  type FailureRecord,
  failuresInRun,
  type RateLimitPolicy,
} from "./rate-limit-policy.ts";
import type { RateLimitsTable, Schema } from "./schema.ts";

export interface RateLimits {
  /** Counts one failure against `key` and returns its run, blocked or not. */
  recordFailure(key: string, now: Date, policy: RateLimitPolicy): Promise<FailureRecord>;
  /** Forgets the key's failures (after a success). */
  clearFailures(key: string): Promise<void>;
  /** When the key's block ends, if it is blocked at `now`. */
  blockedUntil(key: string, now: Date): Promise<Date | undefined>;
  /** The failures counted against the key in its run still going at `now` (0 if none is). */
  recentFailures(key: string, now: Date, policy: RateLimitPolicy): Promise<number>;
}

/**
 * Sign-in limits kept in the database rather than in memory, so every server process behind a
 * load balancer counts the same failures.
 */
export function rateLimits(db: Kysely<Schema>): RateLimits {
  return {
    async recordFailure(key, now, policy) {
      return db.transaction().execute(async (trx) => {
        // The no-op upsert creates a zero-failure row if none exists and, on PostgreSQL, locks
        // the row, so two processes counting the same key at once both count.
        const row = await trx
          .insertInto("rate_limits")
          .values({ key, failures: 0, window_started_at: now.toISOString(), blocked_until: null })
          .onConflict((conflict) =>
            conflict
              .column("key")
              .doUpdateSet((eb) => ({ failures: eb.ref("rate_limits.failures") })),
          )
          .returningAll()
          .executeTakeFirstOrThrow();
        const next = afterFailure(toRecord(row), now, policy);
        await trx
          .updateTable("rate_limits")
          .set({
            failures: next.failures,
            window_started_at: next.windowStartedAt.toISOString(),
            blocked_until: next.blockedUntil?.toISOString() ?? null,
          })
          .where("key", "=", key)
          .execute();
        return next;
      });
    },

    async clearFailures(key) {
      await db.deleteFrom("rate_limits").where("key", "=", key).execute();
    },

    async recentFailures(key, now, policy) {
      const row = await db
        .selectFrom("rate_limits")
        .selectAll()
        .where("key", "=", key)
        .executeTakeFirst();
      return failuresInRun(row && toRecord(row), now, policy);
    },

    async blockedUntil(key, now) {
      const row = await db
        .selectFrom("rate_limits")
        .select("blocked_until")
        .where("key", "=", key)
        .where("blocked_until", ">", now.toISOString())
        .executeTakeFirst();
      return row?.blocked_until ? new Date(row.blocked_until) : undefined;
    },
  };
}

function toRecord(row: Selectable<RateLimitsTable>): FailureRecord {
  return {
    failures: row.failures,
    windowStartedAt: new Date(row.window_started_at),
    ...(row.blocked_until ? { blockedUntil: new Date(row.blocked_until) } : {}),
  };
}
