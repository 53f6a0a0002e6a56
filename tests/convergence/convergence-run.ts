import { deepStrictEqual } from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { type CheckIn, type LimberEvent, parseEvent, planSession, project } from "@limber/core";
import fc from "fast-check";
import { hashToken, newSessionToken } from "../../packages/server/src/auth/tokens.ts";
import { ORIGIN } from "../../packages/server/src/http/testing.ts";
import type { EventStore } from "../../packages/web/src/store/event-store.ts";
import { ServerProblem } from "../../packages/web/src/sync/server.ts";
import { startAccountSync, syncLog } from "../../packages/web/src/sync/sync-log.ts";
import { type RestorableServer, restorableServer } from "./convergence-server.ts";

/**
 * Sync converges: three devices record while online and offline, push in any order, replay
 * and repeat pushes, and the server is backed up and restored from a backup while they do; in
 * the end every device and the server hold the same events and show the same plan, with
 * nothing lost. The devices run the web app's own sync code against the real HTTP server, and
 * a restore ends every session, as `limber restore` does: each device signs in again, either
 * starting over as the app does or keeping its cursor (so the server's 409 cursor-ahead and the
 * app's answer to it are what bring it level). convergence.test.ts asserts it; `npm run bench`
 * prints the figures.
 */

export interface ConvergenceFigures {
  /** Property runs made (each a fresh account and three devices), and whether one failed. */
  runs: number;
  failed: boolean;
  /** The failing actions and fast-check's seed, to replay a failure. */
  seed: number;
  failure?: string;
  /** Events recorded across all runs, each checked on every device and the server. */
  events: number;
  /** Restores from a backup across all runs, each survived by every device. */
  restores: number;
  seconds: number;
}

/** A device's IndexedDB, in memory, whose outbox hands events out in a scrambled order. */
type Device = EventStore & {
  events: Map<string, LimberEvent>;
  online: boolean;
  /** Its session cookie, replaced when it signs in again. */
  cookie: string;
  /** Signing in again, it keeps its cursor and outbox rather than starting over. */
  keepsCursor: boolean;
  /** Records an entry on this device, as the app's store does: into the log and the outbox. */
  write(event: LimberEvent): void;
};

function memoryDevice(scramble: number[], keepsCursor: boolean): Device {
  const events = new Map<string, LimberEvent>();
  const outbox = new Set<string>();
  const settings = new Map<string, unknown>();
  let turn = 0;
  return {
    events,
    online: true,
    cookie: "",
    keepsCursor,
    write(event) {
      events.set(event.id, event);
      outbox.add(event.id);
    },
    load: async () => ({ events: [...events.values()], unreadable: [] }),
    append: async () => {
      throw new Error("devices record through `record` in this test");
    },
    async unsent(limit) {
      const ids = [...outbox];
      const shift = scramble[turn++ % scramble.length] ?? 0;
      const rotated = [
        ...ids.slice(shift % Math.max(1, ids.length)),
        ...ids.slice(0, shift % Math.max(1, ids.length)),
      ];
      return rotated.slice(0, limit).map((id) => events.get(id) as LimberEvent);
    },
    async acknowledge(ids) {
      for (const id of ids) outbox.delete(id);
    },
    async receive(arrived) {
      // As the device's store does: each event checked, ones already held left as they are.
      const added = arrived.flatMap((raw) => {
        const read = parseEvent(raw);
        return read.ok && !events.has(read.event.id) ? [read.event] : [];
      });
      for (const e of added) events.set(e.id, e);
      return added;
    },
    async requeueAll() {
      for (const id of events.keys()) outbox.add(id);
    },
    getSetting: async <T>(key: string) => settings.get(key) as T | undefined,
    setSetting: async (key, value) => {
      settings.set(key, value);
    },
  };
}

function checkInAt(minute: number, back: CheckIn["back"]): LimberEvent {
  const at = new Date(Date.UTC(2026, 10, 20, 7, minute)).toISOString().replace("Z", "+00:00");
  return { id: randomUUID(), type: "checkin", at, day: at.slice(0, 10), v: 1, data: { back } };
}

/** Routes the web app's fetch calls into the server as one signed-in device (or none, offline). */
function connect(server: RestorableServer, device: Device): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    if (!device.online) throw new TypeError("Failed to fetch");
    const cookie = device.cookie;
    const response = await server.app.inject({
      method: (init?.method ?? "GET") as "GET" | "POST",
      url: String(input),
      headers: {
        ...(init?.headers as Record<string, string>),
        cookie,
        origin: ORIGIN,
        host: "localhost:80",
      },
      ...(init?.body ? { payload: String(init.body) } : {}),
    });
    return new Response(response.statusCode === 204 ? null : response.body, {
      status: response.statusCode,
    });
  }) as typeof fetch;
}

const onDevice = <K extends string>(kind: K) =>
  fc.record({ kind: fc.constant(kind), device: fc.nat(2) });
