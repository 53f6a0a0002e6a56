import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, SQLITE_FILE_NAME } from "./database.ts";
import { DamagedDatabaseError, StorageConfigError, StorageUnavailableError } from "./errors.ts";
import { migrateToLatest } from "./migrate.ts";

const root = mkdtempSync(join(tmpdir(), "limber-database-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("openDatabase", () => {
  it("opens SQLite in the data folder, creating it, durable and with foreign keys", async () => {
    const dataDir = join(root, "new", "data");
    const database = await openDatabase({ dataDir, url: "" });
    try {
      expect(database.dialect).toBe("sqlite");
      expect(existsSync(join(dataDir, SQLITE_FILE_NAME))).toBe(true);
      const pragma = async (name: string) => {
        const { rows } = await sql<Record<string, unknown>>`pragma ${sql.raw(name)}`.execute(
          database.db,
        );
        return rows[0]?.[name] ?? rows[0]?.timeout;
      };
      expect(await pragma("journal_mode")).toBe("wal");
      expect(await pragma("synchronous")).toBe(2); // FULL
      expect(await pragma("foreign_keys")).toBe(1);
      expect(await pragma("busy_timeout")).toBe(5000);
    } finally {
      await database.close();
    }
  });

  it("makes the data folder for its owner only, and the database, its WAL and -shm files too", async () => {
    const dataDir = join(root, "private", "data");
    const database = await openDatabase({ dataDir });
    try {
      await migrateToLatest(database);
      const mode = (path: string) => statSync(path).mode & 0o777;
      expect(mode(dataDir)).toBe(0o700);
      for (const suffix of ["", "-wal", "-shm"]) {
        expect([suffix, mode(join(dataDir, `${SQLITE_FILE_NAME}${suffix}`))]).toEqual([
          suffix,
          0o600,
        ]);
      }
    } finally {
      await database.close();
    }
  });

  it("narrows a database an older Limber left readable by others", async () => {
    const dataDir = join(root, "older");
    mkdirSync(dataDir);
    const file = join(dataDir, SQLITE_FILE_NAME);
    const first = await openDatabase({ dataDir });
    await first.close();
    chmodSync(file, 0o644);
    const again = await openDatabase({ dataDir });
    await again.close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("refuses, when asked to check, a file that is not a database, naming it and limber restore", async () => {
    const dataDir = join(root, "not-a-database");
    mkdirSync(dataDir);
    writeFileSync(
      join(dataDir, SQLITE_FILE_NAME),
      "these bytes were never a database ".repeat(200),
    );
    const opening = openDatabase({ dataDir, checkIntegrity: true });
    await expect(opening).rejects.toThrow(DamagedDatabaseError);
    await expect(opening).rejects.toThrow(
      new RegExp(
        `^The database ${join(dataDir, SQLITE_FILE_NAME)} is damaged .*limber restore FILE\\.$`,
      ),
    );
  });

  it.each([
    [
      "another scheme",
      "mysql://root:s3cret@db.example.org/limber",
      /must start with postgres:\/\//,
    ],
    ["a file path", "/var/lib/limber/s3cret.sqlite3", /not a valid URL/],
    ["a URL without its colon", "postgres//root:s3cret@db/limber", /not a valid URL/],
  ])("refuses %s in one sentence, without repeating the password", async (_, url, message) => {
    const opening = openDatabase({ dataDir: root, url });
    await expect(opening).rejects.toThrow(StorageConfigError);
    await expect(opening).rejects.toThrow(message);
    await expect(opening).rejects.toMatchObject({ code: "storage-config" });
    await expect(opening).rejects.not.toThrow(/s3cret/);
  });

  it("says where PostgreSQL could not be reached, without the password", async () => {
    const opening = openDatabase({
      dataDir: root,
      url: "postgresql://me:s3cret@127.0.0.1:1/limber",
    });
    await expect(opening).rejects.toThrow(StorageUnavailableError);
    await expect(opening).rejects.toThrow(
      /^Could not connect to PostgreSQL at 127\.0\.0\.1:1\/limber: /,
    );
    await expect(opening).rejects.not.toThrow(/s3cret/);
  });
});
