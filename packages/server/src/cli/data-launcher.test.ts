import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { GOOD_PASSWORD, useDataFolder } from "./data-testing.ts";

const launcher = fileURLToPath(new URL("../../bin/limber.mjs", import.meta.url));
const folder = useDataFolder();

/** `limber …argv` as a real process, on the test's data folder, with `stdin` piped in. */
const limber = (argv: string[], stdin = "") =>
  spawnSync(process.execPath, [launcher, ...argv], {
    env: { PATH: process.env.PATH, LIMBER_DATA_DIR: folder.dir },
    input: stdin,
    encoding: "utf8",
    timeout: 30_000,
  });

describe("bin/limber.mjs on the server's data", () => {
  it("adds an account with the password piped on stdin, then lists it", () => {
    const added = limber(["user", "add", "ana@example.org"], `${GOOD_PASSWORD}\nignored\n`);
    expect(added).toMatchObject({ status: 0, stdout: "Added ana@example.org\n", stderr: "" });
    expect(limber(["user", "list", "--json"]).stdout).toMatch(/"email": "ana@example.org"/);
  });

  it("exits 2 with one line when nothing is piped", () => {
    const run = limber(["user", "add", "ben@example.org"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "limber: no password given; set LIMBER_PASSWORD, type it when asked, or pipe it on stdin\n",
    );
  });
});
