import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_CACHE_MS } from "../../packages/server/src/storage/session-cache.ts";
import { note, notes } from "../../packages/server/src/storage/testing/events.ts";
import {
  startTestPostgres,
  type TestPostgres,
} from "../../packages/server/src/storage/testing/postgres.ts";
import { postJson, pullAll, readSyncPage, signUp } from "./api-client.ts";
import {
  freePort,
  killServerProcess,
  type ServerProcess,
  startServerProcess,
} from "./server-process.ts";

// Architecture (Scale): the server keeps nothing in memory that matters (sessions and sign-in
// limits live in the database; a process remembers a session it read for SESSION_CACHE_MS at
// most), so any process behind a load balancer can serve any request.

const EMAIL = "both@example.org";
const PASSWORD = "a calm back at dawn";
/** The account policy allows five sign-in attempts in a run; the next attempt is blocked. */
const ATTEMPTS_ALLOWED = 5;

let postgres: TestPostgres | undefined;
let dataDir = "";
const servers: ServerProcess[] = [];
/**
 * Whether requests may reach the database at the same time. PGlite's socket server accepts
 * several connections but mixes up the protocol messages of concurrent queries (wrong rows,
 * "unnamed prepared statement does not exist"), so on PGlite the processes take turns.
 */
let concurrent = true;

beforeAll(async () => {
  postgres = await startTestPostgres();
  concurrent = !postgres.backend.startsWith("PGlite");
  console.info(
    concurrent
      ? `Two processes on ${postgres.backend}, a fresh database, started at once and pushing at once`
      : `Two processes on ${postgres.backend}: no PostgreSQL server, so they share PGlite, which cannot serve concurrent queries; the processes start one after the other and take turns, one request at a time (the concurrent cases run in turn)`,
  );
  const databaseUrl = await postgres.freshDatabaseUrl();
  dataDir = mkdtempSync(join(tmpdir(), "limber-two-"));
  const ports = [await freePort(), await freePort()];
  // Behind one proxy each, as behind a load balancer: the client's address comes in X-Forwarded-For.
  const start = (port: number) =>
    startServerProcess({ port, dataDir, databaseUrl, env: { LIMBER_TRUST_PROXY: "1" } });
  // On PostgreSQL both start at once on the empty database, as a deploy behind a load balancer
  // starts them: their migrations meet, and one must wait for the other rather than fail.
  const started = await inTurnsOrAtOnce(ports.map((port) => () => start(port)));
  for (const result of started) if (result.status === "fulfilled") servers.push(result.value);
  const failed = started.find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
}, 60_000);

