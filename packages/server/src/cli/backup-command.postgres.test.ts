import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refusal, useDataFolder } from "./data-testing.ts";
import { pgDumpInvocation } from "./pg-dump.ts";

/** The server the PostgreSQL tests use when it is up (trust auth, as on CI). */
const SERVER = process.env.LIMBER_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/**
 * A database of its own on the local PostgreSQL, by URL, since these commands read their
 * settings as text; undefined when nothing listens (PGlite, the storage tests' fallback, is a
 * newer PostgreSQL than most machines' pg_dump can read).
 */
let url: string | undefined;
let admin: pg.Client | undefined;
const name = `limber_test_${randomUUID().replaceAll("-", "")}`;

beforeAll(async () => {
  const client = new pg.Client({ connectionString: SERVER });
  try {
    await client.connect();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ECONNREFUSED") return;
    throw error;
  }
  admin = client;
  await admin.query(`create database ${name}`);
  const fresh = new URL(SERVER);
  fresh.pathname = `/${name}`;
  url = fresh.href;
});
afterAll(async () => {
  await admin?.query(`drop database if exists ${name} with (force)`);
  await admin?.end();
});

const folder = useDataFolder();

/** Nothing listens on port 1: what a backup meets when PostgreSQL is down. */
const UNREACHABLE = "postgres://postgres@127.0.0.1:1/none";

describe("limber backup, on PostgreSQL", () => {
  // Without a PostgreSQL here (CI starts one), each case checks instead that the backup is
  // refused in one clear line, so no case is ever skipped.
  const refusedWhenDown = async () => {
    console.log(
      `no PostgreSQL listens at ${new URL(SERVER).host}: checking the refusal instead of pg_dump`,
    );
    const run = await folder.limber(["backup", "--out", join(folder.dir, "down.pgdump")], {
      env: { LIMBER_DATABASE_URL: UNREACHABLE, PATH: process.env.PATH },
    });
    expect(refusal(run)).toBe(
      "Could not connect to PostgreSQL at 127.0.0.1:1/none: connect ECONNREFUSED 127.0.0.1:1.",
    );
  };

  it("runs pg_dump into a new file", async () => {
    if (!url) return refusedWhenDown();
    const out = join(folder.dir, "limber.pgdump");
    const run = await folder.limber(["backup", "--out", out], {
      env: { LIMBER_DATABASE_URL: url, PATH: process.env.PATH },
    });
    expect(run).toMatchObject({ status: 0, stderr: "" });
    expect(run.stdout).toMatch(/^Backed up to .*limber\.pgdump \(\d+\.\d kB\)\n$/);
    // pg_dump's custom format starts with its magic bytes.
    expect(readFileSync(out).subarray(0, 5).toString()).toBe("PGDMP");
  });

  it("says so plainly when pg_dump is not installed", async () => {
    if (!url) return refusedWhenDown();
    const empty = mkdtempSync(join(tmpdir(), "limber-no-tools-"));
    try {
      const run = await folder.limber(["backup", "--out", join(folder.dir, "x.pgdump")], {
        env: { LIMBER_DATABASE_URL: url, PATH: empty },
      });
      expect(refusal(run)).toBe(
        "pg_dump is not installed (or not on the PATH); install the PostgreSQL client tools, the same major version as the server or newer, and try again",
      );
    } finally {
      rmSync(empty, { recursive: true });
    }
  });
});

describe("the pg_dump command line", () => {
  it("keeps the password out of the list of processes", () => {
    const url = "postgres://limber:p%40ss%20word@db.example.org:5433/limber?sslmode=require";
    expect(pgDumpInvocation(url, "/backups/x.pgdump")).toEqual({
      args: [
        "--format=custom",
        "--file=/backups/x.pgdump",
        "--dbname=postgres://limber@db.example.org:5433/limber?sslmode=require",
      ],
      env: { PGPASSWORD: "p@ss word" },
    });
  });

  it("sets no password when the URL has none", () => {
    expect(pgDumpInvocation("postgresql://db/limber", "x").env).toEqual({});
  });
});

describe("limber restore, on PostgreSQL", () => {
  it("prints the pg_restore command to run instead", async () => {
    const run = await folder.limber(["restore", "/backups/Sunday night.pgdump", "--yes"], {
      env: { LIMBER_DATABASE_URL: "postgres://limber:secret@db.example.org/limber" },
    });
    expect(refusal(run)).toBe(
      `restore puts back SQLite backups only; with PostgreSQL, stop the server and run: pg_restore --clean --if-exists --no-owner --dbname="$LIMBER_DATABASE_URL" '/backups/Sunday night.pgdump' && psql "$LIMBER_DATABASE_URL" -c 'delete from auth_sessions' (which ends every session, so that each device sends its whole log again)`,
    );
  });
});
