import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { openDatabase } from "./database.ts";
import { describeMigrationContract } from "./migrate.contract.ts";

const root = mkdtempSync(join(tmpdir(), "limber-migrate-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let count = 0;
describeMigrationContract("SQLite", () => openDatabase({ dataDir: join(root, `db-${++count}`) }));
