import { type Kysely, type Migration, sql } from "kysely";
import { describe, expect, it } from "vitest";
import type { Database } from "./database.ts";
import { MigrationError } from "./errors.ts";
import { migrateToLatest } from "./migrate.ts";
import { MIGRATIONS } from "./migrations/index.ts";
import { createRepository } from "./repository.ts";

const TABLES = [
  "auth_sessions",
  "events",
  "push_subscriptions",
  "rate_limits",
  "user_seq",
  "users",
];

/** A migration that adds an empty table, or one that adds a table and then fails. */
const addTable = (name: string, fail = false): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema.createTable(name).addColumn("id", "text").execute();
    if (fail) await db.schema.alterTable("no_such_table").addColumn("x", "text").execute();
  },
});

async function tablesOf(database: Database): Promise<string[]> {
  const tables = await database.db.introspection.getTables();
  return tables.map((table) => table.name).sort();
}

/** How migrations behave on a dialect: each case starts from an empty database. */
export function describeMigrationContract(name: string, freshDatabase: () => Promise<Database>) {
  describe(`migrateToLatest on ${name}`, () => {
    const withDatabase = async (test: (database: Database) => Promise<void>) => {
      const database = await freshDatabase();
      try {
        await test(database);
      } finally {
        await database.close();
      }
    };

    it("creates the tables on an empty database, and does nothing the second time", () =>
      withDatabase(async (database) => {
        expect(await migrateToLatest(database)).toEqual([
          "0001-initial",
          "0002-session-synced",
          "0003-push-subscriptions",
        ]);
        expect(await tablesOf(database)).toEqual(TABLES);
        expect(await migrateToLatest(database)).toEqual([]);
        expect(await tablesOf(database)).toEqual(TABLES);
      }));

    it("marks the sessions made before 0002 as synced, so their devices go on as they were", () =>
      withDatabase(async (database) => {
        await migrateToLatest(database, {
          "0001-initial": MIGRATIONS["0001-initial"] as Migration,
        });
        const at = "2026-11-01T08:00:00.000Z";
        await sql`insert into users values ('u', 'a@example.org', 'h', ${at}, ${at})`.execute(
          database.db,
        );
        await sql`insert into auth_sessions values ('t', 'u', ${at}, '2999-01-01T00:00:00.000Z', ${at})`.execute(
          database.db,
        );
        expect(await migrateToLatest(database)).toEqual([
          "0002-session-synced",
          "0003-push-subscriptions",
        ]);
        const session = await createRepository(database).sessionByTokenHash("t", new Date(at));
        expect(session?.syncedAt).toEqual(new Date(at));
      }));

    it("refuses a new migration named before one already applied", () =>
      withDatabase(async (database) => {
        await migrateToLatest(database, { ...MIGRATIONS, "0009-later": addTable("later") });
        const early = {
          ...MIGRATIONS,
          "0008-early": addTable("early"),
          "0009-later": addTable("later"),
        };
        const attempt = migrateToLatest(database, early);
        await expect(attempt).rejects.toThrow(MigrationError);
        await expect(attempt).rejects.toMatchObject({
          code: "migration-failed",
          migration: "0008-early",
          message: expect.stringContaining("sorts before 0009-later"),
        });
        expect(await tablesOf(database)).not.toContain("early");
      }));

    it("refuses a database migrated by a newer Limber", () =>
      withDatabase(async (database) => {
        await migrateToLatest(database, { ...MIGRATIONS, "0009-newer": addTable("newer") });
        await expect(migrateToLatest(database)).rejects.toMatchObject({
          migration: "0009-newer",
          message: expect.stringContaining("does not have"),
        });
      }));

    it("leaves the schema as it was when a migration fails, and names it", () =>
      withDatabase(async (database) => {
        await migrateToLatest(database);
        const broken = {
          ...MIGRATIONS,
          "0008-fine": addTable("fine"),
          "0009-broken": addTable("half_done", true),
        };
        const attempt = migrateToLatest(database, broken);
        await expect(attempt).rejects.toThrow(MigrationError);
        await expect(attempt).rejects.toMatchObject({
          migration: "0009-broken",
          message: expect.stringMatching(/^Migration 0009-broken failed \(.*no_such_table/),
        });
        expect(await tablesOf(database)).toEqual(TABLES);
        // Fixed, the same set then applies in full.
        const fixed = { ...broken, "0009-broken": addTable("half_done") };
        expect(await migrateToLatest(database, fixed)).toEqual(["0008-fine", "0009-broken"]);
        expect(await tablesOf(database)).toEqual([...TABLES, "fine", "half_done"].sort());
      }));
  });
}
