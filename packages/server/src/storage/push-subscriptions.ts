import type { LimberEvent } from "@limber/core";
import type { Kysely, Selectable } from "kysely";
import { readStoredEvent } from "./event-bodies.ts";
import type { OnUnreadable } from "./event-log.ts";
import type { PushSubscriptionsTable, Schema } from "./schema.ts";

/** A device's subscription to reminders by Web Push, as the server keeps it. */
export interface PushSubscriptionRecord {
  userId: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
  /** The device's IANA time zone. */
  timeZone: string;
  createdAt: Date;
  /** The last local day a reminder was sent to it. */
  lastSentDay?: string;
}

export interface NewPushSubscription {
  userId: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
  timeZone: string;
  now: Date;
}

/** The most devices one account may receive reminders on. */
export const MAX_PUSH_SUBSCRIPTIONS = 20;

export interface PushSubscriptionStore {
  /**
   * Keeps a device's subscription for the person, replacing what was kept for its endpoint
   * (new keys, a new time zone) and taking the endpoint from any other account: a device
   * receives one person's reminders. False, keeping nothing, when the person already has
   * MAX_PUSH_SUBSCRIPTIONS others.
   */
  savePushSubscription(subscription: NewPushSubscription): Promise<boolean>;
  /** Forgets the person's subscription at this endpoint; false if there was none. */
  deletePushSubscription(userId: string, endpoint: string): Promise<boolean>;
  /** Forgets every subscription of the person (signing out everywhere). */
  deletePushSubscriptions(userId: string): Promise<void>;
  /** The person's subscriptions, oldest first. */
  pushSubscriptionsOf(userId: string): Promise<PushSubscriptionRecord[]>;
  /** The ids of everyone with at least one subscription. */
  pushSubscribers(): Promise<string[]>;
  /**
   * Claims the reminder of local `day` for the subscription: true once, for the first caller,
   * so a day's reminder is sent once even by two processes at once; false after that.
   */
  claimPushDay(userId: string, endpoint: string, day: string): Promise<boolean>;
  /**
   * What a reminder is decided from, in log order: the person's settings and withdrawals, and
   * their sessions dated `fromDay` or later. A row that no longer reads is left out and reported.
   */
  reminderEvents(
    userId: string,
    fromDay: string,
    onUnreadable?: OnUnreadable,
  ): Promise<LimberEvent[]>;
  /** Gives a claim back after a send that failed for now, so a later try may send it. */
  releasePushDay(userId: string, endpoint: string, day: string, before?: string): Promise<void>;
}

export function pushSubscriptionStore(db: Kysely<Schema>): PushSubscriptionStore {
  return {
    async savePushSubscription({ userId, endpoint, keys, timeZone, now }) {
      return db.transaction().execute(async (trx) => {
        await trx
          .deleteFrom("push_subscriptions")
          .where("endpoint", "=", endpoint)
          .where("user_id", "<>", userId)
          .execute();
        const existing = await trx
          .selectFrom("push_subscriptions")
          .select("endpoint")
          .where("user_id", "=", userId)
          .execute();
        const others = existing.filter((row) => row.endpoint !== endpoint).length;
        if (others >= MAX_PUSH_SUBSCRIPTIONS) return false;
        await trx
          .insertInto("push_subscriptions")
          .values({
            user_id: userId,
            endpoint,
            p256dh: keys.p256dh,
            auth: keys.auth,
            time_zone: timeZone,
            created_at: now.toISOString(),
            last_sent_day: null,
          })
          .onConflict((conflict) =>
            conflict.columns(["user_id", "endpoint"]).doUpdateSet({
              p256dh: keys.p256dh,
              auth: keys.auth,
              time_zone: timeZone,
            }),
          )
          .execute();
        return true;
      });
    },

    async deletePushSubscription(userId, endpoint) {
      const { numDeletedRows } = await db
        .deleteFrom("push_subscriptions")
        .where("user_id", "=", userId)
        .where("endpoint", "=", endpoint)
        .executeTakeFirst();
      return numDeletedRows > 0n;
    },

    async deletePushSubscriptions(userId) {
      await db.deleteFrom("push_subscriptions").where("user_id", "=", userId).execute();
    },

    async pushSubscriptionsOf(userId) {
      const rows = await db
        .selectFrom("push_subscriptions")
        .selectAll()
        .where("user_id", "=", userId)
        .orderBy("created_at")
        .orderBy("endpoint")
        .execute();
      return rows.map(toRecord);
    },

    async pushSubscribers() {
      const rows = await db
        .selectFrom("push_subscriptions")
        .select("user_id")
        .distinct()
        .orderBy("user_id")
        .execute();
      return rows.map((row) => row.user_id);
    },

    async claimPushDay(userId, endpoint, day) {
      const { numUpdatedRows } = await db
        .updateTable("push_subscriptions")
        .set({ last_sent_day: day })
        .where("user_id", "=", userId)
        .where("endpoint", "=", endpoint)
        .where((eb) => eb.or([eb("last_sent_day", "is", null), eb("last_sent_day", "<>", day)]))
        .executeTakeFirst();
      return numUpdatedRows > 0n;
    },

    async reminderEvents(userId, fromDay, onUnreadable) {
      const rows = await db
        .selectFrom("events")
        .select(["id", "seq", "body"])
        .where("user_id", "=", userId)
        .where((eb) =>
          eb.or([
            eb("type", "in", ["settings", "retract"]),
            eb.and([eb("type", "=", "session"), eb("day", ">=", fromDay)]),
          ]),
        )
        .orderBy("seq")
        .execute();
      const events: LimberEvent[] = [];
      for (const row of rows) {
        const read = readStoredEvent(row);
        if (read.ok) events.push(read.event);
        else onUnreadable?.({ userId, id: read.id, seq: read.seq, error: read.error });
      }
      return events;
    },

    async releasePushDay(userId, endpoint, day, before) {
      await db
        .updateTable("push_subscriptions")
        .set({ last_sent_day: before ?? null })
        .where("user_id", "=", userId)
        .where("endpoint", "=", endpoint)
        .where("last_sent_day", "=", day)
        .execute();
    },
  };
}

function toRecord(row: Selectable<PushSubscriptionsTable>): PushSubscriptionRecord {
  return {
    userId: row.user_id,
    endpoint: row.endpoint,
    keys: { p256dh: row.p256dh, auth: row.auth },
    timeZone: row.time_zone,
    createdAt: new Date(row.created_at),
    ...(row.last_sent_day ? { lastSentDay: row.last_sent_day } : {}),
  };
}
