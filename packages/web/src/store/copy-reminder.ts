import type { Persistence } from "./persistence.ts";

const KEY = "limber.copy-reminded.v1";
export const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export interface CopyReminderInput {
  now: number;
  persistence: Persistence;
  /** The device syncs with an account, which keeps a copy. */
  synced: boolean;
  /** When the oldest entry on the device was made; undefined when it holds nothing. */
  firstEntryAt: number | undefined;
  /** When the suggestion was last shown, or a copy last exported. */
  remindedAt: number | undefined;
}

/**
 * Whether to suggest taking a copy: only where this device holds the only copy (nothing synced)
 * and the browser may clear it, and at most once a week, the first a week after the first entry.
 */
export function copyReminderDue(input: CopyReminderInput): boolean {
  if (input.persistence === "kept" || input.synced || input.firstEntryAt === undefined)
    return false;
  return input.now - Math.max(input.firstEntryAt, input.remindedAt ?? 0) >= WEEK_MS;
}

export function lastReminded(): number | undefined {
  try {
    const value = Number(localStorage.getItem(KEY));
    return Number.isFinite(value) && value > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The suggestion was shown, or a copy taken: the next is a week away. */
export function noteReminded(now: number): void {
  try {
    localStorage.setItem(KEY, String(now));
  } catch {
    // Storage blocked: the suggestion may come again sooner.
  }
}
