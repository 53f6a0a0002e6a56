import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../storage/database.ts";
import { migrateToLatest } from "../storage/migrate.ts";
import { createRepository } from "../storage/repository.ts";
import { startTestPostgres, type TestPostgres } from "../storage/testing/postgres.ts";
import { buildApp } from "./app.ts";
import { post } from "./testing.ts";

// PostgreSQL cannot store a NUL in text, and answers a query holding one with an error; the
// server must refuse such an email itself, with a 400, before any query.

let postgres: TestPostgres | undefined;
let database: Database | undefined;
let app: Awaited<ReturnType<typeof buildApp>> | undefined;
beforeAll(async () => {
  postgres = await startTestPostgres();
  console.info(`The API on ${postgres.backend}`);
  database = await postgres.freshDatabase();
  await migrateToLatest(database);
  app = await buildApp({ repository: createRepository(database) });
}, 30_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
  await postgres?.stop();
});

describe("the API on PostgreSQL", () => {
  it.each(["/api/v1/auth/signup", "/api/v1/auth/signin"])(
    "refuses an email holding a NUL at %s with 400 invalid-email",
    async (path) => {
      if (!app) throw new Error("the app starts in beforeAll");
      const response = await post(app, path, {
        email: "ana\u0000@example.org",
        password: "a calm back at dawn",
      });
      expect([response.statusCode, response.json().code]).toEqual([400, "invalid-email"]);
    },
  );
});
