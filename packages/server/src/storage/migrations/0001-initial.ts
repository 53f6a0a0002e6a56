import type { Kysely, Migration } from "kysely";

/**
 * Accounts, sign-in sessions, the event log with its per-person cursor, and sign-in limits.
 * Types are the ones both SQLite and PostgreSQL read the same way: text for ids, ISO-8601
 * timestamps and JSON; `integer` for counters (a person writes about 1,000 events a year, so a
 * 32-bit seq lasts, and PostgreSQL hands `integer` back as a number where `bigint` is a string).
 */
export const initial: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("users")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("email", "text", (c) => c.notNull().unique())
      .addColumn("password_hash", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("password_changed_at", "text", (c) => c.notNull())
      .execute();

    await db.schema
      .createTable("auth_sessions")
      .addColumn("token_hash", "text", (c) => c.primaryKey())
      .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("expires_at", "text", (c) => c.notNull())
      .addColumn("last_seen_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("auth_sessions_user_id")
      .on("auth_sessions")
      .column("user_id")
      .execute();

    // The unique key on (user_id, seq) is also the index that pulls by cursor read.
    await db.schema
      .createTable("events")
      .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("id", "text", (c) => c.notNull())
      .addColumn("seq", "integer", (c) => c.notNull())
      .addColumn("at", "text", (c) => c.notNull())
      .addColumn("day", "text", (c) => c.notNull())
      .addColumn("type", "text", (c) => c.notNull())
      .addColumn("body", "text", (c) => c.notNull())
      .addColumn("received_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("events_pk", ["user_id", "id"])
      .addUniqueConstraint("events_user_seq", ["user_id", "seq"])
      .execute();

    await db.schema
      .createTable("user_seq")
      .addColumn("user_id", "text", (c) =>
        c.primaryKey().references("users.id").onDelete("cascade"),
      )
      .addColumn("last_seq", "integer", (c) => c.notNull())
      .execute();

    // Not keyed by user: a key may name an address or an email with no account behind it.
    await db.schema
      .createTable("rate_limits")
      .addColumn("key", "text", (c) => c.primaryKey())
      .addColumn("failures", "integer", (c) => c.notNull())
      .addColumn("window_started_at", "text", (c) => c.notNull())
      .addColumn("blocked_until", "text")
      .execute();
  },
};
