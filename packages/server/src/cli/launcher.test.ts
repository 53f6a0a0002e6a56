import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./cli-testing.ts";

const launcher = fileURLToPath(new URL("../../bin/limber.mjs", import.meta.url));
const limber = (...argv: string[]) =>
  spawnSync(process.execPath, [launcher, ...argv], {
    cwd: fileURLToPath(REPO_ROOT),
    encoding: "utf8",
    timeout: 30_000,
  });

describe("bin/limber.mjs, run by node", () => {
  it("plans from an example log and exits 0", () => {
    const run = limber("plan", "--log", "examples/three-weeks.ndjson");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Wednesday 25 November 2026 · standard · about \d+ min · clear\n/);
  });

  it("exits 2 with one line on a file that is not there", () => {
    const run = limber("plan", "--log", "examples/not-there.ndjson");
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("limber: cannot read examples/not-there.ndjson: no such file\n");
  });
});
