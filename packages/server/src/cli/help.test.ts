import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { limber } from "./cli-testing.ts";

const { version } = JSON.parse(
  readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
) as { version: string };

describe("limber help and version", () => {
  it.each([["--help"], ["-h"], ["help"]])("%s lists the commands", async (flag) => {
    const run = await limber([flag]);
    expect(run).toMatchObject({ status: 0, stderr: "" });
    expect(run.stdout).toMatch(/^ {2}plan {5}/m);
    expect(run.stdout).toMatch(/^ {2}triage {3}/m);
    expect(run.stdout).toMatch(/^ {2}catalog {2}/m);
  });

  it.each([
    ["plan", "--help"],
    ["triage", "-h"],
    ["catalog", "--help"],
    ["help", "plan"],
  ])("%s %s shows one command's options", async (...argv) => {
    const run = await limber(argv);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: limber (plan|triage|catalog) /);
  });

  it("says the default day is the log's last check-in, not the clock", async () => {
    const { stdout } = await limber(["plan", "--help"]);
    expect(stdout).toContain("Default: the day of the log's last check-in (not today's date).");
  });

  it("prints the server package's version", async () => {
    expect(await limber(["--version"])).toEqual({
      status: 0,
      stdout: `limber ${version}\n`,
      stderr: "",
    });
  });
});
