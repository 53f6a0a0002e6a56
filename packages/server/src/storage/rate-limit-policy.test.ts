import { describe, expect, it } from "vitest";
import {
  afterFailure,
  blockMs,
  type FailureRecord,
  type RateLimitPolicy,
} from "./rate-limit-policy.ts";

const MINUTE = 60_000;
const policy: RateLimitPolicy = {
  windowMs: 15 * MINUTE,
  maxFailures: 5,
  baseBlockMs: MINUTE,
  maxBlockMs: 16 * MINUTE,
};
const start = new Date("2025-03-01T08:00:00.000Z");
const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE);

/** The records after failures at each of `minutes`, in turn. */
function failuresAt(minutes: number[]): FailureRecord[] {
  const records: FailureRecord[] = [];
  for (const minute of minutes) records.push(afterFailure(records.at(-1), at(minute), policy));
  return records;
}

describe("blockMs", () => {
  it.each([
    [1, 0],
    [5, 0],
    [6, 1],
    [7, 2],
    [8, 4],
    [9, 8],
    [10, 16],
    [11, 16],
    [2000, 16],
  ])("after failure %i the key is blocked for %i minutes", (failures, minutes) => {
    expect(blockMs(failures, policy)).toBe(minutes * MINUTE);
  });
});

describe("afterFailure", () => {
  it("starts a run at the first failure, unblocked", () => {
    expect(afterFailure(undefined, at(0), policy)).toEqual({ failures: 1, windowStartedAt: at(0) });
  });

  it("blocks at the first failure past the limit and doubles the block with each one after", () => {
    const records = failuresAt([0, 1, 2, 3, 4, 5, 7, 10]);
    expect(records.map((r) => r.blockedUntil)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      at(6),
      at(9),
      at(14),
    ]);
    expect(records.at(-1)).toMatchObject({ failures: 8, windowStartedAt: at(0) });
  });

  it("starts a new run once the window has passed without a block", () => {
    const [, , third] = failuresAt([0, 14, 15]);
    expect(third).toEqual({ failures: 1, windowStartedAt: at(15) });
  });

  it("keeps the run going for a window after the latest block ends", () => {
    // Six failures block until minute 6; a failure 14 minutes after the block still counts.
    const records = failuresAt([0, 0, 0, 0, 0, 5, 20]);
    expect(records.at(-1)).toEqual({ failures: 7, windowStartedAt: at(0), blockedUntil: at(22) });
  });

  it("forgets a run a window after its latest block ends", () => {
    const records = failuresAt([0, 0, 0, 0, 0, 5, 21]);
    expect(records.at(-1)).toEqual({ failures: 1, windowStartedAt: at(21) });
  });
});
