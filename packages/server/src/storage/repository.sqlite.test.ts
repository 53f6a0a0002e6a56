import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { openDatabase } from "./database.ts";
import { describeRepositoryContract } from "./repository.contract.ts";

const dataDir = mkdtempSync(join(tmpdir(), "limber-storage-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describeRepositoryContract("SQLite", () => openDatabase({ dataDir }));
