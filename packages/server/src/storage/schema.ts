/**
 * The tables as Kysely sees them. Timestamps are ISO-8601 UTC text (`Date#toISOString`), so
 * they compare correctly as strings on both SQLite and PostgreSQL. Every table a person's data
 * lives in is keyed by `user_id` first, so it can be distributed by user later (architecture.md:
 * Scale).
 */
export interface Schema {
  users: UsersTable;
  auth_sessions: AuthSessionsTable;
  events: EventsTable;
  user_seq: UserSeqTable;
  rate_limits: RateLimitsTable;
  push_subscriptions: PushSubscriptionsTable;
}

export interface UsersTable {
  id: string;
  /** Lower-cased before it is stored, so the unique key compares case-insensitively. */
  email: string;
  password_hash: string;
  created_at: string;
  password_changed_at: string;
}

export interface AuthSessionsTable {
  /** Only the hash of a session token is stored; the token itself stays with the device. */
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  /** When this sign-in first synced from cursor 0; null until it has. */
  synced_at: string | null;
}

export interface EventsTable {
  user_id: string;
  id: string;
  /** Server-assigned, per person, from 1 without gaps: the sync cursor. */
  seq: number;
  at: string;
  day: string;
  type: string;
  /** The validated event as JSON. */
  body: string;
  received_at: string;
}

export interface UserSeqTable {
  user_id: string;
  last_seq: number;
}

export interface RateLimitsTable {
  /** What is limited, such as "sign-in:<email>" or "sign-in-ip:<address>". */
  key: string;
  failures: number;
  window_started_at: string;
  blocked_until: string | null;
}

export interface PushSubscriptionsTable {
  user_id: string;
  /** The push service's https address for this device's subscription. */
  endpoint: string;
  /** The device's P-256 public key and auth secret (base64url), which messages are encrypted to. */
  p256dh: string;
  auth: string;
  /** The device's IANA time zone, which the reminder's local time is read in. */
  time_zone: string;
  created_at: string;
  /** The last local day ("YYYY-MM-DD") a reminder was sent to this subscription. */
  last_sent_day: string | null;
}
