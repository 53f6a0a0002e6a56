import { randomUUID } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";
import { type Database, openDatabase } from "../database.ts";

/** The server the PostgreSQL tests use when it is up (trust auth, as on CI). */
const POSTGRES_URL =
  process.env.LIMBER_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** A PostgreSQL for one test file: the local server if it answers, PGlite if nothing listens. */
export interface TestPostgres {
  /** Which server runs the tests, for the one line each file prints. */
  backend: string;
  /** An empty database no other test run sees; closing it throws it away. */
  freshDatabase(): Promise<Database>;
  /**
   * The connection URL of an empty database no other test run sees, for a server process to
   * open itself; `stop` drops it. On PGlite it is the one database, emptied.
   */
  freshDatabaseUrl(): Promise<string>;
  stop(): Promise<void>;
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  try {
    await admin.connect();
  } catch (error) {
    // Only "nothing listens" falls back; a server that answers but refuses is a real failure.
    if ((error as NodeJS.ErrnoException).code !== "ECONNREFUSED") throw error;
    return startPglite();
  }
  return usePostgres(admin, new URL(POSTGRES_URL));
}

function usePostgres(admin: pg.Client, base: URL): TestPostgres {
  const created = new Set<string>();
  const drop = async (name: string) => {
    created.delete(name);
    await admin.query(`drop database if exists ${name} with (force)`);
  };
  const createDatabase = async () => {
    // Random, so parallel test files and interrupted runs never meet.
    const name = `limber_test_${randomUUID().replaceAll("-", "")}`;
    await admin.query(`create database ${name}`);
    created.add(name);
    const url = new URL(base);
    url.pathname = `/${name}`;
    return { name, url: url.href };
  };
  return {
    backend: `PostgreSQL at ${base.host}`,
    async freshDatabase() {
      const { name, url } = await createDatabase();
      const database = await openDatabase({ url, dataDir: "" });
      return {
        ...database,
        async close() {
          await database.close();
          await drop(name);
        },
      };
    },
    async freshDatabaseUrl() {
      return (await createDatabase()).url;
    },
    async stop() {
      for (const name of created) await drop(name);
      await admin.end();
    },
  };
}

async function startPglite(): Promise<TestPostgres> {
  const pglite = await PGlite.create();
  // Enough connections for pg's pool of 10; PGlite runs their statements one at a time and
  // keeps a transaction's statements together.
  const server = new PGLiteSocketServer({
    db: pglite,
    host: "127.0.0.1",
    port: 0,
    maxConnections: 20,
  });
  await server.start();
  const url = `postgres://postgres@${server.getServerConn()}/postgres`;
  return {
    backend: `PGlite through pglite-socket at ${server.getServerConn()} (nothing listens at ${new URL(POSTGRES_URL).host})`,
    async freshDatabase() {
      // PGlite serves one database, so "fresh" is an emptied public schema.
      await pglite.exec("drop schema public cascade; create schema public;");
      return openDatabase({ url, dataDir: "" });
    },
    async freshDatabaseUrl() {
      await pglite.exec("drop schema public cascade; create schema public;");
      return url;
    },
    async stop() {
      await server.stop();
      await pglite.close();
    },
  };
}
