import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, SQLITE_FILE_NAME } from "../../packages/server/src/storage/database.ts";
import { migrateToLatest } from "../../packages/server/src/storage/migrate.ts";
import { createRepository } from "../../packages/server/src/storage/repository.ts";
import { notes } from "../../packages/server/src/storage/testing/events.ts";
import { postJson, pullAll, signUp } from "./api-client.ts";
import {
  freePort,
  killServerProcess,
  type ServerProcess,
  startServerProcess,
} from "./server-process.ts";

// A damaged disk, against the real `limber serve`: a database file SQLite finds damaged is
// refused at start-up, and a disk that fills up answers 507 storage-full, keeps everything it
// acknowledged, and logs the real cause.

let dataDir = "";
let server: ServerProcess | undefined;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), "limber-damage-"));
});
afterEach(async () => {
  if (server) await killServerProcess(server);
  server = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

/** A database with one person and 400 notes, then one page of its events table overwritten. */
async function damagedDatabase(folder: string): Promise<void> {
  const database = await openDatabase({ dataDir: folder });
  await migrateToLatest(database);
  const repository = createRepository(database);
  const user = await repository.createUser({
    id: "u",
    email: "a@example.org",
    passwordHash: "h",
    now: new Date(),
  });
  await repository.pushEvents(user.id, notes(1, 400), new Date());
  await database.close();
  const path = join(folder, SQLITE_FILE_NAME);
  const file = new BetterSqlite3(path, { readonly: true });
  const pageSize = Number(file.pragma("page_size", { simple: true }));
  const page = Number(
    file
      .prepare(
        "select pageno from dbstat where name = 'events' and pagetype = 'leaf' limit 1 offset 3",
      )
      .pluck()
      .get(),
  );
  file.close();
  const handle = openSync(path, "r+");
  try {
    writeSync(handle, Buffer.alloc(64, 0xff), 0, 64, (page - 1) * pageSize);
  } finally {
    closeSync(handle);
  }
}

/** The server's output once it holds `pattern` (its log is written a moment after the answer). */
async function outputOnceItHolds(server: ServerProcess, pattern: RegExp): Promise<string> {
  for (let wait = 0; wait < 50 && !pattern.test(server.output()); wait++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return server.output();
}

describe("limber serve on a damaged disk", () => {
  it("refuses a database file SQLite finds damaged, in one sentence naming it and limber restore", async () => {
    await damagedDatabase(dataDir);
    const starting = startServerProcess({
      port: await freePort(),
      dataDir,
      readyDeadlineMs: 15_000,
    });
    const file = join(dataDir, SQLITE_FILE_NAME);
    await expect(starting).rejects.toThrow(
      new RegExp(
        `exited \\(2\\) before answering:\\n(limber: the web app is not built.*\\n)?limber: The database ${file} is damaged \\(SQLite found: .+\\), so Limber will not use it; put your latest backup back with limber restore FILE\\.\\n$`,
      ),
    );
  });

  it("answers 507 storage-full when the disk fills, logs SQLite's own error, and keeps what it acknowledged", async () => {
    server = await startServerProcess({
      port: await freePort(),
      dataDir,
      diskBytes: 1_048_576,
      env: { LIMBER_LOG: "on" },
    });
    const cookie = await signUp(server.origin, "full.disk@example.org", "a calm back at dawn");
    const acknowledged: string[] = [];
    let refused: { status: number; body: unknown } | undefined;
    for (let push = 0; push < 200 && !refused; push++) {
      const batch = notes(push * 20 + 1, push * 20 + 20).map((event) => ({
        ...event,
        data: { text: `${"a long note to fill the disk ".repeat(60)}${event.id}` },
      }));
      const answer = await postJson(
        server.origin,
        "/api/v1/sync",
        { events: batch, since: 0 },
        { cookie },
      );
      if (answer.status === 200) acknowledged.push(...batch.map((event) => event.id));
      else refused = answer;
    }
    expect(refused).toMatchObject({ status: 507, body: { code: "storage-full" } });
    expect(acknowledged.length).toBeGreaterThan(0);
    // Reading still works, and every acknowledged event is there.
    const stored = await pullAll(server.origin, cookie);
    expect(stored.ids).toEqual(acknowledged);
    const logged = await outputOnceItHolds(server, /request failed/);
    expect(logged).toMatch(/"code":"SQLITE_FULL"/);
    expect(logged).toMatch(/database or disk is full/);
    expect(logged).not.toMatch(/cannot rollback/);
  });
});