afterAll(async () => {
  try {
    for (const server of servers) await killServerProcess(server);
    await postgres?.stop();
  } finally {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}, 30_000);

/** Runs the tasks all at once, or one after another when the database cannot take concurrency. */
async function inTurnsOrAtOnce<T>(tasks: (() => Promise<T>)[]): Promise<PromiseSettledResult<T>[]> {
  if (concurrent) return Promise.allSettled(tasks.map((task) => task()));
  const results: PromiseSettledResult<T>[] = [];
  for (const task of tasks) {
    const [result] = await Promise.allSettled([task()]);
    if (result) results.push(result);
  }
  return results;
}

/** Process A and process B, once both have started. */
function processes(): { a: ServerProcess; b: ServerProcess } {
  const [a, b] = servers;
  if (!a || !b) throw new Error("both processes start in beforeAll");
  return { a, b };
}

const sync = (server: ServerProcess, cookie: string, body: unknown) =>
  postJson(server.origin, "/api/v1/sync", body, { cookie });

/** Signs in from `from`, as the proxy in front of the process names the client. */
const signIn = (server: ServerProcess, password: string, from = "192.0.2.1") =>
  postJson(
    server.origin,
    "/api/v1/auth/signin",
    { email: EMAIL, password },
    { headers: { "x-forwarded-for": from } },
  );

describe("two server processes on one PostgreSQL", { timeout: 30_000 }, () => {
  let cookie = "";

  it("accepts on B the session signed up for on A", async () => {
    const { a, b } = processes();
    cookie = await signUp(a.origin, EMAIL, PASSWORD);
    const answer = await sync(b, cookie, { events: [], since: 0 });
    expect(answer.status).toBe(200);
    expect(readSyncPage(answer.body)).toEqual({ ids: [], cursor: 0, more: false });
  });

  it("pulls through each process what was pushed through the other", async () => {
    const { a, b } = processes();
    expect((await sync(a, cookie, { events: [note(1), note(2)], since: 0 })).status).toBe(200);
    expect((await pullAll(b.origin, cookie)).ids).toEqual([note(1).id, note(2).id]);

    const throughB = await sync(b, cookie, { events: [note(3), note(1)], since: 2 });
    expect(throughB.status).toBe(200);
    expect(readSyncPage(throughB.body)).toEqual({ ids: [note(3).id], cursor: 3, more: false });
    const all = await pullAll(a.origin, cookie);
    expect(all.ids).toEqual([note(1).id, note(2).id, note(3).id]);
    expect(all.cursor).toBe(3);
  });

  it("answers a push through A with what B stored after A's own last write", async () => {
    const { a, b } = processes();
    const first = await sync(a, cookie, { events: [note(201)], since: 3 });
    expect(readSyncPage(first.body)).toEqual({ ids: [note(201).id], cursor: 4, more: false });
    expect((await sync(b, cookie, { events: [note(202)], since: 4 })).status).toBe(200);
    // A wrote seq 4 itself, but not seq 5: its answer must still hold it.
    const next = await sync(a, cookie, { events: [note(203)], since: 4 });
    expect(readSyncPage(next.body)).toEqual({
      ids: [note(202).id, note(203).id],
      cursor: 6,
      more: false,
    });
  });

  it("gives each event one seq when both processes store the same pushes at once", async () => {
    const { a, b } = processes();
    const before = (await pullAll(a.origin, cookie)).ids;
    // Eight devices, four on each process, pushing overlapping batches: the same event often
    // reaches both processes at the same moment.
    const pushed = new Set<string>();
    const devices = Array.from({ length: 8 }, (_, device) => async () => {
      const server = device % 2 === 0 ? a : b;
      const statuses: number[] = [];
      for (let round = 0; round < 12; round++) {
        const first = 100 + round * 4;
        const batch = notes(first, first + 3 + (device % 3));
        for (const event of batch) pushed.add(event.id);
        statuses.push((await sync(server, cookie, { events: batch, since: 0 })).status);
      }
      return statuses;
    });
    const results = await inTurnsOrAtOnce(devices);
    for (const result of results) {
      expect(result.status === "fulfilled" ? result.value : result.reason).toEqual(
        Array(12).fill(200),
      );
    }
    const throughA = await pullAll(a.origin, cookie);
    const throughB = await pullAll(b.origin, cookie);
    expect(throughB.ids).toEqual(throughA.ids);
    expect(throughA.ids.slice(0, before.length)).toEqual(before);
    expect(new Set(throughA.ids.slice(before.length))).toEqual(pushed);
    // Seqs are unique per person, so a cursor equal to the count means none was skipped or reused.
    expect(throughA.ids).toHaveLength(new Set(throughA.ids).size);
    expect(throughA.cursor).toBe(throughA.ids.length);
  });

  it("blocks a sign-in through B after the failures counted through A", async () => {
    const { a, b } = processes();
    // Sign-in itself works through B, and its success clears any earlier run of failures.
    expect((await signIn(b, PASSWORD)).status).toBe(200);
    const stranger = "203.0.113.9";
    for (let attempt = 1; attempt <= ATTEMPTS_ALLOWED; attempt++) {
      expect((await signIn(a, `wrong guess ${attempt}`, stranger)).status).toBe(401);
    }
    const blocked = await signIn(b, PASSWORD, stranger);
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ code: "too-many-attempts" });
    expect(Number(blocked.retryAfter)).toBeGreaterThan(0);
    expect((await signIn(a, PASSWORD, stranger)).status).toBe(429);
    // The address the owner signed in from through B is known to A too: no lock-out for them.
    expect((await signIn(a, PASSWORD)).status).toBe(200);
  });

  it(`ends on A, within ${SESSION_CACHE_MS} ms, the session signed out everywhere through B`, async () => {
    const { a, b } = processes();
    expect((await sync(a, cookie, { events: [], since: 0 })).status).toBe(200);
    const signOut = await postJson(b.origin, "/api/v1/auth/signout-all", {}, { cookie });
    expect(signOut.status).toBe(204);
    expect((await sync(b, cookie, { events: [], since: 0 })).status).toBe(401);
    // A may still know the session it read just before, for SESSION_CACHE_MS and no longer.
    await new Promise((resolve) => setTimeout(resolve, SESSION_CACHE_MS));
    const refused = await sync(a, cookie, { events: [note(4)], since: 0 });
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ code: "not-signed-in" });
  });
});
