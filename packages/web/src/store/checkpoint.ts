import {
  addDays,
  CHECKPOINT_DAYS,
  coversDay,
  keepRecent,
  type LimberEvent,
  type ReadModel,
  readLog,
  resumeLog,
} from "@limber/core";
import type { DeviceStore } from "./event-store.ts";

/**
 * A start that stays fast however long the log grows (architecture.md, one read model): the
 * device keeps the read model's recent days and memory as a checkpoint beside the log, and a
 * start reads only what arrived after it. A checkpoint is used only when it verifies: made by
 * this build's fold, well formed, and accounting for every entry on the device; otherwise the
 * log is read whole again and a new checkpoint kept.
 */

/** Days whose plans as seen the screens show: History's 8 weeks and a 12-week summary. */
export const SEEN_DAYS = 13 * 7;

/** This file's own shape of a checkpoint; a change to it makes older ones unreadable. */
const FORMAT = 1;

/** The core's fold at build time (vite.config.ts); a different build reads the log again. */
export const FOLD_VERSION =
  typeof __LIMBER_FOLD_VERSION__ === "string" ? __LIMBER_FOLD_VERSION__ : "unbuilt";

export type Unreadable = { id: string; message: string };

interface Checkpoint {
  format: typeof FORMAT;
  fold: string;
  /** The last entry's arrival number when it was kept. */
  arrival: number;
  /** Entries on the device it accounts for, unreadable ones included. */
  entries: number;
  unreadable: Unreadable[];
  model: ReadModel;
}

/** The log as a start opens it. */
export interface OpenedLog {
  model: ReadModel;
  /** Every event, when the log was read whole; absent when it resumed from a checkpoint. */
  events?: LimberEvent[];
  unreadable: Unreadable[];
  /** Entries on the device the model accounts for, unreadable ones included. */
  entries: number;
  /** Opened from the checkpoint with nothing new after it: there is nothing to keep. */
  unchanged?: boolean;
}

/** Opens the log from its checkpoint when that verifies, or else reads it whole. */
export async function openLog(store: DeviceStore, today: string): Promise<OpenedLog> {
  const kept = await store.readCheckpoint().catch(() => undefined);
  if (isCheckpoint(kept)) {
    const after = await store.loadAfter(kept.arrival);
    if (after.entries - after.events.length === kept.entries) {
      const model = resumeLog(kept.model, after.events);
      if (model && coversDay(model, today)) {
        const unchanged = after.events.length === 0;
        return { model, unreadable: kept.unreadable, entries: after.entries, unchanged };
      }
    }
  }
  return readWhole(store, today);
}

/** Reads every entry, each checked against its schema, into the read model. */
export async function readWhole(store: DeviceStore, today: string): Promise<OpenedLog> {
  const loaded = await store.load();
  return {
    model: readLog(loaded.events, { from: addDays(today, -SEEN_DAYS) }),
    events: loaded.events,
    unreadable: loaded.unreadable,
    entries: loaded.events.length + loaded.unreadable.length,
  };
}

/** Keeps the model's recent days and memory as the checkpoint for the next start. */
export function keepCheckpoint(store: DeviceStore, log: OpenedLog): Promise<void> {
  const model = keepRecent(log.model, CHECKPOINT_DAYS);
  return store.saveCheckpoint(
    (arrival): Checkpoint => ({
      format: FORMAT,
      fold: FOLD_VERSION,
      arrival,
      entries: log.entries,
      unreadable: log.unreadable,
      model,
    }),
  );
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

/** A checkpoint this build made and can read, in the shape it was written; anything else is not. */
function isCheckpoint(value: unknown): value is Checkpoint {
  if (!isObject(value) || value.format !== FORMAT || value.fold !== FOLD_VERSION) return false;
  if (!Number.isSafeInteger(value.arrival) || !Number.isSafeInteger(value.entries)) return false;
  if (!Array.isArray(value.unreadable) || !isObject(value.model)) return false;
  const { model } = value;
  if (!(model.days instanceof Map) || !(model.retracted instanceof Set)) return false;
  if (!Array.isArray(model.settingsEvents) || !isObject(model.state)) return false;
  const { state } = model;
  return (
    state.emergencies instanceof Map &&
    isObject(state.memory) &&
    isObject(state.settings) &&
    [
      "checkIns",
      "sessions",
      "clearances",
      "measurements",
      "goals",
      "goalRatings",
      "notes",
      "activities",
    ].every((list) => Array.isArray(state[list]))
  );
}
