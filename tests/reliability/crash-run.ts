import { mkdtempSync, rmSync } from "node:fs";
import { Agent } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LimberEvent } from "@limber/core";
import BetterSqlite3 from "better-sqlite3";
import { MAX_PUSH_EVENTS } from "../../packages/server/src/http/routes/sync.ts";
import { SQLITE_FILE_NAME } from "../../packages/server/src/storage/database.ts";
import { note } from "../../packages/server/src/storage/testing/events.ts";
import { isConnectionLoss, postJson, pullAll, readSyncPage, signUp } from "./api-client.ts";
import { between, seededRandom } from "./seeded-random.ts";
import {
  freePort,
  killServerProcess,
  restartServerProcess,
  type ServerProcess,
  startServerProcess,
} from "./server-process.ts";

// Architecture (Sync): a push is acknowledged only once its transaction is durable. So a server
// killed at any moment, mid-write included, must come back holding every acknowledged event,
// each once, in the same seq order as before. The crash test (crash.test.ts) asserts these
// figures; `npm run bench` prints them.

export interface CrashOptions {
  cycles: number;
  devices?: number;
  /** The kill moments and batch sizes follow from it, so a run can be replayed. */
  seed?: number;
  killAfterMs?: { min: number; max: number };
}

export interface CrashFigures {
  /** Cycles completed: the server was SIGKILLed and restarted this many times. */
  cycles: number;
  devices: number;
  seed: number;
  /** Events the server answered 200 for. */
  acknowledged: number;
  /** Acknowledged events missing after a restart: must be 0. */
  lost: number;
  /** Pushes a kill cut off before their answer, and how many of their events were kept anyway. */
  cutOffPushes: number;
  keptAfterCutOff: number;
  /** Events in the file at the end, and whether SQLite's integrity check passed. */
  stored: number;
  integrity: string;
  /** Broken promises other than a lost event: ids twice, seqs reused, cursors going back. */
  problems: string[];
  seconds: number;
}

/** One phone syncing: its cursor and the events it has not had acknowledged yet. */
interface Device {
  random: () => number;
  cursor: number;
  queue: LimberEvent[];
}

/** What the run knows for sure: the ids the server acknowledged, and what went wrong. */
interface Ledger {
  acknowledged: Set<string>;
  highestCursor: number;
  nextNote: number;
  cutOffPushes: number;
  /** Answers other than 200, or lost connections before the kill: none are expected. */
  surprises: string[];
}

/** A bound on each device's pushes per cycle; a kill ends the loop long before it. */
const MAX_PUSHES_PER_CYCLE = 5_000;

/**
 * Starts the real `limber serve` on a fresh SQLite folder, has `devices` phones push notes at
 * it at once, SIGKILLs it at a seeded random moment, restarts it and checks what it kept, for
 * `cycles` cycles (stopping early once an acknowledged event is lost).
 */
