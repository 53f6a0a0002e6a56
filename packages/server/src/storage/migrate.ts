import { DEFAULT_MIGRATION_TABLE, type Kysely, type Migration, Migrator, sql } from "kysely";
import type { Database } from "./database.ts";
import { MigrationError } from "./errors.ts";
import { MIGRATIONS } from "./migrations/index.ts";

type Migrations = Readonly<Record<string, Migration>>;

/**
 * Brings the schema up to date at start-up and returns the names of the migrations it applied.
 * All pending migrations run in one transaction, so a failure leaves the database as it was;
 * a failed, unknown or out-of-order migration throws a MigrationError naming it.
 */
export async function migrateToLatest(
  database: Database,
  migrations: Migrations = MIGRATIONS,
): Promise<string[]> {
  if (database.dialect === "postgres") return runMigrations(database.db, migrations);
  // Kysely runs SQLite migrations outside a transaction, although SQLite's DDL is
  // transactional. Holding the one connection and opening the transaction here gives SQLite the
  // same all-or-nothing run as PostgreSQL (and keeps other queries out until it ends).
  return database.db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    try {
      const applied = await runMigrations(connection, migrations);
      await sql`commit`.execute(connection);
      return applied;
    } catch (error) {
      await sql`rollback`.execute(connection);
      throw error;
    }
  });
}

async function runMigrations<T>(db: Kysely<T>, migrations: Migrations): Promise<string[]> {
  const problem = migrationOrderProblem(Object.keys(migrations), await appliedMigrations(db));
  if (problem) throw new MigrationError(problem.message, problem.migration);

  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: false,
  });
  // Kysely reports rather than throws; the first migration marked "Error" is the one to blame.
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((result) => result.status === "Error");
  if (failed) {
    throw new MigrationError(
      `Migration ${failed.migrationName} failed (${describe(error)}); no migration of this run was applied.`,
      failed.migrationName,
      { cause: error },
    );
  }
  if (error) {
    throw new MigrationError(`Migrations could not run: ${describe(error)}.`, undefined, {
      cause: error,
    });
  }
  return results.filter((result) => result.status === "Success").map((r) => r.migrationName);
}

async function appliedMigrations<T>(db: Kysely<T>): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((table) => table.name === DEFAULT_MIGRATION_TABLE)) return [];
  const { rows } = await sql<{
    name: string;
  }>`select name from ${sql.table(DEFAULT_MIGRATION_TABLE)}`.execute(db);
  return rows.map((row) => row.name);
}

/**
 * Why a set of migrations cannot run on a database that has `applied` ones, if it cannot: an
 * applied migration this Limber does not have (a newer Limber migrated the database), or a new
 * migration that sorts before one already applied (it would run out of order).
 */
export function migrationOrderProblem(
  known: readonly string[],
  applied: readonly string[],
): { migration: string; message: string } | undefined {
  const knownNames = new Set(known);
  const unknown = applied.find((name) => !knownNames.has(name));
  if (unknown) {
    return {
      migration: unknown,
      message: `The database has migration ${unknown} applied, which this Limber does not have; was it migrated by a newer Limber?`,
    };
  }
  const last = [...applied].sort().at(-1);
  const appliedNames = new Set(applied);
  const early = [...known].sort().find((name) => !appliedNames.has(name) && last && name < last);
  if (early && last) {
    return {
      migration: early,
      message: `Migration ${early} is new but sorts before ${last}, which is already applied; new migrations must sort after the last applied one.`,
    };
  }
  return undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
