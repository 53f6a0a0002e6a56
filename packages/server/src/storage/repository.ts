import type { Database } from "./database.ts";
import { type EventLog, type EventLogOptions, eventLog } from "./event-log.ts";
import { type PushSubscriptionStore, pushSubscriptionStore } from "./push-subscriptions.ts";
import { type RateLimits, rateLimits } from "./rate-limits.ts";
import { type SessionStore, sessionStore } from "./sessions.ts";
import { type UserStore, userStore } from "./users.ts";

export type {
  EventLog,
  EventLogOptions,
  EventPage,
  OnUnreadable,
  PushBatch,
  PushResult,
  UnreadableEvent,
} from "./event-log.ts";
export type {
  NewPushSubscription,
  PushSubscriptionRecord,
  PushSubscriptionStore,
} from "./push-subscriptions.ts";
export type { FailureRecord, RateLimitPolicy } from "./rate-limit-policy.ts";
export type { RateLimits } from "./rate-limits.ts";
export type { AuthSession, NewSession, SessionStore } from "./sessions.ts";
export type { NewUser, User, UserStore } from "./users.ts";

/**
 * Everything the server keeps: accounts, sign-in sessions, each person's event log, the
 * sign-in limits and the devices reminders go to by Web Push. One implementation serves SQLite and PostgreSQL; the contract suite
 * (repository.contract.ts) holds both to the same behaviour.
 */
export interface Repository
  extends UserStore,
    SessionStore,
    EventLog,
    RateLimits,
    PushSubscriptionStore {}

/** The repository over an open database (migrated with `migrateToLatest` first). */
export function createRepository(database: Database, options: EventLogOptions = {}): Repository {
  const { db } = database;
  return {
    ...userStore(db),
    ...sessionStore(db),
    ...eventLog(db, options),
    ...rateLimits(db),
    ...pushSubscriptionStore(db),
  };
}
