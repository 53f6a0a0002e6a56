import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

const publicDir = fileURLToPath(new URL("public", import.meta.url));

/**
 * Writes the list of built files and a version into the service worker, so it caches exactly
 * this build for offline use and drops the previous one.
 */
function serviceWorkerAssets(): Plugin {
  return {
    name: "limber-service-worker-assets",
    apply: "build",
    generateBundle(_options, bundle) {
      const worker = Object.values(bundle).find(
        (file) => file.type === "chunk" && file.name === "sw",
      );
      if (worker?.type !== "chunk") throw new Error("the service worker was not built");
      const files = Object.keys(bundle).filter(
        (name) => name !== worker.fileName && !name.endsWith(".map") && !name.startsWith(".vite/"),
      );
      const assets = [...files, ...readdirSync(publicDir)].map((name) => `/${name}`).sort();
      const version = createHash("sha256").update(assets.join("\n")).digest("hex").slice(0, 12);
      worker.code = worker.code
        .replaceAll("__LIMBER_ASSETS__", JSON.stringify(assets.filter((a) => a !== "/index.html")))
        .replaceAll("__LIMBER_VERSION__", JSON.stringify(version));
    },
  };
}

export default defineConfig({
  plugins: [serviceWorkerAssets()],
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
