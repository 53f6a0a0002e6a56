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
import { problemText } from "../problem-text.ts";
import type { DeviceStore } from "./event-store.ts";
import { localDay } from "./local-time.ts";
import { keepStorage } from "./persistence.ts";

export type Append = <T extends EventType>(
  type: T,
  data: EventOf<T>["data"],
) => Promise<EventOf<T>>;

export type LogStatus =
  | { status: "loading" }
  | { status: "failed"; message: string }
  | {
      status: "ready";
      events: LimberEvent[];
      /** The log read once (core's read model): state now, and recent days as they were seen. */
      model: ReadModel;
      /** The model's state: what the log says now. */
      state: LimberState;
      unreadable: { id: string; message: string }[];
      append: Append;
      store: DeviceStore;
      /** Adds events that arrived from another device. */
      merge: (events: LimberEvent[]) => void;
    };

/** Days whose plans as seen the screens show: History's 8 weeks and a 12-week summary. */
export const SEEN_DAYS = 13 * 7;

interface Log {
  events: LimberEvent[];
  model: ReadModel;
}

function read(events: LimberEvent[]): Log {
  return { events, model: readLog(events, { from: addDays(localDay(new Date()), -SEEN_DAYS) }) };
}

/** The log grown by `added`: folded on where it can be, read again where it cannot. */
function grow(log: Log, added: LimberEvent[]): Log {
  const events = [...log.events, ...added];
  const model = resumeLog(log.model, added);
  return model ? { events, model } : read(events);
}

/** The log as the screens see it: loaded once, read into the model, grown by `append`. */
export function useLog(open: () => Promise<DeviceStore>): LogStatus {
  const [store, setStore] = useState<DeviceStore>();
  const [log, setLog] = useState<Log>();
  const [unreadable, setUnreadable] = useState<{ id: string; message: string }[]>([]);
  const [failure, setFailure] = useState<string>();
  const held = useRef(0);
  held.current = log?.events.length ?? 0;

  useEffect(() => {
    open()
      .then(async (opened) => {
        const loaded = await opened.load();
        setStore(opened);
        setUnreadable(loaded.unreadable);
        setLog(read(loaded.events));
      })
      .catch((error: unknown) => setFailure(problemText(error)));
  }, [open]);

  const append = useCallback<Append>(
    async (type, data) => {
      if (!store) throw new Error("the journal is not open yet");
      const event = await store.append(type, data);
      // The first entry makes this device hold the only copy: ask the browser to keep it.
      if (held.current === 0) void keepStorage();
      held.current += 1;
      setLog((before) => (before ? grow(before, [event]) : read([event])));
      return event;
    },
    [store],
  );

  const merge = useCallback((arrived: LimberEvent[]) => {
    setLog((before) => (before ? grow(before, arrived) : read(arrived)));
  }, []);

  if (failure) return { status: "failed", message: failure };
  if (!log || !store) return { status: "loading" };
  return { status: "ready", ...log, state: log.model.state, unreadable, append, store, merge };
}
