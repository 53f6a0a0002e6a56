import { mkdtempSync, rmSync } from "node:fs";
import { Agent } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LimberEvent } from "@limber/core";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_PUSH_EVENTS } from "../http/routes/sync.ts";
import { SQLITE_FILE_NAME } from "../storage/database.ts";
import { note } from "../storage/testing/events.ts";
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
// each once, in the same seq order as before.

const CYCLES = 20;
const DEVICES = 8;
const KILL_AFTER_MS = { min: 50, max: 400 };
/** Set LIMBER_CRASH_SEED to replay a run: the kill moments and batch sizes follow from it. */
const SEED = Number(process.env.LIMBER_CRASH_SEED ?? 20_261_125);
/** A bound on each device's pushes per cycle; a kill ends the loop long before it. */
const MAX_PUSHES_PER_CYCLE = 5_000;

/** One phone syncing: its cursor and the events it has not had acknowledged yet. */
interface Device {
  random: () => number;
  cursor: number;
  queue: LimberEvent[];
}

/** What the test knows for sure: the ids the server acknowledged, and what went wrong. */
interface Ledger {
  acknowledged: Set<string>;
  highestCursor: number;
  nextNote: number;
  cutOffPushes: number;
  /** Answers other than 200, or lost connections before the kill: none are expected. */
  surprises: string[];
}

let dataDir = "";
let server: ServerProcess | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "limber-crash-"));
  server = await startServerProcess({ port: await freePort(), dataDir });
}, 30_000);

afterAll(async () => {
  try {
    if (server) await killServerProcess(server);
  } finally {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
});

describe("the server killed mid-sync", () => {
  it(`keeps every acknowledged push through ${CYCLES} SIGKILLs`, async () => {
    if (!server) throw new Error("the server starts in beforeAll");
    const cookie = await signUp(server.origin, "crash@example.org", "a calm back at dawn");
    const killRandom = seededRandom(SEED);
    const devices: Device[] = Array.from({ length: DEVICES }, (_, index) => ({
      random: seededRandom(SEED + 1 + index),
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
    let storedBefore: string[] = [];
    const keptAfterCutOff = new Set<string>();
    let lost: string[] = [];
    let cycles = 0;
    const startedAt = Date.now();

    for (let cycle = 0; cycle < CYCLES && lost.length === 0; cycle++) {
      const killAfterMs = between(killRandom, KILL_AFTER_MS.min, KILL_AFTER_MS.max);
      await syncUntilKilled(server, cookie, devices, ledger, killAfterMs);
      server = await restartServerProcess(server);
      cycles += 1;

      const log = await pullAll(server.origin, cookie);
      const stored = new Set(log.ids);
      expect(stored.size, "an id pulled twice").toBe(log.ids.length);
      expectIncreasing(log.pageCursors);
      expect(log.cursor, "a cursor handed out before the kill went back").toBeGreaterThanOrEqual(
        ledger.highestCursor,
      );
      // Seqs are never given twice: what was stored before this kill keeps its place in line.
      expect(log.ids.slice(0, storedBefore.length)).toEqual(storedBefore);
      storedBefore = log.ids;
      lost = [...ledger.acknowledged].filter((id) => !stored.has(id));
      for (const device of devices) {
        for (const event of device.queue) if (stored.has(event.id)) keptAfterCutOff.add(event.id);
      }
    }

    const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
    console.info(
      `crash test: ${cycles} cycles (seed ${SEED}, ${DEVICES} devices), ${ledger.acknowledged.size} events acknowledged, ${lost.length} lost; ${ledger.cutOffPushes} pushes cut off by a kill, ${keptAfterCutOff.size} of their events stored anyway; ${seconds} s`,
    );
    expect(ledger.surprises).toEqual([]);
    expect(lost, "acknowledged events missing after a restart").toEqual([]);
    expect(cycles).toBe(CYCLES);

    // The last crash too, then the file itself: intact, each event once, the seq counter in step.
    await killServerProcess(server);
    const sqlite = new BetterSqlite3(join(dataDir, SQLITE_FILE_NAME));
    try {
      expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
      const events = sqlite
        .prepare(
          "select count(*) as count, count(distinct seq) as seqs, max(seq) as top from events",
        )
        .get() as { count: number; seqs: number; top: number };
      const counter = sqlite.prepare("select last_seq from user_seq").get() as { last_seq: number };
      expect(events.count).toBe(storedBefore.length);
      expect(events.seqs).toBe(events.count);
      expect(counter.last_seq).toBe(events.top);
    } finally {
      sqlite.close();
    }
  }, 120_000);
});

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

function expectIncreasing(cursors: readonly number[]) {
  for (const [index, cursor] of cursors.entries()) {
    const previous = cursors[index - 1];
    // The last page may be empty, and then its cursor is the `since` it was asked with.
    const isEmptyLast = index === cursors.length - 1 && cursor === previous;
    if (previous !== undefined && !isEmptyLast) expect(cursor).toBeGreaterThan(previous);
  }
}
