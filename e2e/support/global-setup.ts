import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import type { TestProject } from "vitest/node";
import { startServer } from "../../packages/server/src/serve/start.ts";

const webRoot = fileURLToPath(new URL("../../packages/web/", import.meta.url));

/**
 * Builds the web app once and runs the real server (SQLite in a throwaway folder) on a free
 * port for every end-to-end test.
 */
export default async function setup(project: TestProject) {
  // Vitest runs with NODE_ENV=test; the app under test is the production build people get.
  const testEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  // Each run builds into its own folder, so two runs at once never serve each other's half-built app.
  const webDist = mkdtempSync(join(tmpdir(), "limber-e2e-web-"));
  await build({
    root: webRoot,
    logLevel: "warn",
    configFile: `${webRoot}vite.config.ts`,
    build: { outDir: webDist, emptyOutDir: true },
  });
  process.env.NODE_ENV = testEnv;
  const dataDir = mkdtempSync(join(tmpdir(), "limber-e2e-"));
  const server = await startServer(
    { host: "127.0.0.1", port: 0, dataDir, trustProxy: false },
    { webDist },
  );
  project.provide("baseUrl", server.address);
  return async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(webDist, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