const action = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("record" as const),
      device: fc.nat(2),
      back: fc.constantFrom("calm", "okay", "grumpy"),
    }),
  },
  { weight: 3, arbitrary: onDevice("sync") },
  { weight: 1, arbitrary: onDevice("toggle-network") },
  { weight: 1, arbitrary: onDevice("replay") },
  { weight: 1, arbitrary: onDevice("twice") },
  // The server's database copied (limber backup), and later put back (limber restore).
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("backup" as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("restore" as const) }) },
);

/**
 * Runs the convergence property `runs` times against a fresh server on a temporary SQLite file.
 * A failure is reported (shrunk to its smallest case), not thrown.
 */
export async function checkConvergence(
  runs: number,
  seed = Date.now() % 2 ** 31,
): Promise<ConvergenceFigures> {
  const server = await restorableServer();
  const realFetch = globalThis.fetch;
  const startedAt = Date.now();
  let events = 0;
  let restores = 0;
  try {
    const details = await fc.check(
      fc.asyncProperty(
        fc.array(action, { minLength: 1, maxLength: 14 }),
        fc.array(fc.nat(7), { minLength: 1, maxLength: 5 }),
        fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()),
        async (actions, scramble, keepsCursor) => {
          const run = await convergeOnce(server, actions, scramble, keepsCursor);
          events += run.events;
          restores += run.restores;
        },
      ),
      { numRuns: runs, seed },
    );
    return {
      runs: details.numRuns,
      failed: details.failed,
      seed,
      ...(details.failed
        ? {
            failure: `${String(details.errorInstance)}; actions ${JSON.stringify(details.counterexample)}`,
          }
        : {}),
      events,
      restores,
      seconds: (Date.now() - startedAt) / 1000,
    };
  } finally {
    globalThis.fetch = realFetch;
    await server.close();
  }
}

type Action = typeof action extends fc.Arbitrary<infer T> ? T : never;

/**
 * One property run; returns how many events it recorded and how many restores it made. Throws
 * when the devices disagree.
 */
async function convergeOnce(
  server: RestorableServer,
  actions: Action[],
  scramble: number[],
  keepsCursor: [boolean, boolean, boolean],
): Promise<{ events: number; restores: number }> {
  const userId = randomUUID();
  await server.repository.createUser({
    id: userId,
    email: `${userId}@example.org`,
    passwordHash: "unused",
    now: new Date(),
  });
  /** A new session for the device, as signing in makes one. */
  const signIn = async (device: Device) => {
    const token = newSessionToken();
    await server.repository.createSession({
      tokenHash: hashToken(token),
      userId,
      now: new Date(),
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    device.cookie = `limber_session=${token}`;
  };
  const devices: Device[] = [
    memoryDevice(scramble, keepsCursor[0]),
    memoryDevice([...scramble].reverse(), keepsCursor[1]),
    memoryDevice([0], keepsCursor[2]),
  ];
  for (const device of devices) await signIn(device);
  const recorded = new Set<string>();
  let backup: string | undefined;
  let restores = 0;
  const syncOnce = async (device: Device) => {
    globalThis.fetch = connect(server, device);
    await syncLog(device, () => {});
  };
  const run = async (device: Device) => {
    try {
      await syncOnce(device);
    } catch (error) {
      if (!(error instanceof ServerProblem && error.status === 401)) return; // offline: entries wait
      // Signed out by a restore: the person signs in again. The app starts over from 0; a
      // device that keeps its cursor relies on the server's 409 and its own answer to it.
      await signIn(device);
      if (!device.keepsCursor) await startAccountSync(device);
      await syncOnce(device).catch(() => {});
    }
  };
  for (const [minute, step] of actions.entries()) {
    if (step.kind === "backup") {
      backup = await server.backup();
      continue;
    }
    if (step.kind === "restore") {
      if (backup) {
        await server.restore(backup);
        restores += 1;
      }
      continue;
    }
    const device = devices[step.device] as Device;
    if (step.kind === "record") {
      const event = checkInAt(minute, step.back);
      device.write(event);
      recorded.add(event.id);
    } else if (step.kind === "sync") await run(device);
    else if (step.kind === "toggle-network") device.online = !device.online;
    else if (step.kind === "replay") {
      await startAccountSync(device); // send everything again, from cursor 0
      await run(device);
    } else {
      await Promise.all([run(device), run(device)]);
    }
  }
  for (const device of devices) device.online = true;
  for (let round = 0; round < 2; round++) for (const device of devices) await run(device);

  const onServer = (await server.repository.exportEvents(userId)).map((e) => e.id).sort();
  deepStrictEqual(onServer, [...recorded].sort(), "the server lost or gained events");
  const last = "2026-11-20";
  const plans = devices.map((device) => {
    const state = project([...device.events.values()]);
    const checkIn = state.checkIns.at(-1);
    return checkIn ? planSession(state, checkIn.data, last) : undefined;
  });
  for (const device of devices) {
    deepStrictEqual([...device.events.keys()].sort(), onServer, "a device differs from the server");
  }
  deepStrictEqual(plans[1], plans[0], "two devices plan differently");
  deepStrictEqual(plans[2], plans[0], "two devices plan differently");
  return { events: recorded.size, restores };
}
