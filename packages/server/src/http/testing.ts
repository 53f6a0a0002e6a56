import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { openDatabase } from "../storage/database.ts";
import { migrateToLatest } from "../storage/migrate.ts";
import { createRepository, type EventLogOptions, type Repository } from "../storage/repository.ts";
import { buildApp } from "./app.ts";

export const ORIGIN = "http://localhost:80";

/** A server on a fresh SQLite file, and helpers that talk to it as the web app does. */
export async function testServer(
  now = () => new Date("2026-11-25T07:00:00Z"),
  extra: Partial<Parameters<typeof buildApp>[0]> = {},
  storage: EventLogOptions = {},
) {
  const dir = mkdtempSync(join(tmpdir(), "limber-http-"));
  const database = await openDatabase({ dataDir: dir });
  await migrateToLatest(database);
  const repository: Repository = createRepository(database, storage);
  const app: FastifyInstance = await buildApp({ repository, now, ...extra });
  return {
    app,
    repository,
    database,
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

let people = 0;

/**
 * A new person signs up, each from an address of their own (as people do; sign-ups from one
 * address are limited), or from `from`.
 */
export async function signUp(
  app: FastifyInstance,
  email: string,
  password = "a calm back at dawn",
  from = `198.51.100.${(people++ % 250) + 1}`,
): Promise<string> {
  const response = await post(app, "/api/v1/auth/signup", { email, password }, "", from);
  if (response.statusCode !== 201) throw new Error(`sign-up failed: ${response.body}`);
  return cookieOf(response);
}

/** POST as the signed-in page would: same origin, with its cookie, from `from` (127.0.0.1). */
export function post(
  app: FastifyInstance,
  url: string,
  payload: unknown,
  cookie = "",
  from = "127.0.0.1",
) {
  return app.inject({
    method: "POST",
    url,
    remoteAddress: from,
    headers: { origin: ORIGIN, host: "localhost:80", cookie, "content-type": "application/json" },
    payload: JSON.stringify(payload),
  });
}

/** A log stream that keeps every line the server writes, for tests that read the log. */
export function logCapture(): { stream: Writable; text(): string } {
  let logged = "";
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logged += String(chunk);
      done();
    },
  });
  return { stream, text: () => logged };
}
