import type { Kysely, Selectable } from "kysely";
import { preparedQuery } from "./prepared-query.ts";
import type { AuthSessionsTable, Schema } from "./schema.ts";

export interface AuthSession {
  tokenHash: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
  /** When this sign-in first synced from cursor 0, if it has. */
  syncedAt?: Date;
}

export interface NewSession {
  tokenHash: string;
  userId: string;
  now: Date;
  expiresAt: Date;
}

export interface SessionStore {
  /** Starts a session, and clears away the person's sessions that expired by `now`. */
  createSession(session: NewSession): Promise<void>;
  /** The session with this token hash, unless it has expired by `now`. */
  sessionByTokenHash(tokenHash: string, now: Date): Promise<AuthSession | undefined>;
  /** Notes that the session was used at `now`. */
  touchSession(tokenHash: string, now: Date): Promise<void>;
  /** Notes that the session has synced from cursor 0, so its own cursors are good from now on. */
  markSessionSynced(tokenHash: string, now: Date): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Signs the person out everywhere. */
  deleteUserSessions(userId: string): Promise<void>;
}

export function sessionStore(db: Kysely<Schema>): SessionStore {
  // Every signed-in request asks this: built and compiled once.
  const liveSession = preparedQuery<
    { tokenHash: string; now: string },
    Selectable<AuthSessionsTable>
  >((value) =>
    db
      .selectFrom("auth_sessions")
      .selectAll()
      .where("token_hash", "=", value("tokenHash"))
      // ISO-8601 UTC text of one width compares in time order.
      .where("expires_at", ">", value("now")),
  );
  return {
    async createSession({ tokenHash, userId, now, expiresAt }) {
      // Expired sessions can never sign anyone in; each sign-in tidies the person's own away,
      // through the index on user_id, so the table holds live sessions and a few stale ones.
      await db
        .deleteFrom("auth_sessions")
        .where("user_id", "=", userId)
        .where("expires_at", "<=", now.toISOString())
        .execute();
      await db
        .insertInto("auth_sessions")
        .values({
          token_hash: tokenHash,
          user_id: userId,
          created_at: now.toISOString(),
          expires_at: expiresAt.toISOString(),
          last_seen_at: now.toISOString(),
          synced_at: null,
        })
        .execute();
    },

    async sessionByTokenHash(tokenHash, now) {
      const [row] = await liveSession(db, { tokenHash, now: now.toISOString() });
      return row && toSession(row);
    },

    async touchSession(tokenHash, now) {
      await db
        .updateTable("auth_sessions")
        .set({ last_seen_at: now.toISOString() })
        .where("token_hash", "=", tokenHash)
        .execute();
    },

    async markSessionSynced(tokenHash, now) {
      await db
        .updateTable("auth_sessions")
        .set({ synced_at: now.toISOString() })
        .where("token_hash", "=", tokenHash)
        .where("synced_at", "is", null)
        .execute();
    },

    async deleteSession(tokenHash) {
      await db.deleteFrom("auth_sessions").where("token_hash", "=", tokenHash).execute();
    },

    async deleteUserSessions(userId) {
      await db.deleteFrom("auth_sessions").where("user_id", "=", userId).execute();
    },
  };
}

function toSession(row: Selectable<AuthSessionsTable>): AuthSession {
  return {
    tokenHash: row.token_hash,
    userId: row.user_id,
    createdAt: new Date(row.created_at),
    expiresAt: new Date(row.expires_at),
    lastSeenAt: new Date(row.last_seen_at),
    ...(row.synced_at ? { syncedAt: new Date(row.synced_at) } : {}),
  };
}
