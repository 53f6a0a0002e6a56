import {
  type EventOf,
  type EventType,
  type LimberEvent,
  type LimberState,
  project,
} from "@limber/core";
import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import type { EventStore } from "./event-store.ts";

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
      store: EventStore;
      /** Adds events that arrived from another device. */
      merge: (events: LimberEvent[]) => void;
    };

/** The log as the screens see it: loaded once, folded into state, grown by `append`. */
export function useLog(open: () => Promise<EventStore>): LogStatus {
  const [store, setStore] = useState<EventStore>();
  const [events, setEvents] = useState<LimberEvent[]>();
  const [unreadable, setUnreadable] = useState<{ id: string; message: string }[]>([]);
  const [failure, setFailure] = useState<string>();

  useEffect(() => {
    open()
      .then(async (opened) => {
        const log = await opened.load();
        setStore(opened);
        setUnreadable(log.unreadable);
        setEvents(log.events);
      })
      .catch((error: unknown) =>
        setFailure(error instanceof Error ? error.message : String(error)),
      );
  }, [open]);

  const state = useMemo(() => (events ? project(events) : undefined), [events]);

  const append = useCallback<Append>(
    async (type, data) => {
      if (!store) throw new Error("the journal is not open yet");
      const event = await store.append(type, data);
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
