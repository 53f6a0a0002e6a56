import type { AuthSession, Repository } from "./repository.ts";

/**
 * How long a session read from the database answers for it again without asking. A session
 * ended in this process (signing out, out everywhere, a new password, a deleted account) stops
 * working at once; one ended by another process on the same database (the limber tool, or a
 * second server on PostgreSQL) stops working here within this time.
 */
export const SESSION_CACHE_MS = 1000;
/** Sessions kept at most; past it the oldest go first. */
const MAX_SESSIONS = 10_000;

interface Cached {
  session: AuthSession;
  /** When it was read, on the clock the lookups are given. */
  readAt: number;
}

/**
 * The repository with its session lookups remembered for `SESSION_CACHE_MS`: every signed-in
 * request looks its session up, and a device syncing a backlog asks many times a second.
 * Every way this repository ends sessions forgets them, before and after the database ends
 * them, and a lookup that was under way meanwhile is not remembered.
 */
export function withSessionCache(repository: Repository, ttlMs = SESSION_CACHE_MS): Repository {
  const sessions = new Map<string, Cached>();
  // Counts the endings of sessions, so that a lookup that overlapped one is not kept.
  let endings = 0;
  const forget = (matches: (cached: Cached, tokenHash: string) => boolean) => {
    endings += 1;
    for (const [tokenHash, cached] of sessions) {
      if (matches(cached, tokenHash)) sessions.delete(tokenHash);
    }
  };
  /** Forgets the matching sessions before the database ends them, and again once it has. */
  const ending = async <T>(
    matches: (cached: Cached, tokenHash: string) => boolean,
    end: () => Promise<T>,
  ): Promise<T> => {
    forget(matches);
    try {
      return await end();
    } finally {
      forget(matches);
    }
  };
  const ofUser = (userId: string) => (cached: Cached) => cached.session.userId === userId;

  return {
    ...repository,

    async sessionByTokenHash(tokenHash, now) {
      const at = now.getTime();
      const cached = sessions.get(tokenHash);
      if (cached) {
        const fresh = at >= cached.readAt && at - cached.readAt < ttlMs;
        if (fresh && cached.session.expiresAt.getTime() > at) return cached.session;
        sessions.delete(tokenHash);
      }
      const endingsBefore = endings;
      const session = await repository.sessionByTokenHash(tokenHash, now);
      if (session && endings === endingsBefore) {
        if (sessions.size >= MAX_SESSIONS) {
          const oldest = sessions.keys().next().value;
          if (oldest !== undefined) sessions.delete(oldest);
        }
        sessions.set(tokenHash, { session, readAt: at });
      }
      return session;
    },

    deleteSession: (tokenHash) =>
      ending(
        (_, cachedHash) => cachedHash === tokenHash,
        () => repository.deleteSession(tokenHash),
      ),
    deleteUserSessions: (userId) =>
      ending(ofUser(userId), () => repository.deleteUserSessions(userId)),
    setPassword: (userId, passwordHash, now) =>
      ending(ofUser(userId), () => repository.setPassword(userId, passwordHash, now)),
    deleteUser: (userId) => ending(ofUser(userId), () => repository.deleteUser(userId)),
    // A session's first sync changes what the next sync may carry (a cursor): not kept stale.
    markSessionSynced: (tokenHash, now) =>
      ending(
        (_, cachedHash) => cachedHash === tokenHash,
        () => repository.markSessionSynced(tokenHash, now),
      ),
  };
}
