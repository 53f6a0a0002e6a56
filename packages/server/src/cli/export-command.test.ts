import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { eventId, notes } from "../storage/testing/events.ts";
import { NOW, refusal, useDataFolder } from "./data-testing.ts";

const folder = useDataFolder();

describe("limber export", () => {
  it("prints every event of one person, in the web API's export shape", async () => {
    await folder.addPerson("ana@example.org", 3);
    await folder.addPerson("ben@example.org", 5);
    const run = await folder.limber(["export", "--user", "Ana@Example.org"]);
    expect(run).toMatchObject({ status: 0, stderr: "" });
    expect(JSON.parse(run.stdout)).toEqual({
      exportedAt: NOW.toISOString(),
      events: JSON.parse(JSON.stringify(notes(1, 3))),
    });
  });

  it("writes to a new file with --out, and says what it wrote", async () => {
    await folder.addPerson("ana@example.org", 2);
    const out = join(folder.dir, "ana.json");
    const run = await folder.limber(["export", "-u", "ana@example.org", "--out", out]);
    expect(run.stdout).toMatch(
      new RegExp(`^Exported 2 events of ana@example.org to ${out} \\(\\d+ bytes\\)\\n$`),
    );
    expect(JSON.parse(readFileSync(out, "utf8")).events).toHaveLength(2);
  });

  it("leaves out a stored event that no longer reads, naming it on stderr, and exports the rest", async () => {
    await folder.addPerson("ana@example.org", 3);
    const file = new BetterSqlite3(join(folder.dir, "limber.sqlite3"));
    file.prepare("update events set body = '{broken' where seq = 2").run();
    file.close();
    const run = await folder.limber(["export", "--user", "ana@example.org"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(
      `limber: left out event ${eventId(2)} (seq 2) of ana@example.org: The stored event ${eventId(2)} at seq 2 is not valid JSON.\n`,
    );
    expect(JSON.parse(run.stdout).events.map((e: { id: string }) => e.id)).toEqual([
      eventId(1),
      eventId(3),
    ]);
  });

  it("exports an empty log as no events", async () => {
    await folder.addPerson("ana@example.org");
    const run = await folder.limber(["export", "--user", "ana@example.org"]);
    expect(JSON.parse(run.stdout)).toEqual({ exportedAt: NOW.toISOString(), events: [] });
  });

  it("never writes over a file that is already there", async () => {
    await folder.addPerson("ana@example.org", 2);
    const out = join(folder.dir, "ana.json");
    writeFileSync(out, "keep me");
    const run = await folder.limber(["export", "--user", "ana@example.org", "--out", out]);
    expect(refusal(run)).toBe(
      `${out} already exists; choose another name, or move the old file away first`,
    );
    expect(readFileSync(out, "utf8")).toBe("keep me");
  });

  it.each<[string[], string]>([
    [["export"], "export needs --user EMAIL; see limber export --help"],
    [
      ["export", "--user"],
      "export: option '-u, --user <value>' argument missing; see limber export --help",
    ],
    [
      ["export", "--user", "nobody@example.org"],
      'no account has the email "nobody@example.org"; see limber user list',
    ],
    [
      ["export", "--user", "a@example.org", "--json"],
      "export: unknown option '--json'; see limber export --help",
    ],
    [
      ["export", "--user", "a@example.org", "everything"],
      "export: unexpected argument 'everything'; see limber export --help",
    ],
  ])("limber %j is refused in one line", async (argv, message) => {
    expect(refusal(await folder.limber(argv))).toBe(message);
  });

  it("refuses to write into a folder that is not there, before reading anything", async () => {
    const out = join(folder.dir, "no-such-folder", "ana.json");
    const run = await folder.limber(["export", "--user", "ana@example.org", "--out", out]);
    expect(refusal(run)).toBe(
      `cannot write ${out}: there is no folder ${join(folder.dir, "no-such-folder")}`,
    );
    expect(existsSync(join(folder.dir, "limber.sqlite3"))).toBe(false);
    expect(readdirSync(folder.dir)).toEqual([]);
  });
});
