import { describe, expect, it } from "vitest";
import { checkConvergence } from "./convergence-run.ts";

/**
 * Sync converges: three devices record while online and offline, push in any order, replay
 * and repeat pushes, and the server is restored from backups meanwhile; in the end every device
 * and the server hold the same events and show the same plan, with nothing lost
 * (convergence-run.ts holds the property).
 */
describe("sync convergence", () => {
  it("ends with every device and the server holding the same events and plan, nothing lost, through restores", async () => {
    const figures = await checkConvergence(1000);
    expect(figures.failure).toBeUndefined();
    expect(figures.failed).toBe(false);
    expect(figures.runs).toBe(1000);
    expect(figures.events).toBeGreaterThan(0);
    expect(figures.restores).toBeGreaterThan(0);
  }, 240_000);
});
