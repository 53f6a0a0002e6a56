import {
  EVENT_TYPES,
  type EventOf,
  type EventType,
  type LimberEvent,
  parseEvent,
} from "@limber/core";
import { type IDBPDatabase, openDB } from "idb";
import { uuidv7 } from "uuidv7";
import { localDay, localInstant } from "./local-time.ts";

/**
 * The person's event log on this device, in IndexedDB. Every event is validated with the
 * core's schemas before it is written and again when it is read; a write resolves only once
 * its transaction has committed, so an entry the app has acknowledged is on disk.
 */
export interface EventStore {
  load(): Promise<LoadedLog>;
  append<T extends EventType>(type: T, data: EventOf<T>["data"], at?: Date): Promise<EventOf<T>>;
}

export interface LoadedLog {
  events: LimberEvent[];
  /** Stored records that no longer pass validation: kept on disk, never silently dropped. */
  unreadable: { id: string; message: string }[];
}

interface LimberDb {
  events: { key: string; value: unknown };
  outbox: { key: string; value: { id: string } };
}

const DB_NAME = "limber";

export async function openEventStore(name = DB_NAME): Promise<EventStore> {
  const db: IDBPDatabase<LimberDb> = await openDB<LimberDb>(name, 1, {
    upgrade(database) {
      database.createObjectStore("events", { keyPath: "id" });
      // Events written here and not yet acknowledged by a sync server.
      database.createObjectStore("outbox", { keyPath: "id" });
    },
  });

  return {
    async load() {
      const records = await db.getAll("events");
      const log: LoadedLog = { events: [], unreadable: [] };
      for (const record of records) {
        const result = parseEvent(record);
        if (result.ok) log.events.push(result.event);
        else log.unreadable.push({ id: idOf(record), message: result.error.message });
      }
      return log;
    },

    async append(type, data, at = new Date()) {
      const raw = {
        id: uuidv7(),
        type,
        at: localInstant(at),
        day: localDay(at),
        v: EVENT_TYPES[type].v,
        data,
      };
      const result = parseEvent(raw);
      if (!result.ok) throw result.error;
      const tx = db.transaction(["events", "outbox"], "readwrite", { durability: "strict" });
      await Promise.all([
        tx.objectStore("events").add(result.event),
        tx.objectStore("outbox").add({ id: result.event.id }),
        tx.done,
      ]);
      return result.event as EventOf<typeof type>;
    },
  };
}

function idOf(record: unknown): string {
  const id = (record as { id?: unknown } | null)?.id;
  return typeof id === "string" ? id : "(no id)";
}
