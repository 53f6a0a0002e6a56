/**
 * The session clock. Elapsed time is derived from a monotonic source and the recorded start
 * and pauses, never from counting ticks: a throttled timer, a hidden tab or a locked phone
 * cannot make the session run slow, and the state is two numbers that survive a reload.
 */

export interface ClockSnapshot {
  /** Elapsed time banked before the current run (all of it while paused). */
  elapsedBeforeMs: number;
  /** The `now()` at which the current run began; null while paused. */
  runningSince: number | null;
}

export interface SessionClock {
  readonly running: boolean;
  elapsedMs(): number;
  pause(): void;
  resume(): void;
  /** Moves to `ms` into the session (skip, back, replanning), running or not. */
  seek(ms: number): void;
  snapshot(): ClockSnapshot;
}

export interface ClockOptions {
  now?: () => number;
}

/**
 * Monotonic within a page, and epoch-like across pages (the page's time origin is wall-clock
 * time), so a snapshot's `runningSince` still means something after a reload.
 */
export function pageNow(): number {
  return performance.timeOrigin + performance.now();
}

/** A clock paused at zero; `resume()` starts it. */
export function createSessionClock(options: ClockOptions = {}): SessionClock {
  return restoreSessionClock({ elapsedBeforeMs: 0, runningSince: null }, options);
}

/**
 * A clock continuing from a saved snapshot: a clock saved while running has kept running
 * since, so elapsed = saved elapsed + (now − runningSince).
 */
export function restoreSessionClock(
  snapshot: ClockSnapshot,
  { now = pageNow }: ClockOptions = {},
): SessionClock {
  let elapsedBeforeMs = Math.max(0, snapshot.elapsedBeforeMs);
  let runningSince = snapshot.runningSince;
  // A wall clock set back between two pages can put `runningSince` in the future; count that
  // run from zero rather than going backwards.
  const runMs = (since: number) => Math.max(0, now() - since);
  const elapsedMs = () => elapsedBeforeMs + (runningSince === null ? 0 : runMs(runningSince));
  return {
    get running() {
      return runningSince !== null;
    },
    elapsedMs,
    pause() {
      if (runningSince === null) return;
      elapsedBeforeMs = elapsedMs();
      runningSince = null;
    },
    resume() {
      if (runningSince === null) runningSince = now();
    },
    seek(ms) {
      elapsedBeforeMs = Math.max(0, Number.isFinite(ms) ? ms : 0);
      if (runningSince !== null) runningSince = now();
    },
    snapshot: () => ({ elapsedBeforeMs, runningSince }),
  };
}

/** Whether a value read back from storage is a clock snapshot. */
export function isClockSnapshot(value: unknown): value is ClockSnapshot {
  if (typeof value !== "object" || value === null) return false;
  const { elapsedBeforeMs, runningSince } = value as Record<string, unknown>;
  return (
    typeof elapsedBeforeMs === "number" &&
    Number.isFinite(elapsedBeforeMs) &&
    (runningSince === null || (typeof runningSince === "number" && Number.isFinite(runningSince)))
  );
}
