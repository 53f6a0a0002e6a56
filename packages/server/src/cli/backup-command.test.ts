import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { refusal, useDataFolder } from "./data-testing.ts";

const folder = useDataFolder();

describe("limber backup, on SQLite", () => {
  it("copies every account and event into a new SQLite file, and says its size", async () => {
    await folder.addPerson("ana@example.org", 30);
    await folder.addPerson("ben@example.org", 2);
    const out = join(folder.dir, "limber-backup.sqlite3");
    const run = await folder.limber(["backup", "--out", out]);
    expect(run).toMatchObject({ status: 0, stderr: "" });
    expect(run.stdout).toMatch(new RegExp(`^Backed up to ${out} \\(\\d+\\.\\d kB\\)\\n$`));
    const copy = new BetterSqlite3(out, { readonly: true, fileMustExist: true });
    try {
      const count = (table: string) => copy.prepare(`select count(*) from ${table}`).pluck().get();
      expect([count("users"), count("events")]).toEqual([2, 32]);
      // One self-contained file, which restore can check and put in place as it is.
      expect(copy.pragma("journal_mode", { simple: true })).toBe("delete");
    } finally {
      copy.close();
    }
    expect(readdirSync(folder.dir).filter((name) => name.includes(".partial-"))).toEqual([]);
    // It holds everyone's logs: only its owner may read it.
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });

  it("copies a consistent database while the server has it open", async () => {
    await folder.addPerson("ana@example.org", 5);
    const out = join(folder.dir, "during.sqlite3");
    const run = await folder.withRepository(async (repository) => {
      await repository.createUser({
        id: "00000000-0000-4000-8000-000000000099",
        email: "cleo@example.org",
        passwordHash: "not a real hash",
        now: new Date(),
      });
      return folder.limber(["backup", "--out", out]);
    });
    expect(run.status).toBe(0);
    const copy = new BetterSqlite3(out, { readonly: true });
    expect(copy.prepare("select count(*) from users").pluck().get()).toBe(2);
    copy.close();
  });

  it("never writes over a file that is already there", async () => {
    const out = join(folder.dir, "backup.sqlite3");
    writeFileSync(out, "last week's backup");
    const run = await folder.limber(["backup", "-o", out]);
    expect(refusal(run)).toBe(
      `${out} already exists; choose another name, or move the old file away first`,
    );
    expect(readFileSync(out, "utf8")).toBe("last week's backup");
  });

  it.each<[string[], string]>([
    [["backup"], "backup needs --out FILE; see limber backup --help"],
    [
      ["backup", "backup.sqlite3"],
      "backup: unexpected argument 'backup.sqlite3'; see limber backup --help",
    ],
    [
      ["backup", "--out", "b.sqlite3", "--yes"],
      "backup: unknown option '--yes'; see limber backup --help",
    ],
  ])("limber %j is refused in one line", async (argv, message) => {
    expect(refusal(await folder.limber(argv))).toBe(message);
  });

  it("is listed by limber --help", async () => {
    const { stdout } = await folder.limber(["--help"]);
    expect(stdout).toMatch(/^ {2}backup {3}a consistent copy/m);
    expect(stdout).toMatch(/^ {2}restore {2}put a backup back/m);
    expect(stdout).toMatch(/^ {2}export {3}one person's events/m);
  });
});
