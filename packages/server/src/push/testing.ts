import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../storage/database.ts";
import { migrateToLatest } from "../storage/migrate.ts";
import { createRepository, type Repository } from "../storage/repository.ts";

/** A migrated SQLite repository in a throwaway folder, and one person in it. */
export async function pushStorage() {
  const dir = mkdtempSync(join(tmpdir(), "limber-push-"));
  const database = await openDatabase({ dataDir: dir });
  await migrateToLatest(database);
  const repository: Repository = createRepository(database);
  const person = await repository.createUser({
    id: "00000000-0000-4000-8000-000000000001",
    email: "reminded@example.org",
    passwordHash: "hash",
    now: new Date("2026-11-01T08:00:00Z"),
  });
  return {
    dir,
    repository,
    person,
    async close() {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
