import {
  compareEvents,
  EVENT_TYPES,
  type EventOf,
  type EventType,
  type LimberEvent,
  parseEvent,
} from "@limber/core";
import { type IDBPDatabase, openDB } from "idb";
import { uuidv7 } from "uuidv7";
import { localDay, localInstant } from "./local-time.ts";
import {
  claimFor,
  type DeviceOwner,
  type GrantedClaim,
  OwnedByAnother,
  readOwner,
  syncingAs,
} from "./ownership.ts";

/**
 * The person's event log on this device, in IndexedDB. Every event is validated with the
 * core's schemas before it is written and again when it is read; a write resolves only once
 * its transaction has committed, so an entry the app has acknowledged is on disk.
 */
export interface EventStore {
  load(): Promise<LoadedLog>;
  append<T extends EventType>(type: T, data: EventOf<T>["data"], at?: Date): Promise<EventOf<T>>;
  /** Events written here that no sync server has acknowledged yet, oldest first. */
  unsent(limit: number): Promise<LimberEvent[]>;
  /** Marks events as safely on the server. */
  acknowledge(ids: readonly string[]): Promise<void>;
  /** Adds events from another device (validated; ones already here are left as they are). */
  receive(events: readonly unknown[]): Promise<LimberEvent[]>;
  /** Queues every event on this device to be sent again (after signing in to an account). */
  requeueAll(): Promise<void>;
  /** A small setting of this device (the sync cursor). */
  getSetting<T>(key: string): Promise<T | undefined>;
  setSetting(key: string, value: unknown): Promise<void>;
}

/**
 * One entry to write: its type and data, when it was made (now, when left out), and the day it
 * belongs to (the day of `at`, when left out: a session finished after midnight is the day's
 * it began on).
 */
export type Draft = {
  [T in EventType]: { type: T; data: EventOf<T>["data"]; at?: Date; day?: string };
}[EventType];

/** The event log together with whose it is: the device's whole store, as the app opens it. */
export interface DeviceStore extends EventStore {
  /**
   * Writes several entries in one transaction, in order: all of them are kept, or none is (an
   * entry that does not validate is refused before anything is written).
   */
  appendAll(drafts: readonly Draft[]): Promise<LimberEvent[]>;
  /** Whose log this is (the ownership rule is in ownership.ts). */
  owner(): Promise<DeviceOwner>;
  /** Stored entries (unreadable ones too) and how many of them no server has acknowledged. */
  counts(): Promise<{ entries: number; unsent: number }>;
  /**
   * Makes the log `email`'s and marks it signed in, in one transaction; refuses with
   * OwnedByAnother when it holds another account's entries. A log that changes hands starts
   * its sync afresh (its settings are cleared).
   */
  claim(email: string): Promise<GrantedClaim>;
  /** Signed out here: the log stays its owner's and is sent nowhere. */
  signOut(): Promise<void>;
  /** Every entry, the outbox and every setting, gone in one transaction: the log is nobody's. */
  removeAll(): Promise<void>;
  /**
   * The entries written after arrival `after` (every write is numbered as it arrives), and how
   * many entries the device holds in all, read together: what a checkpoint needs to resume.
   */
  loadAfter(after: number): Promise<{ events: LimberEvent[]; entries: number }>;
  /**
   * Which of these entries were made on this device and which came from another, by id; an
   * entry from before devices kept this is in neither.
   */
  originsOf(ids: readonly string[]): Promise<Map<string, Origin>>;
  /** The checkpoint kept beside the log (store/checkpoint.ts checks it before any use). */
  readCheckpoint(): Promise<unknown>;
  /**
   * Keeps `checkpoint` with the number of the last arrival at this moment, so a start reads only
   * what arrives after it.
   */
  saveCheckpoint(checkpoint: (arrival: number) => unknown): Promise<void>;
  /** The log for syncing with `email`'s account: every call refuses unless it is theirs. */
  syncingAs(email: string): EventStore;
}

/** Where an entry was made: on this device, or on another that synced it here. */
export type Origin = "this-device" | "another-device";

export interface LoadedLog {
  events: LimberEvent[];
  /** Stored records that no longer pass validation: kept on disk, never silently dropped. */
  unreadable: { id: string; message: string }[];
}

