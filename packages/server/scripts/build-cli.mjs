// The `limber` command-line tool, compiled from TypeScript to JavaScript with esbuild, so that
// it starts without a TypeScript loader. `npm ci` builds it (the `prepare` script runs this
// file); bin/limber.mjs checks that the build is current on every run and builds again when a
// source file changed, so an edit is never run stale.
//
// Each build goes to a new folder, dist/cli-<id>/, and dist/cli.json names the current one
// only once every file of it is written, so a process starting during a build runs the whole
// previous build or the whole new one. The folder sits two levels below the package, as
// src/cli/ does, so `new URL("../../…", import.meta.url)` in the sources means the same file
// compiled or not.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";

const PACKAGE = fileURLToPath(new URL("../", import.meta.url));
const DIST = `${PACKAGE}dist/`;
const MANIFEST = `${DIST}cli.json`;
const ENTRY = "src/cli/main.ts";

/**
 * The file URL of the compiled CLI's entry (exporting `main`), building it first when there is
 * none yet or a source file it was built from changed since.
 */
export async function currentCli() {
  const manifest = readManifest();
  if (manifest && isCurrent(manifest)) return entryUrl(manifest.build);
  return entryUrl((await buildCli()).build);
}

/**
 * The manifest of the current build, or undefined when there is none (or it is unreadable:
 * then the next build replaces it).
 * @returns {{ build: string, inputs: Record<string, [size: number, mtimeMs: number]> } | undefined}
 */
export function readManifest() {
  try {
    const manifest = JSON.parse(readFileSync(MANIFEST, "utf8"));
    if (typeof manifest?.build !== "string" || typeof manifest.inputs !== "object") return;
    return manifest;
  } catch {
    return undefined;
  }
}

/**
 * Whether every file the build was made from is as it was then (same size, same modification
 * time), this script, the package's manifest and the lockfile included, and the build's entry is still there.
 * @param {{ build: string, inputs: Record<string, [number, number]> }} manifest
 */
export function isCurrent(manifest) {
  if (!existsSync(fileURLToPath(entryUrl(manifest.build)))) return false;
  for (const [path, [size, mtimeMs]] of Object.entries(manifest.inputs)) {
    let stat;
    try {
      stat = statSync(PACKAGE + path);
    } catch {
      return false;
    }
    if (stat.size !== size || stat.mtimeMs !== mtimeMs) return false;
  }
  return true;
}

/**
 * Compiles the CLI into a new dist/cli-<id>/ and makes it the current build; removes builds
 * older than the one it replaces. Resolves to the new manifest.
 */
export async function buildCli() {
  const started = Date.now();
  const previous = readManifest();
  const build = `cli-${started.toString(36)}-${process.pid}`;
  // Loaded only here: a run of a current build never loads the compiler.
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    absWorkingDir: PACKAGE,
    entryPoints: { main: ENTRY },
    outdir: DIST + build,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20.19",
    sourcemap: "linked",
    metafile: true,
    logLevel: "silent",
    plugins: [serverDependenciesOutside],
  });
  /** @type {Record<string, [number, number]>} */
  const inputs = {};
  // Installed packages change only through npm, which rewrites the lockfile: its one stat
  // stands for the few hundred files of node_modules the build read.
  const sources = Object.keys(result.metafile.inputs).filter(
    (path) => !path.includes("node_modules/"),
  );
  const self = fileURLToPath(import.meta.url).slice(PACKAGE.length);
  const lockfile = existsSync(`${PACKAGE}../../package-lock.json`)
    ? ["../../package-lock.json"]
    : [];
  for (const path of [self, "package.json", ...lockfile, ...sources]) {
    const stat = statSync(PACKAGE + path);
    // A file changed while the build read it is recorded as unknown, so the next run builds again.
    inputs[path] = [stat.size, stat.mtimeMs >= started ? -1 : stat.mtimeMs];
  }
  const manifest = { build, inputs };
  const temporary = `${MANIFEST}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(manifest)}\n`);
  renameSync(temporary, MANIFEST);
  for (const name of readdirSync(DIST)) {
    const old = name.startsWith("cli-") && name !== build && name !== previous?.build;
    if (old) rmSync(DIST + name, { recursive: true, force: true });
  }
  return manifest;
}

/** @param {string} build */
const entryUrl = (build) => pathToFileURL(`${DIST}${build}/main.js`).href;

/**
 * Bundles Limber's own workspaces (TypeScript, which Node cannot run) with what they use, and
 * leaves the server's own dependencies (Fastify, the database drivers, argon2) to be imported
 * from node_modules as they are, by the chunks of the commands that need them.
 * @type {import("esbuild").Plugin}
 */
const serverDependenciesOutside = {
  name: "server-dependencies-outside",
  setup(build) {
    const manifest = JSON.parse(readFileSync(`${PACKAGE}package.json`, "utf8"));
    const outside = new Set(Object.keys(manifest.dependencies));
    build.onResolve({ filter: /^[^./]/ }, ({ path }) => {
      const name = path
        .split("/")
        .slice(0, path.startsWith("@") ? 2 : 1)
        .join("/");
      return outside.has(name) && !name.startsWith("@limber/")
        ? { path, external: true }
        : undefined;
    });
  },
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { build } = await buildCli();
  console.log(`limber: the command-line tool is built, in dist/${build}/`);
}
