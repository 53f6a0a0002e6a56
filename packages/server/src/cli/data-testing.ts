/** Test helpers: run the commands on the server's data in a temporary folder. Not used by the CLI. */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect } from "vitest";
import { hashPassword } from "../auth/passwords.ts";
import { openDatabase } from "../storage/database.ts";
import { migrateToLatest } from "../storage/migrate.ts";
import { createRepository, type Repository, type User } from "../storage/repository.ts";
import { notes } from "../storage/testing/events.ts";
import type { Run } from "./cli-testing.ts";
import type { CliIo } from "./io.ts";
import { main } from "./main.ts";

/** The clock every command in these tests reads. */
export const NOW = new Date("2026-11-25T07:00:00.000Z");
export const GOOD_PASSWORD = "a calm back at dawn";

export interface DataRun extends Run {
  /** The password prompts shown, in order. */
  prompts: string[];
}

export interface RunOptions {
  /** Settings besides LIMBER_DATA_DIR, which always names the test's folder. */
  env?: NodeJS.ProcessEnv;
  /** What is typed (or piped) at each password prompt; undefined when nothing comes. */
  typed?: (string | undefined)[];
}

export interface DataFolder {
  /** This test's data folder, empty when the test starts and removed after it. */
  readonly dir: string;
  limber(argv: string[], options?: RunOptions): Promise<DataRun>;
  /** The folder's database, opened and migrated as the server does, for `work`. */
  withRepository<T>(work: (repository: Repository) => Promise<T>): Promise<T>;
  /** Adds an account with GOOD_PASSWORD and `events` notes in its log. */
  addPerson(email: string, events?: number): Promise<User>;
}

/** A fresh data folder for each test in the enclosing describe block. */
export function useDataFolder(): DataFolder {
  let dir: string | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "limber-cli-"));
  });
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const folder = () => {
    if (!dir) throw new Error("the data folder is made in beforeEach");
    return dir;
  };
  const withRepository = async <T>(work: (repository: Repository) => Promise<T>) => {
    const database = await openDatabase({ dataDir: folder() });
    try {
      await migrateToLatest(database);
      return await work(createRepository(database));
    } finally {
      await database.close();
    }
  };
  return {
    get dir() {
      return folder();
    },
    async limber(argv, { env = {}, typed = [] } = {}) {
      const run = { stdout: "", stderr: "", prompts: [] as string[] };
      const io: CliIo = {
        stdout: (text) => {
          run.stdout += text;
        },
        stderr: (text) => {
          run.stderr += text;
        },
        readFile: () => Promise.reject(new Error("these commands read no logs")),
      };
      const status = await main(argv, io, {
        env: { LIMBER_DATA_DIR: folder(), ...env },
        now: () => NOW,
        askPassword: async (prompt) => {
          run.prompts.push(prompt);
          return typed.shift();
        },
      });
      return { status, ...run };
    },
    withRepository,
    addPerson: (email, events = 0) =>
      withRepository(async (repository) => {
        const user = await repository.createUser({
          id: randomUUID(),
          email,
          passwordHash: await hashPassword(GOOD_PASSWORD),
          now: new Date("2026-11-02T09:30:00.000Z"),
        });
        if (events > 0) await repository.pushEvents(user.id, notes(1, events), NOW);
        return user;
      }),
  };
}

/** Bad input: nothing on stdout, one line on stderr starting "limber: ", exit 2. The line. */
export function refusal(run: Run): string {
  expect(run.stdout).toBe("");
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(/^limber: [^\n]+\n$/);
  return run.stderr.slice("limber: ".length, -1);
}
