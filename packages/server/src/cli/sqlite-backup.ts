import { existsSync } from "node:fs";
import { chmod, copyFile, mkdir, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { DEFAULT_MIGRATION_TABLE, Kysely, SqliteDialect } from "kysely";
import { OWNER_FILE_MODE, OWNER_FOLDER_MODE } from "../storage/database.ts";
import { StorageError } from "../storage/errors.ts";
import { migrateToLatest, migrationOrderProblem } from "../storage/migrate.ts";
import { MIGRATIONS } from "../storage/migrations/index.ts";
import type { Schema } from "../storage/schema.ts";
import { CliInputError, oneLine } from "./cli-input-error.ts";
import { flushFolder, flushToDisk, partialPathFor } from "./new-file.ts";
import { counted } from "./server-data.ts";

/** What a SQLite database holds, in a few words: "2 accounts and 812 events". */
export type Contents = string;

/**
 * Checks that `file` is a Limber SQLite database this Limber can use (it opens as SQLite, has
 * the events table, passes SQLite's quick check, and has no migration this Limber lacks) and
 * says what it holds. Opened read-only: the backup itself is never changed.
 */
export function inspectBackup(file: string): Contents {
  if (!existsSync(file))
    throw new CliInputError("not-a-backup", `cannot read ${file}: no such file`);
  let sqlite: BetterSqlite3.Database | undefined;
  try {
    sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    const tables = new Set(
      sqlite
        .prepare("select name from sqlite_master where type = 'table'")
        .pluck()
        .all()
        .map(String),
    );
    if (!tables.has("events") || !tables.has("users")) {
      throw notABackup(file, "it has no table of events");
    }
    const check = String(sqlite.pragma("quick_check", { simple: true }));
    if (check !== "ok") throw notABackup(file, `SQLite finds it damaged (${oneLine(check)})`);
    const applied = tables.has(DEFAULT_MIGRATION_TABLE)
      ? sqlite.prepare(`select name from ${DEFAULT_MIGRATION_TABLE}`).pluck().all().map(String)
      : [];
    const problem = migrationOrderProblem(Object.keys(MIGRATIONS), applied);
    if (problem) throw notABackup(file, oneLine(problem.message));
    return contentsOf(sqlite);
  } catch (error) {
    if (!(error instanceof BetterSqlite3.SqliteError)) throw error;
    const why =
      error.code === "SQLITE_NOTADB"
        ? "it is not a SQLite database"
        : `SQLite cannot read it (${oneLine(error.message)})`;
    throw notABackup(file, why);
  } finally {
    sqlite?.close();
  }
}

const notABackup = (file: string, why: string) =>
  new CliInputError("not-a-backup", `${file} cannot be restored: ${why}`);

/** What the live database holds, or undefined when there is none (or it cannot be read). */
export function liveContents(path: string): Contents | undefined {
  if (!existsSync(path)) return undefined;
  const sqlite = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  try {
    return contentsOf(sqlite);
  } catch {
    return undefined;
  } finally {
    sqlite.close();
  }
}

function contentsOf(sqlite: BetterSqlite3.Database): Contents {
  const count = (table: string) =>
    Number(sqlite.prepare(`select count(*) from ${table}`).pluck().get());
  return `${counted(count("users"), "account")} and ${counted(count("events"), "event")}`;
}

/**
 * Makes sure nothing else has the live database open. Leaving WAL mode needs every other
 * connection closed, so SQLite refuses it while a server (or another limber command) has the
 * file open; when it succeeds it also folds the WAL into the file. A database too damaged to
 * open is not in anyone's way: that may be why it is being restored.
 */
export function claimDatabase(path: string): void {
  if (!existsSync(path)) return;
  const sqlite = new BetterSqlite3(path, { fileMustExist: true, timeout: 1000 });
  try {
    sqlite.pragma("journal_mode = delete");
  } catch (error) {
    if (error instanceof BetterSqlite3.SqliteError && error.code.startsWith("SQLITE_BUSY")) {
      throw new CliInputError(
        "database-in-use",
        `${path} is in use; stop the Limber server (and any other limber command) first`,
      );
    }
  } finally {
    sqlite.close();
  }
}

/**
 * Puts a copy of `backup` in place of the database at `path`: copied beside it, brought up to
 * date by the migrations and every session in it ended while still a copy, flushed to disk,
 * then renamed over the old file in one step. The old file's -wal, -shm and -journal files go
 * first: SQLite would otherwise apply them to the restored database, which they do not belong
 * to. Resolves to the number of sessions ended.
 *
 * Ending the sessions is what keeps devices from diverging: a device that synced after the
 * backup was made holds a cursor past the restored log and events the restored log lacks. Signed
 * out, it signs in again, and a new sign-in starts from cursor 0 (the server refuses any other),
 * so the device sends its whole log again and takes in everything.
 */
export async function installDatabase(backup: string, path: string): Promise<number> {
  await mkdir(dirname(path), { recursive: true, mode: OWNER_FOLDER_MODE });
  const partial = partialPathFor(path, "restoring");
  let ended: number;
  try {
    await copyFile(backup, partial);
    await chmod(partial, OWNER_FILE_MODE);
    ended = await prepareCopy(partial);
    await flushToDisk(partial);
    for (const suffix of ["-wal", "-shm", "-journal"])
      await rm(`${path}${suffix}`, { force: true });
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    await rm(`${partial}-journal`, { force: true });
    throw error;
  }
  await flushFolder(dirname(path));
  return ended;
}

/** Migrates the copy and ends every session in it; the number of sessions ended. */
async function prepareCopy(path: string): Promise<number> {
  // Opened in SQLite's default rollback-journal mode, so the copy is one file when closed.
  const db = new Kysely<Schema>({
    dialect: new SqliteDialect({ database: new BetterSqlite3(path) }),
  });
  try {
    await migrateToLatest({ db, dialect: "sqlite", close: () => db.destroy() });
    const { numDeletedRows } = await db.deleteFrom("auth_sessions").executeTakeFirst();
    return Number(numDeletedRows);
  } catch (error) {
    if (error instanceof StorageError) throw new CliInputError("storage", oneLine(error.message));
    throw error;
  } finally {
    await db.destroy();
  }
}
