import {
  type EventOf,
  type EventType,
  type LimberEvent,
  type LimberState,
  project,
} from "@limber/core";
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import { problemText } from "../problem-text.ts";
import type { DeviceStore } from "./event-store.ts";
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
      state: LimberState;
      unreadable: { id: string; message: string }[];
      append: Append;
      store: DeviceStore;
      /** Adds events that arrived from another device. */
      merge: (events: LimberEvent[]) => void;
    };

/** The log as the screens see it: loaded once, folded into state, grown by `append`. */
export function useLog(open: () => Promise<DeviceStore>): LogStatus {
  const [store, setStore] = useState<DeviceStore>();
  const [events, setEvents] = useState<LimberEvent[]>();
  const [unreadable, setUnreadable] = useState<{ id: string; message: string }[]>([]);
  const [failure, setFailure] = useState<string>();
  const held = useRef(0);
  held.current = events?.length ?? 0;

  useEffect(() => {
    open()
      .then(async (opened) => {
        const log = await opened.load();
        setStore(opened);
        setUnreadable(log.unreadable);
        setEvents(log.events);
      })
      .catch((error: unknown) => setFailure(problemText(error)));
  }, [open]);

  const state = useMemo(() => (events ? project(events) : undefined), [events]);

  const append = useCallback<Append>(
    async (type, data) => {
      if (!store) throw new Error("the journal is not open yet");
      const event = await store.append(type, data);
      // The first entry makes this device hold the only copy: ask the browser to keep it.
      if (held.current === 0) void keepStorage();
      held.current += 1;
      setEvents((before) => [...(before ?? []), event]);
      return event;
    },
    [store],
  );

  const merge = useCallback((arrived: LimberEvent[]) => {
    setEvents((before) => [...(before ?? []), ...arrived]);
  }, []);

  if (failure) return { status: "failed", message: failure };
  if (!events || !state || !store) return { status: "loading" };
  return { status: "ready", events, state, unreadable, append, store, merge };
}
