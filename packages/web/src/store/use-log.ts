import {
  addDays,
  type EventOf,
  type EventType,
  type LimberEvent,
  type LimberState,
  type ReadModel,
  readLog,
  resumeLog,
} from "@limber/core";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { sentenceFor } from "../sentence-for.ts";
import { keepCheckpoint, type OpenedLog, openLog, readWhole, SEEN_DAYS } from "./checkpoint.ts";
import type { DeviceStore, Draft } from "./event-store.ts";
import { localDay } from "./local-time.ts";
import { keepStorage } from "./persistence.ts";

export { SEEN_DAYS };

/**
 * Writes one entry, made now, or at `at` when it takes the place of one made then (a session
 * answered after it was kept stays on the day it was practised).
 */
export type Append = <T extends EventType>(
  type: T,
  data: EventOf<T>["data"],
  at?: Date,
) => Promise<EventOf<T>>;

/** Writes several entries together: all are kept, or none is (see `DeviceStore.appendAll`). */
export type AppendAll = (drafts: readonly Draft[]) => Promise<LimberEvent[]>;

export type LogStatus =
  | { status: "loading" }
  | { status: "failed"; message: string }
  | {
      status: "ready";
      /**
       * The log read once (core's read model): state now, and recent days as they were seen. A
       * start from the checkpoint holds the recent days and the coach's memory only; screens
       * that read the whole history ask for it with `useWholeLog`.
       */
      model: ReadModel;
      /** The model's state: what the log says now. */
      state: LimberState;
      /** Entries on the device, unreadable ones included: it grows with every change. */
      entries: number;
      unreadable: { id: string; message: string }[];
      append: Append;
      appendAll: AppendAll;
      store: DeviceStore;
      /** Adds events that arrived from another device. */
      merge: (events: LimberEvent[]) => void;
      /** Every event, once the whole log has been read (see `readAll`). */
      events?: LimberEvent[];
      /** Reads the whole log, when it is not held yet. */
      readAll: () => void;
    };

/** How long after a change the checkpoint is kept: changes that come together are kept once. */
const KEEP_AFTER_MS = 800;

/**
 * The log as the screens see it: opened from its checkpoint (or read whole), folded on as it
 * grows, and its checkpoint kept after each change.
 */
export function useLog(open: () => Promise<DeviceStore>): LogStatus {
  const [store, setStore] = useState<DeviceStore>();
  const [log, setLog] = useState<OpenedLog>();
  const [failure, setFailure] = useState<string>();
  const held = useRef(0);
  held.current = log?.entries ?? 0;

  useEffect(() => {
    open()
      .then(async (opened) => {
        const read = await openLog(opened, localDay(new Date()));
        setStore(opened);
        setLog(read);
      })
      .catch((error: unknown) => setFailure(sentenceFor(error)));
  }, [open]);

  // The checkpoint follows the model: kept shortly after it changes, not after a start that
  // found nothing new.
  useEffect(() => {
    if (!store || !log || log.unchanged) return;
    const timer = setTimeout(() => void keepCheckpoint(store, log).catch(() => {}), KEEP_AFTER_MS);
    return () => clearTimeout(timer);
  }, [store, log]);

  // The latest log, moved on at once by each change, so changes that come together all count.
  const current = useRef<OpenedLog>();
  current.current = log;

  const grow = useCallback(
    (added: LimberEvent[]) => {
      const before = current.current;
      if (!store || !before) return;
      const entries = before.entries + added.length;
      const events = before.events ? [...before.events, ...added] : undefined;
      const model = resumeLog(before.model, added) ?? (events ? readAgain(events) : undefined);
      if (!model) {
        // Not foldable on, and the whole log is not in memory: read it from the device.
        void readWhole(store, localDay(new Date())).then(move);
        return;
      }
      const { unchanged: _, ...kept } = before;
      move({ ...kept, model, entries, ...(events ? { events } : {}) });
    },
    [store],
  );

  const move = (next: OpenedLog) => {
    current.current = next;
    setLog(next);
  };

  const appendAll = useCallback<AppendAll>(
    async (drafts) => {
      if (!store) throw new Error("the journal is not open yet");
      const events = await store.appendAll(drafts);
      // The first entry makes this device hold the only copy: ask the browser to keep it.
      if (held.current === 0) void keepStorage();
      held.current += events.length;
      grow(events);
      return events;
    },
    [store, grow],
  );
  const append = useCallback<Append>(
    async (type, data, at) => {
      const [event] = await appendAll([{ type, data, at } as Draft]);
      return event as EventOf<typeof type>;
    },
    [appendAll],
  );

  const readAll = useCallback(() => {
    if (!store) return;
    void readWhole(store, localDay(new Date()))
      .then(move)
      .catch((error: unknown) => setFailure(sentenceFor(error)));
  }, [store]);

  if (failure) return { status: "failed", message: failure };
  if (!log || !store) return { status: "loading" };
  return {
    status: "ready",
    model: log.model,
    state: log.model.state,
    entries: log.entries,
    unreadable: log.unreadable,
    append,
    appendAll,
    store,
    merge: grow,
    ...(log.events ? { events: log.events } : {}),
    readAll,
  };
}

function readAgain(events: LimberEvent[]): ReadModel {
  return readLog(events, { from: addDays(localDay(new Date()), -SEEN_DAYS) });
}

/**
 * The whole log, for the screens that read all of it (progress, journal, goals, the range
 * test, the summary, exports): read from the device on first use, then kept. Undefined while
 * it is being read.
 */
export function useWholeLog(
  log: Extract<LogStatus, { status: "ready" }>,
): { model: ReadModel; events: LimberEvent[] } | undefined {
  const { events, readAll } = log;
  useEffect(() => {
    if (!events) readAll();
  }, [events, readAll]);
  return events ? { model: log.model, events } : undefined;
}
