import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { claimDatabase, installDatabase } from "../../packages/server/src/cli/sqlite-backup.ts";
import { buildApp } from "../../packages/server/src/http/app.ts";
import {
  type Database,
  openDatabase,
  SQLITE_FILE_NAME,
} from "../../packages/server/src/storage/database.ts";
import { migrateToLatest } from "../../packages/server/src/storage/migrate.ts";
import { createRepository, type Repository } from "../../packages/server/src/storage/repository.ts";

/**
 * The server the convergence property runs against: the real app on a SQLite file, which can be
 * backed up while it serves and restored from a backup, as `limber backup` and `limber restore`
 * do (the restore ends every session it puts back). `app` and `repository` change at a restore,
 * so read them each time.
 */
export interface RestorableServer {
  readonly app: FastifyInstance;
  readonly repository: Repository;
  /** A consistent copy of the whole database as it is now; returns the file. */
  backup(): Promise<string>;
  /** Stops serving, puts the backup in place of the database, and serves again. */
  restore(backup: string): Promise<void>;
  close(): Promise<void>;
}

export async function restorableServer(): Promise<RestorableServer> {
  const dir = mkdtempSync(join(tmpdir(), "limber-converge-"));
  const live = join(dir, SQLITE_FILE_NAME);
  let backups = 0;
  const open = async () => {
    const database: Database = await openDatabase({ dataDir: dir, checkIntegrity: true });
    await migrateToLatest(database);
    const repository = createRepository(database);
    return { database, repository, app: await buildApp({ repository }) };
  };
  let current = await open();
  const stop = async () => {
    await current.app.close();
    await current.database.close();
  };
  return {
    get app() {
      return current.app;
    },
    get repository() {
      return current.repository;
    },
    async backup() {
      const file = join(dir, `backup-${++backups}.sqlite3`);
      // What `limber backup` does on SQLite: one snapshot, while the server keeps serving.
      await sql`vacuum into ${file}`.execute(current.database.db);
      return file;
    },
    async restore(backup) {
      await stop();
      // What `limber restore --yes` does once the server is stopped.
      claimDatabase(live);
      await installDatabase(backup, live);
      current = await open();
    },
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
