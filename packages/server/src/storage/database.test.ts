import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, SQLITE_FILE_NAME } from "./database.ts";
import { StorageConfigError, StorageUnavailableError } from "./errors.ts";

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
