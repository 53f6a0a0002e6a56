import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { buildCli, currentCli, isCurrent, readManifest } from "../../scripts/build-cli.mjs";
import { REPO_ROOT } from "./cli-testing.ts";

const launcher = fileURLToPath(new URL("../../bin/limber.mjs", import.meta.url));
const logFolder = mkdtempSync(join(tmpdir(), "limber-loads-"));
afterAll(() => rmSync(logFolder, { recursive: true, force: true }));

// A module hook that writes the URL of every module the process loads to $LIMBER_LOAD_LOG.
const hooks = `import { appendFileSync } from "node:fs";
export async function load(url, context, next) {
  appendFileSync(process.env.LIMBER_LOAD_LOG, url + "\\n");
  return next(url, context);
}`;
const registerHooks = `import { register } from "node:module";
register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;

let runs = 0;

/** Runs `limber …argv` as a real process and lists every module it loaded. */
function modulesLoadedBy(...argv: string[]) {
  const log = join(logFolder, `run-${++runs}.txt`);
  const run = spawnSync(
    process.execPath,
    ["--import", `data:text/javascript,${encodeURIComponent(registerHooks)}`, launcher, ...argv],
    {
      cwd: fileURLToPath(REPO_ROOT),
      env: { ...process.env, LIMBER_LOAD_LOG: log },
      encoding: "utf8",
      timeout: 30_000,
    },
  );
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return readFileSync(log, "utf8").trim().split("\n");
}

const packageOf = (url: string) => url.match(/\/node_modules\/((?:@[^/]+\/)?[^/]+)\//)?.[1];

describe("the compiled limber", () => {
  it("plans from JavaScript built from the sources, with no TypeScript loader", async () => {
    const modules = modulesLoadedBy("plan", "--log", "examples/three-weeks.ndjson");
    const entry = await currentCli();
    expect(modules).toContain(entry);
    expect(modules.filter((url) => /\.(ts|tsx|mts|cts)$/.test(url))).toEqual([]);
    const packages = new Set(modules.map(packageOf).filter((name) => name !== undefined));
    for (const loader of ["tsx", "esbuild", "typescript"]) expect(packages).not.toContain(loader);
  });

  it("plans without loading the server, the database drivers or the PDF writer", () => {
    const modules = modulesLoadedBy("plan", "--log", "examples/three-weeks.ndjson");
    const packages = new Set(modules.map(packageOf).filter((name) => name !== undefined));
    for (const heavy of [
      "fastify",
      "@fastify/static",
      "kysely",
      "better-sqlite3",
      "pg",
      "@node-rs/argon2",
      "pdf-lib",
    ]) {
      expect(packages).not.toContain(heavy);
    }
  });

  it("loads what a command needs when it runs: serve --help reads the server's code", () => {
    // The check above is not vacuous: the same hook sees the server's packages when they load.
    const modules = modulesLoadedBy("serve", "--help");
    expect(new Set(modules.map(packageOf))).toContain("fastify");
  });
});

describe("whether the build is current", () => {
  it("is current after a build, and not once a source differs, is missing or the build is gone", async () => {
    await currentCli();
    const manifest = readManifest();
    if (!manifest) throw new Error("no manifest after a build");
    expect(isCurrent(manifest)).toBe(true);
    const sources = Object.keys(manifest.inputs);
    expect(sources).toContain("src/cli/plan-command.ts");
    expect(sources).toContain("../core/src/index.ts");
    expect(sources).toContain("scripts/build-cli.mjs");

    const [size, mtimeMs] = manifest.inputs["src/cli/plan-command.ts"] ?? [0, 0];
    const withInput = (path: string, stat: [number, number]) => ({
      ...manifest,
      inputs: { ...manifest.inputs, [path]: stat },
    });
    expect(isCurrent(withInput("src/cli/plan-command.ts", [size + 1, mtimeMs]))).toBe(false);
    expect(isCurrent(withInput("src/cli/plan-command.ts", [size, mtimeMs + 1]))).toBe(false);
    expect(isCurrent(withInput("src/cli/no-such-command.ts", [1, 1]))).toBe(false);
    expect(isCurrent({ ...manifest, build: "cli-no-such-build" })).toBe(false);
  });

  it("a new build becomes current only when whole, and keeps the one before it", async () => {
    const before = readManifest();
    const after = await buildCli();
    expect(after.build).not.toBe(before?.build);
    expect(readManifest()).toEqual(after);
    const dist = fileURLToPath(new URL("../../dist/", import.meta.url));
    expect(existsSync(join(dist, after.build, "main.js"))).toBe(true);
    if (before) expect(existsSync(join(dist, before.build, "main.js"))).toBe(true);
  });
});
