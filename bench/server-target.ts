/**
 * The servers `npm run bench:server` loads, in a process of their own so the load generator
 * does not share their event loop: a bare Fastify hello-world and Limber's server, side by
 * side in this one process, on SQLite or PostgreSQL (`argv[2]`). Started by bench/server.ts
 * with `fork`; it answers over the IPC channel and cleans up after itself when told to stop.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import Fastify from "fastify";
import { sql } from "kysely";
import { buildApp } from "../packages/server/src/http/app.ts";
import { startServer } from "../packages/server/src/serve/start.ts";
import { SQLITE_FILE_NAME } from "../packages/server/src/storage/database.ts";
import { migrateToLatest } from "../packages/server/src/storage/migrate.ts";
import { createRepository } from "../packages/server/src/storage/repository.ts";
import { startTestPostgres } from "../packages/server/src/storage/testing/postgres.ts";
import { startPushReference } from "./push-reference.ts";
import type { FromTarget, ToTarget } from "./server-protocol.ts";

const HOST = "127.0.0.1";

interface Limber {
  address: string;
  backend: string;
  /** Bytes the events table and its indexes take on disk, and how many rows it holds. */
  eventStorage(): Promise<{ bytes: number; rows: number }>;
  close(): Promise<void>;
}

/** SQLite through `startServer`, exactly as `limber serve` runs it, in a temporary folder. */
async function sqliteLimber(): Promise<Limber> {
  const dataDir = mkdtempSync(join(tmpdir(), "limber-bench-"));
  const server = await startServer(
    { host: HOST, port: 0, dataDir, trustProxy: false },
    { logger: false },
  );
  return {
    address: server.address,
    backend: "SQLite (WAL, synchronous=FULL)",
    async eventStorage() {
      // A second, read-only connection: dbstat counts the pages of the table and its indexes.
      const file = new BetterSqlite3(join(dataDir, SQLITE_FILE_NAME), { readonly: true });
      try {
        const { bytes } = file
          .prepare(
            "select sum(pgsize) as bytes from dbstat where name = 'events' or name in (select name from sqlite_schema where type = 'index' and tbl_name = 'events')",
          )
          .get() as { bytes: number };
        const { rows } = file.prepare("select count(*) as rows from events").get() as {
          rows: number;
        };
        return { bytes, rows };
      } finally {
        file.close();
      }
    },
    async close() {
      const closing = server.close();
      // The bench is over: drop any connection still open rather than wait for it.
      server.app.server.closeAllConnections();
      await closing;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * PostgreSQL from the tests' helper: a fresh database on the local server, or PGlite when
 * nothing listens. The helper hands over an open database rather than a URL, so this does what
 * `startServer` does after opening one: migrate, build the app, listen.
 */
async function postgresLimber(): Promise<Limber> {
  const postgres = await startTestPostgres();
  const database = await postgres.freshDatabase();
  await migrateToLatest(database);
  const app = await buildApp({ repository: createRepository(database), logger: false });
  await app.listen({ host: HOST, port: 0 });
  const { port } = app.server.address() as { port: number };
  const { rows } = await sql<{ version: string }>`select version()`.execute(database.db);
  const version = rows[0]?.version.match(/^PostgreSQL [\d.]+/)?.[0] ?? "PostgreSQL";
  return {
    address: `http://${HOST}:${port}`,
    backend: `${version}: ${postgres.backend}`,
    async eventStorage() {
      const result = await sql<{ bytes: string; rows: string }>`
        select pg_total_relation_size('events') as bytes, (select count(*) from events) as rows
      `.execute(database.db);
      const row = result.rows[0];
      return { bytes: Number(row?.bytes ?? 0), rows: Number(row?.rows ?? 0) };
    },
    async close() {
      const closing = app.close();
      app.server.closeAllConnections();
      await closing;
      await database.close();
      await postgres.stop();
    },
  };
}

/** The baseline: the least a Fastify route can do, with no logger, as Limber runs. */
async function helloWorld() {
  const app = Fastify({ logger: false });
  app.get("/", async () => ({ hello: "world" }));
  await app.listen({ host: HOST, port: 0 });
  const { port } = app.server.address() as { port: number };
  return {
    address: `http://${HOST}:${port}`,
    async close() {
      const closing = app.close();
      app.server.closeAllConnections();
      await closing;
    },
  };
}

const send = (message: FromTarget) => process.send?.(message);

const kind = process.argv[2];
if (kind !== "sqlite" && kind !== "postgres") {
  throw new Error(`server-target: expected sqlite or postgres, not ${kind}`);
}
const hello = await helloWorld();
const limber = kind === "sqlite" ? await sqliteLimber() : await postgresLimber();
const reference = kind === "sqlite" ? await startPushReference(HOST) : undefined;
send({
  type: "ready",
  hello: hello.address,
  limber: limber.address,
  backend: limber.backend,
  ...(reference ? { reference: reference.address } : {}),
});

let stopping: Promise<void> | undefined;
/** Closes both servers and throws the data away; once, however often it is asked. */
const stop = () => {
  stopping ??= (async () => {
    await hello.close();
    await reference?.close();
    await limber.close();
  })();
  return stopping;
};

process.on("message", async (message: ToTarget) => {
  if (message.type === "storage") {
    send({ type: "storage", ...(await limber.eventStorage()) });
  } else if (message.type === "cpu") {
    const { user, system } = process.cpuUsage();
    send({ type: "cpu", micros: user + system });
  } else if (message.type === "stop") {
    await stop();
    send({ type: "stopped" });
  }
});
// If the bench dies, the IPC channel closes: clean up and do not outlive it.
process.on("disconnect", () => {
  void stop().finally(() => process.exit(0));
});
