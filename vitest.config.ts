import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The JSON report lets CI print one plain "N passed, N failed" line after the run.
    reporters: ["default", "json"],
    outputFile: { json: "node_modules/.cache/limber/test-results.json" },
    projects: [
      {
        test: {
          name: "unit",
          include: [
            "packages/*/src/**/*.test.{ts,tsx}",
            "tests/**/*.test.ts",
            "bench/**/*.test.ts",
          ],
          // Tests that spawn `limber` run the compiled CLI: built here once, if out of date.
          globalSetup: ["packages/server/src/cli/compiled-cli.global-setup.ts"],
          // The crash test keeps both cores busy for half a minute; others must not time out meanwhile.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.e2e.test.ts"],
          globalSetup: ["e2e/support/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One browser at a time: two cores are shared with the build and the server.
          fileParallelism: false,
        },
      },
    ],
  },
});
