import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import type { TestProject } from "vitest/node";
import { createStaticServer } from "../../packages/server/src/serve/static-server.ts";

const webRoot = fileURLToPath(new URL("../../packages/web/", import.meta.url));

/** Builds the web app once and serves it on a free port for every end-to-end test. */
export default async function setup(project: TestProject) {
  // Vitest runs with NODE_ENV=test; the app under test is the production build people get.
  const testEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  await build({ root: webRoot, logLevel: "warn", configFile: `${webRoot}vite.config.ts` });
  process.env.NODE_ENV = testEnv;
  const server = createStaticServer(`${webRoot}dist`);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  project.provide("baseUrl", `http://127.0.0.1:${port}`);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
