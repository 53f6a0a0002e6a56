import { describe, expect, it } from "vitest";
import {
  type ClockSnapshot,
  createSessionClock,
  isClockSnapshot,
  pageNow,
  restoreSessionClock,
  type SessionClock,
} from "./clock.ts";

/** A fake monotonic source the test moves by hand. */
function fakeTime(start = 1_700_000_000_000) {
  let t = start;
  return {
    now: () => t,
    pass: (ms: number) => {
      t += ms;
    },
  };
}

type Action = (clock: SessionClock) => void;
const wait = null;

describe("the session clock, step by step", () => {
  // [what happens, action (or just time passing), ms that pass after it, elapsed, running]
  const script: [string, Action | null, number, number, boolean][] = [
    ["created: paused at zero", wait, 5_000, 0, false],
    ["the person starts", (c) => c.resume(), 3_000, 3_000, true],
    ["resume again changes nothing", (c) => c.resume(), 1_000, 4_000, true],
    ["pause", (c) => c.pause(), 60_000, 4_000, false],
    ["pause again changes nothing", (c) => c.pause(), 0, 4_000, false],
    ["resume", (c) => c.resume(), 2_000, 6_000, true],
    ["skip ahead to 60 s while running", (c) => c.seek(60_000), 1_000, 61_000, true],
    ["a hidden tab for 10 minutes still counts", wait, 600_000, 661_000, true],
    ["pause", (c) => c.pause(), 30_000, 661_000, false],
    ["back to 40 s while paused", (c) => c.seek(40_000), 30_000, 40_000, false],
    ["back before the start is the start", (c) => c.seek(-5_000), 0, 0, false],
    ["resume from the start", (c) => c.resume(), 1_500, 1_500, true],
  ];

  it("follows the script", () => {
    const time = fakeTime();
    const clock = createSessionClock({ now: time.now });
    for (const [what, action, passes, elapsed, running] of script) {
      action?.(clock);
      time.pass(passes);
      expect({ what, elapsed: clock.elapsedMs(), running: clock.running }).toEqual({
        what,
        elapsed,
        running,
      });
    }
  });
});

describe("snapshot and restore across a reload", () => {
  const reload = (snapshot: ClockSnapshot): ClockSnapshot => JSON.parse(JSON.stringify(snapshot));

  it("keeps counting a running clock through the reload", () => {
    const time = fakeTime();
    const clock = createSessionClock({ now: time.now });
    clock.resume();
    time.pass(42_000);
    const saved = reload(clock.snapshot());
    time.pass(3_000);
    const restored = restoreSessionClock(saved, { now: time.now });
    expect(restored.running).toBe(true);
    expect(restored.elapsedMs()).toBe(45_000);
    time.pass(1_000);
    expect(restored.elapsedMs()).toBe(46_000);
  });

  it("keeps a paused clock where it was, however long the reload took", () => {
    const time = fakeTime();
    const clock = createSessionClock({ now: time.now });
    clock.resume();
    time.pass(20_000);
    clock.pause();
    const saved = reload(clock.snapshot());
    expect(saved).toEqual({ elapsedBeforeMs: 20_000, runningSince: null });
    time.pass(3_600_000);
    const restored = restoreSessionClock(saved, { now: time.now });
    expect(restored.running).toBe(false);
    expect(restored.elapsedMs()).toBe(20_000);
  });

  it("never runs backwards when the wall clock was set back between pages", () => {
    const time = fakeTime();
    const saved = { elapsedBeforeMs: 30_000, runningSince: time.now() + 5_000 };
    const restored = restoreSessionClock(saved, { now: time.now });
    expect(restored.elapsedMs()).toBe(30_000);
  });

  it("recognises a stored snapshot, and nothing else", () => {
    expect(isClockSnapshot({ elapsedBeforeMs: 1, runningSince: null })).toBe(true);
    expect(isClockSnapshot({ elapsedBeforeMs: 1, runningSince: 2 })).toBe(true);
    for (const value of [
      null,
      "1",
      {},
      { elapsedBeforeMs: "1", runningSince: null },
      { elapsedBeforeMs: Number.NaN, runningSince: null },
      { elapsedBeforeMs: 1 },
    ]) {
      expect(isClockSnapshot(value)).toBe(false);
    }
  });
});

it("reads the page's own monotonic time by default", () => {
  const before = pageNow();
  expect(pageNow()).toBeGreaterThanOrEqual(before);
  expect(Math.abs(pageNow() - Date.now())).toBeLessThan(60_000);
});
