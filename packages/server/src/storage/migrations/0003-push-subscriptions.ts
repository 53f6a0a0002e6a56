import type { Kysely, Migration } from "kysely";

/**
 * Where each signed-in device that asked for reminders by Web Push receives them: the push
 * service's endpoint and the keys its messages are encrypted to (RFC 8291), the device's time
 * zone, and the last local day a reminder was sent there, so no day's reminder goes twice. Keyed
 * by the person first, as every table of theirs is; an endpoint belongs to one account at a time.
 */
export const pushSubscriptions: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("push_subscriptions")
      .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("endpoint", "text", (c) => c.notNull())
      .addColumn("p256dh", "text", (c) => c.notNull())
      .addColumn("auth", "text", (c) => c.notNull())
      .addColumn("time_zone", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("last_sent_day", "text")
      .addPrimaryKeyConstraint("push_subscriptions_pk", ["user_id", "endpoint"])
      .execute();
    await db.schema
      .createIndex("push_subscriptions_endpoint")
      .on("push_subscriptions")
      .column("endpoint")
      .execute();
  },
};
