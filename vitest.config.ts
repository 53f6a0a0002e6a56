import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.test.ts", "bench/**/*.test.ts"],
    // The JSON report lets CI print one plain "N passed, N failed" line after the run.
    reporters: ["default", "json"],
    outputFile: { json: "node_modules/.cache/limber/test-results.json" },
  },
});
