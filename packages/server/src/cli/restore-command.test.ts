import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../storage/database.ts";
import { migrateToLatest } from "../storage/migrate.ts";
import { refusal, useDataFolder } from "./data-testing.ts";

const folder = useDataFolder();
const live = () => join(folder.dir, "limber.sqlite3");
const emails = () =>
  folder.withRepository(async (repository) => (await repository.listUsers()).map((u) => u.email));

/** A backup of the folder's database as it is now, made by limber backup. */
async function backup(name = "backup.sqlite3"): Promise<string> {
  const out = join(folder.dir, name);
  expect((await folder.limber(["backup", "--out", out])).status).toBe(0);
  return out;
}

describe("limber restore, on SQLite", () => {
  it("puts a backup back in place of the database", async () => {
    await folder.addPerson("ana@example.org", 4);
    const saved = await backup();
    await folder.limber(["user", "delete", "ana@example.org", "--yes"]);
    await folder.addPerson("ben@example.org");
    const run = await folder.limber(["restore", saved, "--yes"]);
    expect(run).toEqual({
      status: 0,
      stdout: `Restored ${saved} to ${live()}: 1 account and 4 events. No one was signed in. Start the server again.\n`,
      stderr: "",
      prompts: [],
    });
    expect(await emails()).toEqual(["ana@example.org"]);
  });

  it("ends every session it restores and says so, so each device sends its whole log again", async () => {
    const ana = await folder.addPerson("ana@example.org", 4);
    const later = new Date(Date.now() + 86_400_000);
    await folder.withRepository(async (repository) => {
      for (const tokenHash of ["phone", "laptop"]) {
        await repository.createSession({
          tokenHash,
          userId: ana.id,
          now: new Date(),
          expiresAt: later,
        });
      }
    });
    const saved = await backup();
    const run = await folder.limber(["restore", saved, "--yes"]);
    expect(run.stdout).toBe(
      `Restored ${saved} to ${live()}: 1 account and 4 events. Ended 2 sessions: everyone signs in again, and each device then sends its whole log again. Start the server again.\n`,
    );
    const left = await folder.withRepository(async (repository) =>
      Promise.all(
        ["phone", "laptop"].map((hash) => repository.sessionByTokenHash(hash, new Date())),
      ),
    );
    expect(left).toEqual([undefined, undefined]);
    // The backup itself still holds them: restoring changes only the copy put in place.
    const copy = new BetterSqlite3(saved, { readonly: true });
    try {
      expect(copy.prepare("select count(*) from auth_sessions").pluck().get()).toBe(2);
    } finally {
      copy.close();
    }
  });

  it("puts the restored database in place for its owner only", async () => {
    await folder.addPerson("ana@example.org", 1);
    const saved = await backup();
    expect((await folder.limber(["restore", saved, "--yes"])).status).toBe(0);
    expect(statSync(live()).mode & 0o777).toBe(0o600);
  });

  it("without --yes, says what it would replace and with what, and changes nothing", async () => {
    await folder.addPerson("ana@example.org", 4);
    const saved = await backup();
    await folder.addPerson("ben@example.org", 1);
    const run = await folder.limber(["restore", saved]);
    expect(refusal(run)).toBe(
      `restoring replaces everything in ${live()} (2 accounts and 5 events) with ${saved} (1 account and 4 events); stop the server, then add --yes`,
    );
    expect(await emails()).toEqual(["ana@example.org", "ben@example.org"]);
  });

  it("restores into a data folder with no database yet, as on a new machine", async () => {
    await folder.addPerson("ana@example.org", 2);
    const saved = await backup();
    const fresh = join(folder.dir, "new-machine", "data");
    const env = { LIMBER_DATA_DIR: fresh };
    expect(refusal(await folder.limber(["restore", saved], { env }))).toMatch(
      /^restoring makes .* \(1 account and 2 events\) the database at .*, where there is none yet; add --yes$/,
    );
    expect((await folder.limber(["restore", saved, "--yes"], { env })).status).toBe(0);
    const listed = await folder.limber(["user", "list", "--json"], { env });
    expect(JSON.parse(listed.stdout)).toMatchObject([{ email: "ana@example.org", events: 2 }]);
  });

  it("refuses while the database is open, as it is while the server runs", async () => {
    await folder.addPerson("ana@example.org");
    const saved = await backup();
    const server = await openDatabase({ dataDir: folder.dir });
    try {
      await migrateToLatest(server);
      const run = await folder.limber(["restore", saved, "--yes"]);
      expect(refusal(run)).toBe(
        `${live()} is in use; stop the Limber server (and any other limber command) first`,
      );
    } finally {
      await server.close();
    }
    expect((await folder.limber(["restore", saved, "--yes"])).status).toBe(0);
  });

  it("removes the old database's -wal and -shm files, which would damage the restored one", async () => {
    await folder.addPerson("ana@example.org");
    const saved = await backup();
    // What a crashed server leaves beside its database.
    writeFileSync(`${live()}-wal`, "left over from a crash");
    writeFileSync(`${live()}-shm`, "left over from a crash");
    expect((await folder.limber(["restore", saved, "--yes"])).status).toBe(0);
    const names = readdirSync(folder.dir).filter((name) => name.startsWith("limber.sqlite3"));
    expect(names).toEqual(["limber.sqlite3"]);
    expect(await emails()).toEqual(["ana@example.org"]);
  });

  it.each<[string, (path: string) => void, string]>([
    [
      "a file that is not SQLite",
      (path) => writeFileSync(path, "not a database ".repeat(64)),
      "it is not a SQLite database",
    ],
    [
      "a SQLite file that is not Limber's",
      (path) => {
        writeFileSync(path, "");
        new BetterSqlite3(path).exec("create table t(x)").close();
      },
      "it has no table of events",
    ],
    [
      "a backup made by a newer Limber",
      (path) =>
        new BetterSqlite3(path)
          .exec("insert into kysely_migration (name, timestamp) values ('9999-future', 'x')")
          .close(),
      "The database has migration 9999-future applied, which this Limber does not have; was it migrated by a newer Limber?",
    ],
  ])("refuses %s and changes nothing", async (_, spoil, why) => {
    await folder.addPerson("ana@example.org");
    const file = await backup("suspect.sqlite3");
    spoil(file);
    expect(refusal(await folder.limber(["restore", file, "--yes"]))).toBe(
      `${file} cannot be restored: ${why}`,
    );
    expect(await emails()).toEqual(["ana@example.org"]);
  });

  it("leaves the database as it was when the backup's migrations fail", async () => {
    await folder.addPerson("ana@example.org");
    const saved = await backup();
    // Its tables are there but its record of migrations is not, so 0001 runs again and fails.
    new BetterSqlite3(saved).exec("delete from kysely_migration").close();
    await folder.addPerson("ben@example.org");
    expect(refusal(await folder.limber(["restore", saved, "--yes"]))).toMatch(
      /^Migration 0001-initial failed \(table .?users.? already exists\); no migration of this run was applied\.$/,
    );
    expect(await emails()).toEqual(["ana@example.org", "ben@example.org"]);
    expect(readdirSync(folder.dir).filter((name) => name.includes(".restoring-"))).toEqual([]);
  });

  it.each<[string[], string]>([
    [["restore"], "restore needs FILE; see limber restore --help"],
    [
      ["restore", "a.sqlite3", "b.sqlite3"],
      "restore: unexpected argument 'b.sqlite3'; see limber restore --help",
    ],
    [
      ["restore", "a.sqlite3", "--force"],
      "restore: unknown option '--force'; see limber restore --help",
    ],
    [
      ["restore", "no-such-backup.sqlite3", "--yes"],
      "cannot read no-such-backup.sqlite3: no such file",
    ],
  ])("limber %j is refused in one line", async (argv, message) => {
    expect(refusal(await folder.limber(argv))).toBe(message);
  });

  it("says in its help that the server must be stopped", async () => {
    const { stdout } = await folder.limber(["restore", "--help"]);
    expect(stdout).toContain("Stop the server first.");
    expect(existsSync(live())).toBe(false);
  });
});