interface LimberDb {
  events: { key: string; value: unknown };
  outbox: { key: string; value: { id: string } };
  settings: { key: string; value: unknown };
  /** Every event written here, numbered in the order it arrived: the id of each. */
  arrivals: { key: number; value: string };
  checkpoint: { key: string; value: unknown };
  /** Where each entry written since version 4 was made, by id. */
  origins: { key: string; value: Origin };
}

const CHECKPOINT = "read-model";

const DB_NAME = "limber";
const OWNER = "device.owner";
/** Kept by the app before owners were: present while signed in, cleared at sign-out. */
const LEGACY_EMAIL = "sync.email";
/** The sync cursor (sync-log.ts): a device that has one has synced with some account. */
const LEGACY_CURSOR = "sync.cursor";

export async function openEventStore(name = DB_NAME): Promise<DeviceStore> {
  const db: IDBPDatabase<LimberDb> = await openDB<LimberDb>(name, 4, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) {
        database.createObjectStore("events", { keyPath: "id" });
        // Events written here and not yet acknowledged by a sync server.
        database.createObjectStore("outbox", { keyPath: "id" });
      }
      if (oldVersion < 2) database.createObjectStore("settings");
      if (oldVersion < 3) {
        database.createObjectStore("arrivals", { autoIncrement: true });
        database.createObjectStore("checkpoint");
      }
      if (oldVersion < 4) database.createObjectStore("origins");
    },
  });
  await recordOwner(db);
  const owner = async () => readOwner(await db.get("settings", OWNER));

  const store: DeviceStore = {
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

    async append(type, data, at) {
      const [event] = await store.appendAll([{ type, data, at } as Draft]);
      return event as EventOf<typeof type>;
    },

    async appendAll(drafts) {
      const events = drafts.map(({ type, data, at = new Date(), day = localDay(at) }) => {
        const result = parseEvent({
          id: uuidv7(),
          type,
          at: localInstant(at),
          day,
          v: EVENT_TYPES[type].v,
          data,
        });
        if (!result.ok) throw result.error;
        return result.event;
      });
      const tx = db.transaction(["events", "outbox", "arrivals", "origins"], "readwrite", {
        durability: "strict",
      });
      const writes: Promise<unknown>[] = [tx.done];
      try {
        for (const event of events) {
          writes.push(
            tx.objectStore("events").add(event),
            tx.objectStore("outbox").add({ id: event.id }),
            tx.objectStore("arrivals").add(event.id),
            tx.objectStore("origins").put("this-device", event.id),
          );
        }
        await Promise.all(writes);
      } catch (error) {
        // A write refused part-way leaves none of them: the transaction is undone whole, and
        // the other writes' failures are this one.
        for (const write of writes) write.catch(() => undefined);
        try {
          tx.abort();
        } catch {
          // It has already ended, undone by the failure itself.
        }
        throw error;
      }
      return events;
    },

    async unsent(limit) {
      const ids = (await db.getAllKeys("outbox")).slice(0, limit);
      const events: LimberEvent[] = [];
      for (const id of ids) {
        const result = parseEvent(await db.get("events", id));
        if (result.ok) events.push(result.event);
      }
      // Log order, by instant: the one comparison the core uses (strings of instants with
      // different offsets do not sort as instants).
      return events.sort(compareEvents);
    },

    async acknowledge(ids) {
      const tx = db.transaction("outbox", "readwrite", { durability: "strict" });
      await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
    },

    async receive(events) {
      const tx = db.transaction(["events", "arrivals", "origins"], "readwrite", {
        durability: "strict",
      });
      const store = tx.objectStore("events");
      const added: LimberEvent[] = [];
      for (const event of events) {
        const result = parseEvent(event);
        if (!result.ok || (await store.getKey(result.event.id)) !== undefined) continue;
        await store.add(result.event);
        await tx.objectStore("arrivals").add(result.event.id);
        await tx.objectStore("origins").put("another-device", result.event.id);
        added.push(result.event);
      }
      await tx.done;
      return added;
    },

    async requeueAll() {
      const ids = await db.getAllKeys("events");
      const tx = db.transaction("outbox", "readwrite", { durability: "strict" });
      await Promise.all([...ids.map((id) => tx.store.put({ id })), tx.done]);
    },

    getSetting: async <T>(key: string) => (await db.get("settings", key)) as T | undefined,
    setSetting: async (key, value) => {
      await db.put("settings", value, key);
    },

    owner,

    async counts() {
      const tx = db.transaction(["events", "outbox"]);
      const [entries, unsent] = await Promise.all([
        tx.objectStore("events").count(),
        tx.objectStore("outbox").count(),
        tx.done,
      ]);
      return { entries, unsent };
    },

    async claim(email) {
      const tx = db.transaction(["events", "settings"], "readwrite", { durability: "strict" });
      const settings = tx.objectStore("settings");
      const before = readOwner(await settings.get(OWNER));
      const claim = claimFor(before, await tx.objectStore("events").count(), email);
      if (claim.kind === "another") {
        await tx.done;
        throw new OwnedByAnother(claim);
      }
      if (claim.kind !== "yours") await settings.clear();
      await settings.put({ kind: "account", email, signedIn: true } satisfies DeviceOwner, OWNER);
      await tx.done;
      return claim;
    },

    async signOut() {
      const tx = db.transaction("settings", "readwrite", { durability: "strict" });
      const before = readOwner(await tx.store.get(OWNER));
      if (before.kind === "account") await tx.store.put({ ...before, signedIn: false }, OWNER);
      await tx.done;
    },

    async removeAll() {
      const tx = db.transaction(
        ["events", "outbox", "settings", "arrivals", "checkpoint", "origins"],
        "readwrite",
        { durability: "strict" },
      );
      await Promise.all([
        tx.objectStore("events").clear(),
        tx.objectStore("origins").clear(),
        tx.objectStore("outbox").clear(),
        tx.objectStore("arrivals").clear(),
        tx.objectStore("checkpoint").clear(),
        tx.objectStore("settings").clear(),
        tx.objectStore("settings").put({ kind: "nobody" } satisfies DeviceOwner, OWNER),
        tx.done,
      ]);
    },

    syncingAs: (email) => syncingAs(store, email, owner),

    async loadAfter(after) {
      const tx = db.transaction(["events", "arrivals"]);
      const [ids, entries] = await Promise.all([
        tx.objectStore("arrivals").getAll(IDBKeyRange.lowerBound(after, true)),
        tx.objectStore("events").count(),
      ]);
      const events: LimberEvent[] = [];
      for (const id of ids) {
        // Validated when written; read back only if it is still there.
        const record = await tx.objectStore("events").get(id);
        if (record !== undefined) events.push(record as LimberEvent);
      }
      await tx.done;
      return { events, entries };
    },

    async originsOf(ids) {
      const tx = db.transaction("origins");
      const origins = new Map<string, Origin>();
      for (const id of ids) {
        const origin = await tx.store.get(id);
        if (origin) origins.set(id, origin);
      }
      await tx.done;
      return origins;
    },

    readCheckpoint: () => db.get("checkpoint", CHECKPOINT),

    async saveCheckpoint(checkpoint) {
      const tx = db.transaction(["arrivals", "checkpoint"], "readwrite");
      const last = await tx.objectStore("arrivals").openKeyCursor(null, "prev");
      await tx.objectStore("checkpoint").put(checkpoint(Number(last?.key ?? 0)), CHECKPOINT);
      await tx.done;
    },
  };
  return store;
}

/**
 * Once, on a device from before owners were kept: a device signed in belongs to that email; one
 * that synced and signed out belongs to someone unknown (so it asks before any sign-in); any
 * other belongs to nobody yet.
 */
async function recordOwner(db: IDBPDatabase<LimberDb>): Promise<void> {
  const tx = db.transaction("settings", "readwrite", { durability: "strict" });
  if ((await tx.store.get(OWNER)) === undefined) {
    const email = await tx.store.get(LEGACY_EMAIL);
    const synced = (await tx.store.get(LEGACY_CURSOR)) !== undefined;
    const owner: DeviceOwner =
      typeof email === "string"
        ? { kind: "account", email, signedIn: true }
        : synced
          ? { kind: "unknown" }
          : { kind: "nobody" };
    await tx.store.put(owner, OWNER);
    await tx.store.delete(LEGACY_EMAIL);
  }
  await tx.done;
}

function idOf(record: unknown): string {
  const id = (record as { id?: unknown } | null)?.id;
  return typeof id === "string" ? id : "(no id)";
}
