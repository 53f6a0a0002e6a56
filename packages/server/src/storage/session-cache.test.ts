import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "./database.ts";
import type { Repository } from "./repository.ts";
import { SESSION_CACHE_MS, withSessionCache } from "./session-cache.ts";
import { HOUR, later, NOW, useStorageHarness } from "./testing/harness.ts";

const dataDir = mkdtempSync(join(tmpdir(), "limber-session-cache-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("withSessionCache", () => {
  const harness = useStorageHarness(() => openDatabase({ dataDir }));
  let reads = 0;
  let cached: Repository;
  let userId: string;

  beforeEach(async () => {
    reads = 0;
    const base = harness.repository;
    // The database's lookups, counted.
    const counted: Repository = {
      ...base,
      sessionByTokenHash: (tokenHash, now) => {
        reads += 1;
        return base.sessionByTokenHash(tokenHash, now);
      },
    };
    cached = withSessionCache(counted);
    userId = (await harness.addPerson(1)).id;
    for (const tokenHash of ["t1", "t2"]) {
      await base.createSession({ tokenHash, userId, now: NOW, expiresAt: later(HOUR) });
    }
  });

  it("answers again from memory within its time, then asks the database", async () => {
    const session = await cached.sessionByTokenHash("t1", NOW);
    expect(session).toMatchObject({ userId });
    expect(await cached.sessionByTokenHash("t1", later(SESSION_CACHE_MS - 1))).toEqual(session);
    expect(reads).toBe(1);
    expect(await cached.sessionByTokenHash("t1", later(SESSION_CACHE_MS))).toEqual(session);
    expect(reads).toBe(2);
    // A clock that went back does not stretch a remembered session's time.
    expect(await cached.sessionByTokenHash("t1", later(-1))).toEqual(session);
    expect(reads).toBe(3);
  });

  it("never answers for a session past its end", async () => {
    const near = later(HOUR - 10);
    expect(await cached.sessionByTokenHash("t1", near)).toMatchObject({ userId });
    expect(await cached.sessionByTokenHash("t1", later(HOUR))).toBeUndefined();
  });

  it.each([
    ["signing out", (repository: Repository) => repository.deleteSession("t1")],
    ["signing out everywhere", (repository: Repository) => repository.deleteUserSessions(userId)],
    ["a new password", (repository: Repository) => repository.setPassword(userId, "new", NOW)],
    ["a deleted account", (repository: Repository) => repository.deleteUser(userId)],
  ])("forgets at once a session ended here by %s", async (_, end) => {
    expect(await cached.sessionByTokenHash("t1", NOW)).toMatchObject({ userId });
    await end(cached);
    expect(await cached.sessionByTokenHash("t1", NOW)).toBeUndefined();
  });

  it(`stops a session ended by another process within ${SESSION_CACHE_MS} ms`, async () => {
    expect(await cached.sessionByTokenHash("t1", NOW)).toMatchObject({ userId });
    // Another process: the database alone, not through this cache.
    await harness.repository.deleteUserSessions(userId);
    expect(await cached.sessionByTokenHash("t1", later(SESSION_CACHE_MS - 1))).toMatchObject({
      userId,
    });
    expect(await cached.sessionByTokenHash("t1", later(SESSION_CACHE_MS))).toBeUndefined();
  });

  it("does not remember a lookup that was under way while a session ended", async () => {
    const lookup = cached.sessionByTokenHash("t1", NOW);
    const signOut = cached.deleteSession("t1");
    // The lookup read the session before the sign-out deleted it...
    expect(await lookup).toMatchObject({ userId });
    await signOut;
    // ...and that answer was not kept for the next request.
    expect(await cached.sessionByTokenHash("t1", NOW)).toBeUndefined();
    expect(await cached.sessionByTokenHash("t2", NOW)).toMatchObject({ userId });
  });

  it("does not remember a lookup that answers only after a session ended", async () => {
    // As on PostgreSQL, where the read and the sign-out go on two connections at once.
    const base = harness.repository;
    let answer = () => {};
    const held = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const slow = withSessionCache({
      ...base,
      async sessionByTokenHash(tokenHash, now) {
        const session = await base.sessionByTokenHash(tokenHash, now);
        await held;
        return session;
      },
    });
    const lookup = slow.sessionByTokenHash("t1", NOW);
    await slow.deleteSession("t1");
    answer();
    expect(await lookup).toMatchObject({ userId });
    expect(await slow.sessionByTokenHash("t1", NOW)).toBeUndefined();
  });
});
