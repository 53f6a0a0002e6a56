import { afterAll, beforeAll } from "vitest";
import { describeMigrationContract } from "./migrate.contract.ts";
import { startTestPostgres, type TestPostgres } from "./testing/postgres.ts";

let postgres: TestPostgres | undefined;
beforeAll(async () => {
  postgres = await startTestPostgres();
  console.info(`Migration tests on ${postgres.backend}`);
});
afterAll(() => postgres?.stop());

describeMigrationContract("PostgreSQL", () => {
  if (!postgres) throw new Error("PostgreSQL starts in beforeAll");
  return postgres.freshDatabase();
});
