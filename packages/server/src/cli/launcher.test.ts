import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

  it("refuses a check-in dated 9999-12-31 at once, where the report used to run forever", () => {
    const dir = mkdtempSync(join(tmpdir(), "limber-far-"));
    try {
      const log = join(dir, "far.ndjson");
      const farOff = {
        id: "01900000-0000-7000-8000-000000000001",
        type: "checkin",
        at: "9999-12-31T08:00:00Z",
        day: "9999-12-31",
        v: 1,
        data: { back: "calm" },
      };
      writeFileSync(log, `${JSON.stringify(farOff)}\n`);
      // A process of its own, so that a report that never ends is stopped by the timeout.
      const run = limber("report", "--log", log);
      expect(run.error).toBeUndefined();
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^limber: .*line 1.*at: the year is from 1900 to 2999/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
