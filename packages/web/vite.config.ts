import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { defineConfig, type Plugin } from "vite";

const publicDir = fileURLToPath(new URL("public", import.meta.url));

/**
 * Writes the list of built files and a version into the service worker, so it caches exactly
 * this build for offline use and drops the previous one.
 */
function serviceWorkerAssets(): Plugin {
  let outDir = "";
  let listed: string[] = [];
  return {
    name: "limber-service-worker-assets",
    apply: "build",
    // After Vite's own steps, which drop chunks that held only CSS: the list must name only
    // files that are written.
    enforce: "post",
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    // A file listed but not written would make the worker's install fail, and the app would
    // quietly stop working offline: the build fails instead.
    closeBundle() {
      const missing = listed.filter((asset) => !existsSync(join(outDir, asset)));
      if (missing.length > 0) {
        throw new Error(`the service worker lists files the build did not write: ${missing}`);
      }
    },
    generateBundle(_options, bundle) {
      const worker = Object.values(bundle).find(
        (file) => file.type === "chunk" && file.name === "sw",
      );
      if (worker?.type !== "chunk") throw new Error("the service worker was not built");
      const files = Object.keys(bundle).filter(
        (name) => name !== worker.fileName && !name.endsWith(".map") && !name.startsWith(".vite/"),
      );
      const assets = [...files, ...readdirSync(publicDir)].map((name) => `/${name}`).sort();
      listed = assets;
      const version = createHash("sha256").update(assets.join("\n")).digest("hex").slice(0, 12);
      worker.code = worker.code
        .replaceAll("__LIMBER_ASSETS__", JSON.stringify(assets.filter((a) => a !== "/index.html")))
        .replaceAll("__LIMBER_VERSION__", JSON.stringify(version));
    },
  };
}

/** Text the server sends compressed when the browser accepts it. */
const COMPRESSIBLE = /\.(js|css|html|svg|webmanifest|json)$/;

/**
 * Writes a Brotli (.br) and a gzip (.gz) copy beside each text file of the build, which the
 * server sends to browsers that accept them: the first screen's JavaScript crosses the network
 * at about a third of its size, compressed once at build time rather than on every request.
 */
function precompressed(): Plugin {
  let outDir = "";
  const compressTree = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== ".vite") compressTree(path);
      } else if (COMPRESSIBLE.test(name)) {
        const text = readFileSync(path);
        const brotli = brotliCompressSync(text, {
          params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
        });
        const gzip = gzipSync(text, { level: 9 });
        if (brotli.length < text.length) writeFileSync(`${path}.br`, brotli);
        if (gzip.length < text.length) writeFileSync(`${path}.gz`, gzip);
      }
    }
  };
  return {
    name: "limber-precompressed",
    apply: "build",
    // After everything is written, public files included, so the service worker's list of
    // files (made in generateBundle) never names the compressed copies.
    closeBundle: {
      order: "post",
      handler() {
        compressTree(outDir);
      },
    },
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
  };
}

/**
 * The version of the core's fold: a hash of every source file of packages/core, so any change to
 * the code that reads the log gives a new version, and a checkpoint made by older code is read
 * again from the log rather than trusted (store/checkpoint.ts).
 */
function foldVersion(): string {
  const root = fileURLToPath(new URL("../core/src/", import.meta.url));
  const hash = createHash("sha256");
  const walk = (dir: string): string[] =>
    readdirSync(dir)
      .sort()
      .flatMap((name) => {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) return walk(path);
        return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
      });
  for (const path of walk(root)) hash.update(path.slice(root.length)).update(readFileSync(path));
  return hash.digest("hex").slice(0, 16);
}

export default defineConfig({
  plugins: [serviceWorkerAssets(), precompressed()],
  define: { __LIMBER_FOLD_VERSION__: JSON.stringify(foldVersion()) },
  build: {
    target: "es2022",
    // The manifest maps each screen to its files, for the size figures of `npm run bench:web`.
    manifest: true,
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL("index.html", import.meta.url)),
        sw: fileURLToPath(new URL("src/sw.ts", import.meta.url)),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === "sw" ? "sw.js" : "assets/[name]-[hash].js"),
      },
    },
  },
});
