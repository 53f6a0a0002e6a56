/**
 * How many durable sync pushes and 1,000-event pulls Limber's server answers a second, on
 * SQLite and then PostgreSQL, beside a bare Fastify hello-world measured in the same run as the
 * baseline. autocannon drives 50 connections for a fixed time per scenario from this process;
 * the servers run in a child process (bench/server-target.ts), so the load generator does not
 * share their event loop. All traffic goes to 127.0.0.1. Used by `npm run bench:server` and
 * `npm run bench`; asserts nothing, since rates depend on the machine and its load: compare the
 * ratios.
 */
import { fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import type { LimberEvent } from "@limber/core";
import autocannon from "autocannon";
import { postgresCpuMs } from "./server-cpu.ts";
import type { FromTarget, ToTarget } from "./server-protocol.ts";
import { syntheticLog } from "./synthetic-log.ts";

const CONNECTIONS = 50;
/** People pushing at once: connections share them, so pushes spread over users. */
const ACCOUNTS = 10;
/** The events the pull account holds, and the most one pull returns (PULL_PAGE). */
const PULL_EVENTS = 1000;
/** The largest push the server takes (MAX_PUSH_EVENTS), for filling the pull account. */
const PUSH_LIMIT = 500;
export const WARM_UP_SECONDS = 1;
/**
 * The goal (docs/benchmarks.md): on SQLite, Limber's durable push at least half the rate of the
 * bare durable-insert route (bench/push-reference.ts) measured in the same run.
 */
export const GOAL_RATIO = 0.5;
export { CONNECTIONS };

const log = syntheticLog();

/** `--seconds N`: how long each scenario runs. */
export function readSeconds(args: string[], fallback = 8): number {
  const at = args.indexOf("--seconds");
  if (at === -1) return fallback;
  const value = Number(args[at + 1]);
  if (!Number.isInteger(value) || value < 1 || value > 60) {
    throw new Error("--seconds takes a whole number of seconds from 1 to 60");
  }
  return value;
}

export interface Target {
  hello: string;
  limber: string;
  reference?: string;
  backend: string;
  ask<T extends FromTarget["type"]>(
    message: ToTarget,
    reply: T,
  ): Promise<Extract<FromTarget, { type: T }>>;
  stop(): Promise<void>;
}

/** Starts bench/server-target.ts for one backend and waits until both servers listen. */
export function startTarget(kind: "sqlite" | "postgres"): Promise<Target> {
  const child = fork(new URL("./server-target.ts", import.meta.url), [kind], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const waitFor = <T extends FromTarget["type"]>(reply: T) =>
    new Promise<Extract<FromTarget, { type: T }>>((resolve, reject) => {
      const onMessage = (answer: FromTarget) => {
        if (answer.type !== reply) return;
        child.off("message", onMessage);
        child.off("exit", onExit);
        resolve(answer as Extract<FromTarget, { type: T }>);
      };
      const onExit = (code: number | null) =>
        reject(new Error(`the ${kind} server process ended (exit code ${code})`));
      child.on("message", onMessage);
      child.once("exit", onExit);
    });
  const ask: Target["ask"] = (message, reply) => {
    const answer = waitFor(reply);
    child.send(message);
    return answer;
  };
  return waitFor("ready").then(({ hello, limber, backend, reference }) => ({
    hello,
    limber,
    ...(reference ? { reference } : {}),
    backend,
    ask,
    async stop() {
      // Bounded: a child that has not cleaned up in 30 s is ended.
      const timer = setTimeout(() => child.kill(), 30_000);
      try {
        await ask({ type: "stop" }, "stopped");
        child.disconnect();
      } finally {
        clearTimeout(timer);
      }
    },
  }));
}

/** A page of this origin posting JSON, as the web app does (same-origin check, cookie). */
async function postJson(base: string, path: string, body: unknown, cookie = "") {
  const response = await fetch(base + path, {
    method: "POST",
    headers: { origin: base, "content-type": "application/json", cookie },
    body: JSON.stringify(body),
  });
  // Read to the end, or the unread answer holds the connection open and the server cannot close.
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${text}`);
  return response;
}

/** Signs a new person up and returns the session cookie the server set. */
export async function signUp(base: string, email: string): Promise<string> {
  const response = await postJson(base, "/api/v1/auth/signup", {
    email,
    password: "a calm back at dawn",
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error("sign-up set no session cookie");
  return cookie;
}

/** One of the synthetic log's events with a new id, so each push stores a new event. */
let nextLogEvent = 0;
function freshEvent(): LimberEvent {
  const event = log[nextLogEvent++ % log.length] as LimberEvent;
  return { ...event, id: randomUUID() };
}

export interface Measured {
  rate: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Responses with a 2xx status, the warm-up's included. */
  ok: number;
  sent: number;
  /** CPU time per request sent: the server's Node process, and the PostgreSQL server's. */
  nodeUs?: number;
  postgresUs?: number;
}

function run(options: autocannon.Options, duration: number): Promise<Measured> {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, ...options, duration }, (error, result) => {
      if (error) return reject(error);
      resolve({
        rate: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors,
        non2xx: result.non2xx,
        ok: result["2xx"],
        sent: result.requests.sent,
      });
    });
  });
}

/**
 * A short unreported run first, so the JIT and the connection pools are warm; then the measured
 * run, with the CPU time the server (and a local PostgreSQL) spent on it.
 */
async function measure(
  target: Target,
  countPostgres: boolean,
  seconds: number,
  options: () => autocannon.Options,
): Promise<Measured> {
  const warmUp = await run(options(), WARM_UP_SECONDS);
  const cpu = async () => ({
    node: (await target.ask({ type: "cpu" }, "cpu")).micros,
    postgres: countPostgres ? postgresCpuMs() : undefined,
  });
  const before = await cpu();
  const measured = await run(options(), seconds);
  const after = await cpu();
  const perRequest = (micros: number) => micros / Math.max(1, measured.sent);
  return {
    ...measured,
    ok: measured.ok + warmUp.ok,
    nodeUs: perRequest(after.node - before.node),
    ...(after.postgres !== undefined && before.postgres !== undefined
      ? { postgresUs: perRequest((after.postgres - before.postgres) * 1000) }
      : {}),
  };
}

const headers = (base: string, cookie = "") => ({
  origin: base,
  "content-type": "application/json",
  ...(cookie ? { cookie } : {}),
});

/**
 * Each connection is a device of one of the accounts (connection i is account i mod ACCOUNTS,
 * so neighbours are different people), pushing one new event a sync.
 */
function pushOptions(base: string, cookies: string[]): autocannon.Options {
  let connection = 0;
  return {
    url: base,
    setupClient(client) {
      const cookie = cookies[connection++ % cookies.length] as string;
      // The cursor this device last saw, as the web app keeps it.
      let since = 0;
      client.setRequests([
        {
          method: "POST",
          path: "/api/v1/sync",
          headers: headers(base, cookie),
          setupRequest: (request) => ({
            ...request,
            body: JSON.stringify({ events: [freshEvent()], since }),
          }),
          onResponse: (status, body) => {
            const cursor = status === 200 ? /"cursor":(\d+),"more":\w+}$/.exec(body) : null;
            if (cursor) since = Number(cursor[1]);
          },
        },
      ]);
    },
  };
}

export interface Row {
  backend: string;
  scenario: string;
  measured: Measured;
  ratio: number;
}

export interface BackendFigures {
  detail: string;
  rows: Row[];
  /**
   * The bare durable-insert route's pushes (bench/push-reference.ts), measured after Limber's,
   * and Limber's push rate as a fraction of it (SQLite only).
   */
  reference?: { measured: Measured; ratio: number };
  bytesPerEvent: number;
  pushesAcknowledged: number;
  pushesStored: number;
}

async function benchBackend(kind: "sqlite" | "postgres", seconds: number): Promise<BackendFigures> {
  const target = await startTarget(kind);
  try {
    const base = target.limber;
    // Signed up rather than signed in: sign-ins from one address are rate-limited.
    const cookies = await Promise.all(
      Array.from({ length: ACCOUNTS }, (_, i) => signUp(base, `pusher${i}@bench.example`)),
    );
    const reader = await signUp(base, "reader@bench.example");
    const history = log.slice(0, PULL_EVENTS);
    for (let start = 0; start < history.length; start += PUSH_LIMIT) {
      const events = history.slice(start, start + PUSH_LIMIT);
      await postJson(base, "/api/v1/sync", { events, since: 0 }, reader);
    }
    const stored = await target.ask({ type: "storage" }, "storage");

    // PGlite runs inside the server process, so its work is in the Node figure.
    const countPostgres = kind === "postgres" && !target.backend.includes("PGlite");
    const hello = await measure(target, countPostgres, seconds, () => ({ url: target.hello }));
    const push = await measure(target, countPostgres, seconds, () => pushOptions(base, cookies));
    // The same pushes, each to the bare durable-insert route, right after Limber's.
    const { reference } = target;
    const referencePush = reference
      ? await measure(target, false, seconds, () => pushOptions(reference, cookies))
      : undefined;
    const pull = await measure(target, countPostgres, seconds, () => ({
      url: `${base}/api/v1/sync`,
      method: "POST",
      headers: headers(base, reader),
      body: JSON.stringify({ events: [], since: 0 }),
    }));
    const after = await target.ask({ type: "storage" }, "storage");

    const label = kind === "sqlite" ? "SQLite" : postgresLabel(target.backend);
    const row = (scenario: string, measured: Measured): Row => ({
      backend: label,
      scenario,
      measured,
      ratio: measured.rate / hello.rate,
    });
    return {
      detail: target.backend,
      rows: [
        row("hello-world", hello),
        row("push 1 event", push),
        row(`pull ${PULL_EVENTS.toLocaleString("en-GB")} events`, pull),
      ],
      ...(referencePush
        ? { reference: { measured: referencePush, ratio: push.rate / referencePush.rate } }
        : {}),
      bytesPerEvent: stored.bytes / stored.rows,
      pushesAcknowledged: push.ok,
      pushesStored: after.rows - stored.rows,
    };
  } finally {
    await target.stop();
  }
}

function postgresLabel(detail: string): string {
  const version = detail.match(/^PostgreSQL ([\d.]+)/)?.[1] ?? "";
  return detail.includes("PGlite")
    ? "PostgreSQL (PGlite fallback)"
    : `PostgreSQL ${version} (local)`;
}

/** Both backends, SQLite first, each scenario `seconds` long after its warm-up. */
export async function benchServer(seconds: number): Promise<BackendFigures[]> {
  const results: BackendFigures[] = [];
  for (const kind of ["sqlite", "postgres"] as const)
    results.push(await benchBackend(kind, seconds));
  return results;
}

/** The average size of the synthetic events pushed, in bytes of JSON. */
export const eventBytes =
  log.reduce((sum, event) => sum + Buffer.byteLength(JSON.stringify(event)), 0) / log.length;

const micros = (value: number | undefined) =>
  value === undefined ? "–" : Math.round(value).toLocaleString("en-GB");

/** The figures as rows of text, a header row first. */
export function serverTable(results: readonly BackendFigures[]): string[][] {
  return [
    [
      "backend",
      "scenario",
      "req/s",
      "p50 ms",
      "p99 ms",
      "errors/non-2xx",
      "vs hello",
      "Node CPU µs/req",
      "PG CPU µs/req",
    ],
    ...results.flatMap((result) => {
      const hello = result.rows[0]?.measured.rate ?? Number.NaN;
      const rows = result.reference
        ? [
            ...result.rows.slice(0, 2),
            {
              backend: result.rows[0]?.backend ?? "",
              scenario: "reference push (bare insert)",
              measured: result.reference.measured,
              ratio: result.reference.measured.rate / hello,
            },
            ...result.rows.slice(2),
          ]
        : result.rows;
      return rows.map(({ backend, scenario, measured, ratio }) => [
        backend,
        scenario,
        Math.round(measured.rate).toLocaleString("en-GB"),
        measured.p50.toFixed(1),
        measured.p99.toFixed(1),
        `${measured.errors}/${measured.non2xx}`,
        `${ratio.toFixed(3)}×`,
        micros(measured.nodeUs),
        micros(measured.postgresUs),
      ]);
    }),
  ];
}
