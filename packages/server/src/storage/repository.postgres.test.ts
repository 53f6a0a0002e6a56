import { afterAll, beforeAll } from "vitest";
import { describeRepositoryContract } from "./repository.contract.ts";
import { startTestPostgres, type TestPostgres } from "./testing/postgres.ts";

let postgres: TestPostgres | undefined;
beforeAll(async () => {
  postgres = await startTestPostgres();
  console.info(`Repository contract on ${postgres.backend}`);
});
afterAll(() => postgres?.stop());

describeRepositoryContract("PostgreSQL", () => {
  if (!postgres) throw new Error("PostgreSQL starts in beforeAll");
  return postgres.freshDatabase();
});
