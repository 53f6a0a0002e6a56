import { describe, expect, it } from "vitest";
import { cursorProblems, runCrashCycles } from "./crash-run.ts";

// Architecture (Sync): a push is acknowledged only once its transaction is durable. So a server
// killed at any moment, mid-write included, must come back holding every acknowledged event,
// each once, in the same seq order as before (crash-run.ts does the killing and the checking).

const CYCLES = 20;
/** Set LIMBER_CRASH_SEED to replay a run: the kill moments and batch sizes follow from it. */
const SEED = Number(process.env.LIMBER_CRASH_SEED ?? 20_261_125);

describe("the server killed mid-sync", () => {
  it(`keeps every acknowledged push through ${CYCLES} SIGKILLs`, async () => {
    const figures = await runCrashCycles({ cycles: CYCLES, devices: 8, seed: SEED });
    console.info(
      `crash test: ${figures.cycles} cycles (seed ${figures.seed}, ${figures.devices} devices), ${figures.acknowledged} events acknowledged, ${figures.lost} lost; ${figures.cutOffPushes} pushes cut off by a kill, ${figures.keptAfterCutOff} of their events stored anyway; ${figures.seconds.toFixed(1)} s`,
    );
    expect(figures.problems).toEqual([]);
    expect(figures.lost, "acknowledged events missing after a restart").toBe(0);
    expect(figures.cycles).toBe(CYCLES);
    expect(figures.acknowledged).toBeGreaterThan(0);
    expect(figures.integrity).toBe("ok");
    expect(figures.stored).toBeGreaterThanOrEqual(figures.acknowledged);
  }, 120_000);
});

describe("the page cursor check", () => {
  it("accepts rising cursors and an empty last page, and names a cursor that goes back", () => {
    expect(cursorProblems([3, 7, 7])).toEqual([]);
    expect(cursorProblems([3, 7, 5])).toEqual(["page cursor 5 after 7"]);
    expect(cursorProblems([3, 3, 9])).toEqual(["page cursor 3 after 3"]);
  });
});
