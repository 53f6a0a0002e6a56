/** How many failures a key may have before it is blocked, and for how long. */
export interface RateLimitPolicy {
  /** Failures this close together count toward the same run. */
  windowMs: number;
  /** Failures allowed in a run before the key is blocked. */
  maxFailures: number;
  /** The block after the first failure past the limit; each later one doubles it. */
  baseBlockMs: number;
  /** The longest block. */
  maxBlockMs: number;
}

/** A key's run of failures as stored. */
export interface FailureRecord {
  failures: number;
  windowStartedAt: Date;
  blockedUntil?: Date;
}

/**
 * The record after one more failure at `now`. A run of failures lasts `windowMs` from its first
 * failure or, once blocked, `windowMs` from the end of the latest block; a failure after that
 * starts a new run. So someone who keeps failing right after each block waits twice as long
 * each time, and someone who mistypes a password once a week is never blocked.
 */
export function afterFailure(
  previous: FailureRecord | undefined,
  now: Date,
  policy: RateLimitPolicy,
): FailureRecord {
  const going = previous !== undefined && runGoingOn(previous, now, policy);
  const failures = going ? previous.failures + 1 : 1;
  const windowStartedAt = going ? previous.windowStartedAt : now;
  const block = blockMs(failures, policy);
  return block > 0
    ? { failures, windowStartedAt, blockedUntil: new Date(now.getTime() + block) }
    : { failures, windowStartedAt };
}

/** The failures of the record's run still going at `now`: 0 once the run has ended (or never began). */
export function failuresInRun(
  record: FailureRecord | undefined,
  now: Date,
  policy: RateLimitPolicy,
): number {
  return record !== undefined && runGoingOn(record, now, policy) ? record.failures : 0;
}

function runGoingOn(record: FailureRecord, now: Date, policy: RateLimitPolicy): boolean {
  return now.getTime() - lastCountedAt(record).getTime() < policy.windowMs;
}

/** How long a key is blocked after its `failures`-th failure in a run: 0 within the limit. */
export function blockMs(failures: number, policy: RateLimitPolicy): number {
  const past = failures - policy.maxFailures;
  if (past <= 0) return 0;
  // 2 ** past grows past any sensible block long before it overflows to Infinity.
  return Math.min(policy.baseBlockMs * 2 ** (past - 1), policy.maxBlockMs);
}

function lastCountedAt(record: FailureRecord): Date {
  const { windowStartedAt, blockedUntil } = record;
  return blockedUntil && blockedUntil > windowStartedAt ? blockedUntil : windowStartedAt;
}
