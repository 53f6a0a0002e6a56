import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { DamagedDatabaseError, StorageConfigError, StorageUnavailableError } from "./errors.ts";
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
  /**
   * Run SQLite's quick check before anything else, and refuse a damaged file with
   * DamagedDatabaseError (the server does, at start-up; PostgreSQL checks its own pages).
   */
  checkIntegrity?: boolean;
}

export const SQLITE_FILE_NAME = "limber.sqlite3";

/**
 * Opens the database the configuration names: SQLite in the data folder by default,
 * PostgreSQL when a URL is given. Throws StorageConfigError for a URL it cannot use,
 * StorageUnavailableError when PostgreSQL does not answer, and DamagedDatabaseError for a
 * SQLite file that is not a database or fails its check.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  // An empty LIMBER_DATABASE_URL= in an env file means "not set", as it does for the config.
  if (!options.url) return openSqlite(options.dataDir, options.checkIntegrity ?? false);
  return openPostgres(parsePostgresUrl(options.url));
}

function openSqlite(dataDir: string, checkIntegrity: boolean): Database {
  const path = join(dataDir, SQLITE_FILE_NAME);
  keepToOwner(dataDir, path);
  let sqlite: BetterSqlite3.Database | undefined;
  try {
    sqlite = new BetterSqlite3(path);
    // WAL with synchronous=FULL makes each committed transaction durable before COMMIT returns,
    // which is what lets a sync push be acknowledged (architecture.md: Sync).
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = FULL");
    sqlite.pragma("foreign_keys = ON");
    // Another process (the CLI, a backup) may hold the write lock for a moment.
    sqlite.pragma("busy_timeout = 5000");
    if (checkIntegrity) {
      const found = String(sqlite.pragma("quick_check", { simple: true }));
      if (found !== "ok") throw damaged(path, found);
    }
  } catch (error) {
    sqlite?.close();
    const code = (error as { code?: unknown }).code;
    if (code === "SQLITE_NOTADB" || code === "SQLITE_CORRUPT") {
      throw damaged(path, (error as Error).message);
    }
    throw error;
  }
  const db = new Kysely<Schema>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  return { db, dialect: "sqlite", close: () => db.destroy() };
}

const damaged = (path: string, found: string) =>
  new DamagedDatabaseError(
    `The database ${path} is damaged (SQLite found: ${found.replace(/\s+/g, " ").trim().slice(0, 160)}), so Limber will not use it; put your latest backup back with limber restore FILE.`,
  );

/** Folders Limber makes for its data: only their owner may list or enter them. */
export const OWNER_FOLDER_MODE = 0o700;
/** Files that hold people's logs (the database, its WAL, backups): only their owner may read them. */
export const OWNER_FILE_MODE = 0o600;

/**
 * Makes the data folder (owner only) if it is missing and the database file (owner only) if it
 * is, and narrows an existing database and its -wal and -shm files to their owner. SQLite makes
 * the -wal and -shm files with the database file's own permissions.
 */
function keepToOwner(dataDir: string, path: string): void {
  mkdirSync(dataDir, { recursive: true, mode: OWNER_FOLDER_MODE });
  if (!existsSync(path)) closeSync(openSync(path, "a", OWNER_FILE_MODE));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    try {
      chmodSync(file, OWNER_FILE_MODE);
    } catch (error) {
      // Missing (no WAL yet) is fine; a file owned by another user keeps the mode it has.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOENT" && code !== "EPERM") throw error;
    }
  }
}

/** Distinct statements kept prepared; the server's queries take a few dozen shapes. */
const STATEMENT_CACHE_SIZE = 256;

/**
 * Kysely prepares every query it runs anew, and on a sync push preparing costs about as much
 * as running (docs/benchmarks.md). This keeps the most recently used statements prepared, keyed
 * on their SQL text; a statement still being iterated is never handed out twice. It is also
 * where a rollback SQLite has already done is not asked for twice (see `prepare`).
 */
export function withStatementCache(
  sqlite: BetterSqlite3.Database,
  size = STATEMENT_CACHE_SIZE,
): Pick<BetterSqlite3.Database, "prepare" | "close"> {
  const statements = new Map<string, BetterSqlite3.Statement>();
  let nothing: BetterSqlite3.Statement | undefined;
  return {
    prepare(source: string) {
      // SQLite ends a transaction by itself on some errors (a full disk: SQLITE_FULL). Kysely's
      // rollback after it would fail with "cannot rollback - no transaction is active", and that
      // error would take the place of the real one; with no transaction open, there is nothing
      // to roll back, so the rollback does nothing and the real error goes on.
      if (source === "rollback" && !sqlite.inTransaction) {
        nothing ??= sqlite.prepare("select 1 where 0");
        return nothing;
      }
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
