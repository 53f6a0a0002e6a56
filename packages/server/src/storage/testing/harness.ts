import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { Database } from "../database.ts";
import { migrateToLatest } from "../migrate.ts";
import { createRepository, type Repository, type User } from "../repository.ts";
import type { Schema } from "../schema.ts";

export const NOW = new Date("2025-03-01T08:00:00.000Z");
/** The most events an account may hold in the contract's repository. */
export const CONTRACT_MAX_EVENTS = 3_000;
export const HOUR = 3_600_000;
export const later = (ms: number) => new Date(NOW.getTime() + ms);

/** What a contract case works with: a migrated database, emptied before each case. */
export interface StorageHarness {
  readonly db: Kysely<Schema>;
  readonly repository: Repository;
  /** Adds person `n` (person1@example.org, …). */
  addPerson(n: number): Promise<User>;
}

/** Opens one database for a describe block, migrates it, and empties it before each case. */
export function useStorageHarness(makeDatabase: () => Promise<Database>): StorageHarness {
  let database: Database | undefined;
  let repository: Repository | undefined;
  const opened = () => {
    if (!database || !repository) throw new Error("the database opens in beforeAll");
    return { database, repository };
  };
  beforeAll(async () => {
    database = await makeDatabase();
    await migrateToLatest(database);
    repository = createRepository(database, { maxEventsPerAccount: CONTRACT_MAX_EVENTS });
  });
  afterAll(async () => {
    await database?.close();
  });
  beforeEach(async () => {
    const { db } = opened().database;
    const tables = [
      "push_subscriptions",
      "events",
      "user_seq",
      "auth_sessions",
      "users",
      "rate_limits",
    ] as const;
    for (const table of tables) {
      await db.deleteFrom(table).execute();
    }
  });
  return {
    get db() {
      return opened().database.db;
    },
    get repository() {
      return opened().repository;
    },
    addPerson(n) {
      return opened().repository.createUser({
        id: `00000000-0000-4000-8000-${n.toString().padStart(12, "0")}`,
        email: `person${n}@example.org`,
        passwordHash: `hash-${n}`,
        now: NOW,
      });
    },
  };
}

/** The seqs of a person's stored events, in order. */
export async function seqsOf(db: Kysely<Schema>, userId: string): Promise<number[]> {
  const rows = await db
    .selectFrom("events")
    .select("seq")
    .where("user_id", "=", userId)
    .orderBy("seq")
    .execute();
  return rows.map((row) => row.seq);
}

/** How many rows each table holds for a person. */
export async function rowsOf(db: Kysely<Schema>, userId: string) {
  const count = async (table: "events" | "user_seq" | "auth_sessions") => {
    const { n } = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as("n"))
      .where("user_id", "=", userId)
      .executeTakeFirstOrThrow();
    return Number(n);
  };
  const { n: users } = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  return {
    users: Number(users),
    auth_sessions: await count("auth_sessions"),
    events: await count("events"),
    user_seq: await count("user_seq"),
  };
}
