import { mkdirSync } from "node:fs";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { StorageConfigError, StorageUnavailableError } from "./errors.ts";
import type { Schema } from "./schema.ts";

export type Dialect = "sqlite" | "postgres";

/** An open database: the Kysely handle, which dialect is behind it, and how to let it go. */
export interface Database {
  db: Kysely<Schema>;
  dialect: Dialect;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** `postgres://…` or `postgresql://…`; unset (or empty) for SQLite in `dataDir`. */
  url?: string;
  dataDir: string;
}

export const SQLITE_FILE_NAME = "limber.sqlite3";

/**
 * Opens the database the configuration names: SQLite in the data folder by default,
 * PostgreSQL when a URL is given. Throws StorageConfigError for a URL it cannot use and
 * StorageUnavailableError when PostgreSQL does not answer.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  // An empty LIMBER_DATABASE_URL= in an env file means "not set", as it does for the config.
  if (!options.url) return openSqlite(options.dataDir);
  return openPostgres(parsePostgresUrl(options.url));
}

function openSqlite(dataDir: string): Database {
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new BetterSqlite3(join(dataDir, SQLITE_FILE_NAME));
  // WAL with synchronous=FULL makes each committed transaction durable before COMMIT returns,
  // which is what lets a sync push be acknowledged (architecture.md: Sync).
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  // Another process (the CLI, a backup) may hold the write lock for a moment.
  sqlite.pragma("busy_timeout = 5000");
  const db = new Kysely<Schema>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  return { db, dialect: "sqlite", close: () => db.destroy() };
}

/** Distinct statements kept prepared; the server's queries take a few dozen shapes. */
const STATEMENT_CACHE_SIZE = 256;

/**
 * Kysely prepares every query it runs anew, and on a sync push preparing costs about as much
 * as running (docs/benchmarks.md). This keeps the most recently used statements prepared, keyed
 * on their SQL text; a statement still being iterated is never handed out twice.
 */
export function withStatementCache(
  sqlite: BetterSqlite3.Database,
  size = STATEMENT_CACHE_SIZE,
): Pick<BetterSqlite3.Database, "prepare" | "close"> {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(source: string) {
      const cached = statements.get(source);
      if (cached && !cached.busy) {
        // Map order is insertion order: move it to the back, as the most recently used.
        statements.delete(source);
        statements.set(source, cached);
        return cached;
      }
      const statement = sqlite.prepare(source);
      if (!cached) {
        statements.set(source, statement);
        if (statements.size > size) {
          const oldest = statements.keys().next().value as string;
          statements.delete(oldest);
        }
      }
      return statement;
    },
    close() {
      statements.clear();
      return sqlite.close();
    },
  } as Pick<BetterSqlite3.Database, "prepare" | "close">;
}

async function openPostgres(url: URL): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url.href });
  // An idle connection that drops (a PostgreSQL restart) is discarded by the pool and the next
  // query opens a new one; without a listener the event would end the process.
  pool.on("error", () => {});
  try {
    await pool.query("select 1");
  } catch (error) {
    await pool.end();
    const reason = error instanceof Error ? error.message : String(error);
    throw new StorageUnavailableError(
      `Could not connect to PostgreSQL at ${describePostgresUrl(url)}: ${reason}.`,
      { cause: error },
    );
  }
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: "postgres", close: () => db.destroy() };
}

function parsePostgresUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // The text itself may hold a password, so it is not repeated.
    throw new StorageConfigError(
      "The database URL is not a valid URL; use postgres://user:password@host:5432/database.",
    );
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new StorageConfigError(
      `The database URL must start with postgres:// or postgresql://, not ${JSON.stringify(url.protocol)}; leave it unset to use SQLite.`,
    );
  }
  return url;
}

/** Where a URL points, for messages: host, port and database, never the user or password. */
function describePostgresUrl(url: URL): string {
  return `${url.hostname}:${url.port || "5432"}${url.pathname}`;
}
