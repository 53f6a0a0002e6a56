/**
 * What each part of a durable sync push costs on its own, in microseconds of this process's
 * time, measured in-process on SQLite with no HTTP: reading the body, validating the event, the
 * session lookup (remembered, as most requests find it, and read from the database), the
 * durable write with the page it answers with (grouped as the server groups it), and the read
 * a page needs when it cannot come from memory. Beside them, the reference route's insert
 * (bench/push-reference.ts). Asserts nothing.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LimberEvent, parseEvent } from "@limber/core";
import { hashToken, newSessionToken } from "../packages/server/src/auth/tokens.ts";
import { openDatabase } from "../packages/server/src/storage/database.ts";
import { validateEvent } from "../packages/server/src/storage/event-bodies.ts";
import { migrateToLatest } from "../packages/server/src/storage/migrate.ts";
import { createRepository } from "../packages/server/src/storage/repository.ts";
import { withSessionCache } from "../packages/server/src/storage/session-cache.ts";
import { openReferenceTable } from "./push-reference.ts";
import { syntheticLog } from "./synthetic-log.ts";

export interface PushParts {
  /** Microseconds a push spends in each part, the write's fsync shared by its group. */
  parseBodyUs: number;
  validateUs: number;
  /** A session found in the server's memory (withSessionCache), as most requests find it. */
  sessionUs: number;
  /** A session read from the database. */
  sessionReadUs: number;
  /** The durable write and the page it answers with (syncMany), devices at their cursors. */
  writeUs: number;
  /** The read of the five events a device is behind, when its page is not in memory. */
  pullUs: number;
  /** One durable commit on its own: the fsync a group of pushes shares. */
  commitUs: number;
  /** Pushes per group in the write figure: as many as the bench's connections. */
  group: number;
  /** The reference route's insert of the same group's JSON (bench/push-reference.ts), a push. */
  referenceWriteUs: number;
}

const ROUNDS = 60;
const GROUP = 50;
const ACCOUNTS = 10;

/** Median microseconds per item of `work`, which handles `items` items a call. */
async function medianUs(work: () => unknown, items = 1, rounds = ROUNDS): Promise<number> {
  for (let i = 0; i < 5; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - started) / 1000 / items);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

export async function measurePushParts(): Promise<PushParts> {
  const dataDir = mkdtempSync(join(tmpdir(), "limber-push-parts-"));
  const database = await openDatabase({ dataDir });
  try {
    await migrateToLatest(database);
    const repository = createRepository(database);
    const now = new Date();
    const users = Array.from({ length: ACCOUNTS }, () => randomUUID());
    const tokens: string[] = [];
    for (const [index, id] of users.entries()) {
      await repository.createUser({
        id,
        email: `parts${index}@bench.example`,
        passwordHash: "unused",
        now,
      });
      const token = newSessionToken();
      tokens.push(token);
      await repository.createSession({
        tokenHash: hashToken(token),
        userId: id,
        now,
        expiresAt: new Date(now.getTime() + 3_600_000),
      });
    }
    const log = syntheticLog({ days: 60 });
    let next = 0;
    const fresh = (): LimberEvent => ({
      ...(log[next++ % log.length] as LimberEvent),
      id: randomUUID(),
    });
    const body = JSON.stringify({ events: [fresh()], since: 0 });

    const parseBodyUs = await medianUs(() => JSON.parse(body), 1, 2000);
    const event = fresh();
    const validateUs = await medianUs(() => parseEvent(event, 1), 1, 2000);
    let turn = 0;
    const sessions = withSessionCache(repository);
    const sessionUs = await medianUs(
      () => sessions.sessionByTokenHash(hashToken(tokens[turn++ % ACCOUNTS] as string), now),
      1,
      2000,
    );
    const sessionReadUs = await medianUs(
      () => repository.sessionByTokenHash(hashToken(tokens[turn++ % ACCOUNTS] as string), now),
      1,
      2000,
    );
    // Fifty devices, five an account, each syncing from the cursor its last answer gave. Their
    // events are validated beforehand, as the route validates them before the write.
    const cursors = Array.from({ length: GROUP }, () => 0);
    const validated = Array.from({ length: (ROUNDS + 5) * GROUP }, () => {
      const result = validateEvent(fresh(), 1);
      if (!result.ok) throw new Error(`a synthetic event is invalid: ${result.error.message}`);
      return result.event;
    });
    const writeUs = await medianUs(async () => {
      const syncs = cursors.map((since, device) => ({
        userId: users[device % ACCOUNTS] as string,
        events: validated.splice(0, 1),
        since,
      }));
      const pages = await repository.syncMany(syncs, now, 1000);
      for (const [device, page] of pages.entries()) cursors[device] = page.cursor;
    }, GROUP);
    // A device five events behind, whose page is read from the database.
    const pullUs = await medianUs(async () => {
      const userId = users[turn++ % ACCOUNTS] as string;
      const total = await repository.countEvents(userId);
      const page = await repository.pullEvents(userId, Math.max(0, total - 5), 1000);
      return JSON.stringify(page);
    });
    const countUs = await medianUs(() => repository.countEvents(users[0] as string));
    const commitUs = await medianUs(() =>
      repository.pushEvents(users[0] as string, [fresh()], now),
    );
    const reference = openReferenceTable(dataDir);
    const referenceWriteUs = await medianUs(
      () => reference.insertAll(Array.from({ length: GROUP }, () => JSON.stringify(fresh()))),
      GROUP,
    );
    reference.close();
    return {
      parseBodyUs,
      validateUs,
      sessionUs,
      sessionReadUs,
      writeUs,
      pullUs: pullUs - countUs,
      commitUs,
      group: GROUP,
      referenceWriteUs,
    };
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