export async function runCrashCycles(options: CrashOptions): Promise<CrashFigures> {
  const devicesCount = options.devices ?? 8;
  const seed = options.seed ?? 20_261_125;
  const killAfter = options.killAfterMs ?? { min: 50, max: 400 };
  const dataDir = mkdtempSync(join(tmpdir(), "limber-crash-"));
  let server: ServerProcess | undefined;
  try {
    server = await startServerProcess({ port: await freePort(), dataDir });
    const cookie = await signUp(server.origin, "crash@example.org", "a calm back at dawn");
    const killRandom = seededRandom(seed);
    const devices: Device[] = Array.from({ length: devicesCount }, (_, index) => ({
      random: seededRandom(seed + 1 + index),
      cursor: 0,
      queue: [],
    }));
    const ledger: Ledger = {
      acknowledged: new Set(),
      highestCursor: 0,
      nextNote: 1,
      cutOffPushes: 0,
      surprises: [],
    };
    const problems: string[] = [];
    let storedBefore: string[] = [];
    const keptAfterCutOff = new Set<string>();
    let lost: string[] = [];
    let cycles = 0;
    const startedAt = Date.now();

    for (let cycle = 0; cycle < options.cycles && lost.length === 0; cycle++) {
      const killAfterMs = between(killRandom, killAfter.min, killAfter.max);
      await syncUntilKilled(server, cookie, devices, ledger, killAfterMs);
      server = await restartServerProcess(server);
      cycles += 1;

      const log = await pullAll(server.origin, cookie);
      const stored = new Set(log.ids);
      if (stored.size !== log.ids.length) problems.push(`cycle ${cycles}: an id pulled twice`);
      problems.push(...cursorProblems(log.pageCursors).map((p) => `cycle ${cycles}: ${p}`));
      if (log.cursor < ledger.highestCursor) {
        problems.push(`cycle ${cycles}: a cursor handed out before the kill went back`);
      }
      // Seqs are never given twice: what was stored before this kill keeps its place in line.
      if (storedBefore.some((id, index) => log.ids[index] !== id)) {
        problems.push(`cycle ${cycles}: events stored before the kill changed place`);
      }
      storedBefore = log.ids;
      lost = [...ledger.acknowledged].filter((id) => !stored.has(id));
      for (const device of devices) {
        for (const event of device.queue) if (stored.has(event.id)) keptAfterCutOff.add(event.id);
      }
    }
    const seconds = (Date.now() - startedAt) / 1000;

    // The last crash too, then the file itself: intact, each event once, the seq counter in step.
    await killServerProcess(server);
    const sqlite = new BetterSqlite3(join(dataDir, SQLITE_FILE_NAME));
    let integrity: string;
    let storedCount: number;
    try {
      integrity = String(sqlite.pragma("integrity_check", { simple: true }));
      const events = sqlite
        .prepare(
          "select count(*) as count, count(distinct seq) as seqs, max(seq) as top from events",
        )
        .get() as { count: number; seqs: number; top: number };
      const counter = sqlite.prepare("select last_seq from user_seq").get() as {
        last_seq: number;
      };
      storedCount = events.count;
      if (events.count !== storedBefore.length) {
        problems.push(
          `the file holds ${events.count} events, the last pull ${storedBefore.length}`,
        );
      }
      if (events.seqs !== events.count) problems.push("two events share a seq");
      if (counter.last_seq !== events.top) problems.push("the seq counter is out of step");
    } finally {
      sqlite.close();
    }
    return {
      cycles,
      devices: devicesCount,
      seed,
      acknowledged: ledger.acknowledged.size,
      lost: lost.length,
      cutOffPushes: ledger.cutOffPushes,
      keptAfterCutOff: keptAfterCutOff.size,
      stored: storedCount,
      integrity,
      problems: [...ledger.surprises, ...problems],
      seconds,
    };
  } finally {
    if (server) await killServerProcess(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Every device pushes its queue (a new batch of notes when it is empty) in a loop, until the
 * server is SIGKILLed `killAfterMs` in. A 200 acknowledges the batch; a push the kill cuts off
 * stays queued, to be pushed again after the restart as the web app would.
 */
async function syncUntilKilled(
  server: ServerProcess,
  cookie: string,
  devices: Device[],
  ledger: Ledger,
  killAfterMs: number,
): Promise<void> {
  const agent = new Agent({ keepAlive: true });
  let killed = false;
  const sync = async (device: Device) => {
    for (let push = 0; push < MAX_PUSHES_PER_CYCLE && !killed; push++) {
      if (device.queue.length === 0) {
        const count = between(device.random, 1, 4);
        device.queue = Array.from({ length: count }, () => note(ledger.nextNote++));
      }
      const events = device.queue.slice(0, MAX_PUSH_EVENTS);
      try {
        const response = await postJson(
          server.origin,
          "/api/v1/sync",
          { events, since: device.cursor },
          { cookie, agent },
        );
        if (response.status !== 200) {
          ledger.surprises.push(
            `push answered ${response.status} ${JSON.stringify(response.body)}`,
          );
          return;
        }
        for (const event of events) ledger.acknowledged.add(event.id);
        device.queue = device.queue.slice(events.length);
        device.cursor = readSyncPage(response.body).cursor;
        ledger.highestCursor = Math.max(ledger.highestCursor, device.cursor);
      } catch (error) {
        if (!killed || !isConnectionLoss(error)) ledger.surprises.push(`push failed: ${error}`);
        else ledger.cutOffPushes += 1;
        return;
      }
    }
  };
  const syncing = Promise.all(devices.map(sync));
  await new Promise((resolve) => setTimeout(resolve, killAfterMs));
  killed = true;
  await killServerProcess(server);
  await syncing;
  agent.destroy();
}

/** Page cursors must rise; the last page may be empty, and then its cursor is the `since` it was asked with. */
export function cursorProblems(cursors: readonly number[]): string[] {
  const problems: string[] = [];
  for (const [index, cursor] of cursors.entries()) {
    const previous = cursors[index - 1];
    const isEmptyLast = index === cursors.length - 1 && cursor === previous;
    if (previous !== undefined && !isEmptyLast && cursor <= previous) {
      problems.push(`page cursor ${cursor} after ${previous}`);
    }
  }
  return problems;
}
