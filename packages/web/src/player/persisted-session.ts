import { type EventOf, type Plan, parseEvent } from "@limber/core";
import { type ClockSnapshot, isClockSnapshot } from "./clock.ts";
import { SESSION_KEY as KEY } from "./session-key.ts";
import type { PlayerBlock } from "./timeline.ts";

export { sessionSaved } from "./session-key.ts";

/** A session in progress, as saved on every change so a reload or a killed tab resumes it. */
export interface PersistedSession {
  day: string;
  kind: Plan["kind"];
  blocks: PlayerBlock[];
  clock: ClockSnapshot;
  skipped: number[];
  /** A desk snack (R-DESK) rather than the day's session. */
  snack?: boolean;
  /** When the page last showed the session (pageNow), and how far in it was. */
  seen?: { at: number; elapsedMs: number };
}

/** Away longer than this, a running session waits, paused where it was last seen. */
export const AWAY_MS = 30_000;

/**
 * Today's session in progress, if one was saved for this same plan. A saved session from
 * another day, or for a plan that has since changed (a new check-in), is dropped: the player
 * only ever continues the plan triage allows today. A reload continues at once; a tab that was
 * closed for longer than AWAY_MS waits, paused where the person last saw it.
 */
export function loadSession(today: string, plan: Plan, now: number): PersistedSession | undefined {
  const raw = savedSession();
  if (!raw || raw.day !== today || raw.kind !== plan.kind) return undefined;
  const planned = plan.blocks.map((b) => b.exercise).join();
  if (raw.blocks.map((b) => b.exercise).join() !== planned) return undefined;
  return raw.seen && raw.clock.runningSince !== null && now - raw.seen.at > AWAY_MS
    ? { ...raw, clock: { elapsedBeforeMs: raw.seen.elapsedMs, runningSince: null } }
    : raw;
}

/** The session saved on this device, whatever its day or plan; undefined when none can be read. */
export function savedSession(): PersistedSession | undefined {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? "null");
    return isPersisted(raw) ? raw : undefined;
  } catch {
    return undefined;
  }
}

export function saveSession(session: PersistedSession): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(session));
  } catch {
    // Storage full or blocked: the session goes on; only resuming after a reload is lost.
  }
}

/** Finished or discarded: nothing can resume it, on this page or after a reload. */
export function clearSession(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing to clear where storage is blocked.
  }
}

const ANSWERING_KEY = "limber.session-answering.v1";

/** How long after Finish a reload or a reopened tab still brings back the session's questions. */
export const ANSWERS_WITHIN_MS = 60 * 60_000;

/** A session kept at Finish whose questions are on screen, with its completion line. */
export interface Answering {
  event: EventOf<"session">;
  summary: string;
  /** A desk snack (one question) rather than the day's session. */
  snack: boolean;
}

/**
 * Keeps the finished session whose questions are showing, so a reload (or a tab closed by
 * mistake and reopened soon) asks them again instead of offering the session anew.
 */
export function keepAnswering(answering: Answering, now: number): void {
  try {
    localStorage.setItem(ANSWERING_KEY, JSON.stringify({ ...answering, finishedAt: now }));
  } catch {
    // Storage full or blocked: only asking again after a reload is lost.
  }
}

/** The session whose questions were showing, when it finished less than ANSWERS_WITHIN_MS ago. */
export function answeringNow(now: number): Answering | undefined {
  try {
    const raw = JSON.parse(localStorage.getItem(ANSWERING_KEY) ?? "null") as Record<
      string,
      unknown
    > | null;
    if (raw === null || typeof raw !== "object") return undefined;
    const { finishedAt, summary, snack } = raw;
    const read = parseEvent(raw.event);
    if (
      !read.ok ||
      read.event.type !== "session" ||
      typeof summary !== "string" ||
      typeof finishedAt !== "number" ||
      now - finishedAt < 0 ||
      now - finishedAt > ANSWERS_WITHIN_MS
    ) {
      return undefined;
    }
    return { event: read.event, summary, snack: snack === true };
  } catch {
    return undefined;
  }
}

/** Answered, passed over, or left for another screen: the questions are not asked again. */
export function clearAnswering(): void {
  try {
    localStorage.removeItem(ANSWERING_KEY);
  } catch {
    // Nothing to clear where storage is blocked.
  }
}

function isPersisted(value: unknown): value is PersistedSession {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.day === "string" &&
    typeof v.kind === "string" &&
    Array.isArray(v.blocks) &&
    Array.isArray(v.skipped) &&
    isClockSnapshot(v.clock)
  );
}
