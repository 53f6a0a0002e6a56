import { type LimberEvent, parseEvent } from "@limber/core";
import { describe, expect, it } from "vitest";
import type { EventStore } from "./event-store.ts";
import {
  claimFor,
  type DeviceOwner,
  NotThisAccount,
  readOwner,
  syncingAs,
  syncsWith,
} from "./ownership.ts";

const ANA = "ana@example.org";
const BEN = "ben@example.org";
const nobody: DeviceOwner = { kind: "nobody" };
const anaSignedIn: DeviceOwner = { kind: "account", email: ANA, signedIn: true };
const anaSignedOut: DeviceOwner = { kind: "account", email: ANA, signedIn: false };
const unknown: DeviceOwner = { kind: "unknown" };

describe("the ownership rule: a device's entries go only to the account they belong to", () => {
  it("keeps a log with its own account, signed in or out", () => {
    expect(claimFor(anaSignedIn, 40, ANA)).toEqual({ kind: "yours" });
    expect(claimFor(anaSignedOut, 40, ANA)).toEqual({ kind: "yours" });
  });

  it("lets the first account signed in to adopt the entries made before any sign-in, and says how many", () => {
    expect(claimFor(nobody, 12, BEN)).toEqual({ kind: "adopt", entries: 12 });
  });

  it("refuses another account while the device holds someone's entries", () => {
    expect(claimFor(anaSignedOut, 40, BEN)).toEqual({ kind: "another", owner: ANA });
    expect(claimFor(anaSignedIn, 1, BEN)).toEqual({ kind: "another", owner: ANA });
  });

  it("treats entries whose owner was never recorded as someone else's, never as nobody's", () => {
    expect(claimFor(unknown, 40, BEN)).toEqual({ kind: "another" });
    expect(claimFor(unknown, 40, ANA)).toEqual({ kind: "another" });
  });

  it("hands an empty device to whoever signs in, whoever had it before", () => {
    expect(claimFor(anaSignedOut, 0, BEN)).toEqual({ kind: "fresh" });
    expect(claimFor(unknown, 0, BEN)).toEqual({ kind: "fresh" });
    expect(claimFor(nobody, 0, BEN)).toEqual({ kind: "fresh" });
  });

  it("compares the server's addresses exactly: a near miss is another account", () => {
    expect(claimFor(anaSignedOut, 5, "ana@example.org.evil").kind).toBe("another");
    expect(claimFor(anaSignedOut, 5, "ANA@example.org").kind).toBe("another");
  });
});

describe("syncing is allowed only with the signed-in owner", () => {
  it("allows the owner while signed in here, and no one else", () => {
    expect(syncsWith(anaSignedIn, ANA)).toBe(true);
    expect(syncsWith(anaSignedIn, BEN)).toBe(false);
    expect(syncsWith(anaSignedOut, ANA)).toBe(false);
    expect(syncsWith(nobody, ANA)).toBe(false);
    expect(syncsWith(unknown, ANA)).toBe(false);
  });
});

describe("a stored owner record", () => {
  it("reads back what was stored", () => {
    expect(readOwner(anaSignedOut)).toEqual(anaSignedOut);
    expect(readOwner({ kind: "nobody" })).toEqual(nobody);
    expect(readOwner(undefined)).toEqual(nobody);
  });

  it("reads a damaged record as unknown, so it never lets another account in", () => {
    for (const damaged of [
      null,
      "ana",
      3,
      { kind: "account" },
      { kind: "account", email: ANA },
      {},
    ]) {
      expect(readOwner(damaged)).toEqual(unknown);
    }
  });
});

function checkIn(id: string): LimberEvent {
  return {
    id,
    type: "checkin",
    at: "2026-11-20T07:00:00.000+00:00",
    day: "2026-11-20",
    v: 1,
    data: { back: "calm" },
  };
}

/** An in-memory log whose owner can change under a sync, as another tab would change it. */
function memoryLog(events: LimberEvent[]) {
  const outbox = new Set(events.map((e) => e.id));
  const held = new Map(events.map((e) => [e.id, e]));
  const settings = new Map<string, unknown>();
  const store: EventStore = {
    load: async () => ({ events: [...held.values()], unreadable: [] }),
    append: async () => {
      throw new Error("not used here");
    },
    unsent: async (limit) => [...outbox].slice(0, limit).map((id) => held.get(id) as LimberEvent),
    acknowledge: async (ids) => {
      for (const id of ids) outbox.delete(id);
    },
    receive: async (arrived) => {
      // As the device's store does: each event checked, ones already held left as they are.
      const added = arrived.flatMap((raw) => {
        const read = parseEvent(raw);
        return read.ok && !held.has(read.event.id) ? [read.event] : [];
      });
      for (const e of added) held.set(e.id, e);
      return added;
    },
    requeueAll: async () => {
      for (const id of held.keys()) outbox.add(id);
    },
    getSetting: async <T>(key: string) => settings.get(key) as T | undefined,
    setSetting: async (key, value) => {
      settings.set(key, value);
    },
  };
  return { store, held, settings };
}

describe("the log as sync sees it (syncingAs)", () => {
  it("hands Ana's unsent entries to a sync signed in as Ana", async () => {
    const { store } = memoryLog([checkIn("a1"), checkIn("a2")]);
    const forAna = syncingAs(store, ANA, async () => anaSignedIn);
    expect((await forAna.unsent(10)).map((e) => e.id)).toEqual(["a1", "a2"]);
  });

  it("hands nothing to, and takes nothing from, a sync signed in as anyone else", async () => {
    const { store, held, settings } = memoryLog([checkIn("a1")]);
    const forBen = syncingAs(store, BEN, async () => anaSignedIn);
    await expect(forBen.unsent(10)).rejects.toBeInstanceOf(NotThisAccount);
    await expect(forBen.receive([checkIn("b1")])).rejects.toBeInstanceOf(NotThisAccount);
    await expect(forBen.setSetting("sync.cursor", 7)).rejects.toBeInstanceOf(NotThisAccount);
    await expect(forBen.requeueAll()).rejects.toBeInstanceOf(NotThisAccount);
    expect([...held.keys()]).toEqual(["a1"]);
    expect(settings.size).toBe(0);
  });

  it("stops a sync under way the moment the device signs out, as from another tab", async () => {
    const { store } = memoryLog([checkIn("a1"), checkIn("a2")]);
    let owner: DeviceOwner = anaSignedIn;
    const forAna = syncingAs(store, ANA, async () => owner);
    expect(await forAna.unsent(1)).toHaveLength(1);
    owner = anaSignedOut;
    await expect(forAna.unsent(1)).rejects.toBeInstanceOf(NotThisAccount);
    await expect(forAna.acknowledge(["a1"])).rejects.toBeInstanceOf(NotThisAccount);
  });

  it("refuses a device that is nobody's: a log is adopted by signing in, never by syncing", async () => {
    const { store } = memoryLog([checkIn("n1")]);
    await expect(syncingAs(store, BEN, async () => nobody).unsent(10)).rejects.toBeInstanceOf(
      NotThisAccount,
    );
  });
});
