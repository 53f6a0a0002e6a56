import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { openDatabase } from "../storage/database.ts";
import { migrateToLatest } from "../storage/migrate.ts";
import { createRepository, type Repository } from "../storage/repository.ts";
import { buildApp } from "./app.ts";

export const ORIGIN = "http://localhost:80";

/** A server on a fresh SQLite file, and helpers that talk to it as the web app does. */
export async function testServer(
  now = () => new Date("2026-11-25T07:00:00Z"),
  extra: Partial<Parameters<typeof buildApp>[0]> = {},
) {
  const dir = mkdtempSync(join(tmpdir(), "limber-http-"));
  const database = await openDatabase({ dataDir: dir });
  await migrateToLatest(database);
  const repository: Repository = createRepository(database);
  const app: FastifyInstance = await buildApp({ repository, now, ...extra });
  return {
    app,
    repository,
    async close() {
      await app.close();
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A browser's cookie jar of one: the session cookie a response set, ready to send back. */
export function cookieOf(response: LightMyRequestResponse): string {
  const header = response.headers["set-cookie"];
  const value = (Array.isArray(header) ? header[0] : header) ?? "";
  return value.split(";")[0] ?? "";
}

export async function signUp(
  app: FastifyInstance,
  email: string,
  password = "a calm back at dawn",
): Promise<string> {
  const response = await app.inject({
    method: "POST",
    url: "/api/v1/auth/signup",
    headers: { origin: ORIGIN, host: "localhost:80" },
    payload: { email, password },
  });
  if (response.statusCode !== 201) throw new Error(`sign-up failed: ${response.body}`);
  return cookieOf(response);
}

/** POST as the signed-in page would: same origin, with its cookie. */
export function post(app: FastifyInstance, url: string, payload: unknown, cookie = "") {
  return app.inject({
    method: "POST",
    url,
    headers: { origin: ORIGIN, host: "localhost:80", cookie, "content-type": "application/json" },
    payload: JSON.stringify(payload),
  });
}
