import type { LimberEvent } from "@limber/core";
import type { EventStore } from "../store/event-store.ts";
import { ServerProblem, type SyncAnswer, server } from "./server.ts";

/** The server takes at most 500 events a push; small batches keep each under its 1 MB limit. */
const PUSH_BATCH = 200;
const CURSOR = "sync.cursor";

/**
 * One sync: sends what this device has not yet had acknowledged, in batches, and takes in what
 * other devices sent, until both sides are level. An event leaves the outbox only after the
 * server has acknowledged it durably; anything interrupted is simply sent again next time,
 * which changes nothing on the server (a push is idempotent).
 *
 * When the server cannot continue from this device's cursor (409 cursor-ahead: it was restored
 * from a backup older than what this device saw, or this is a new sign-in), the device sends
 * its whole log again and takes in everything from 0, so what the server lost comes back from
 * here and nothing the server holds is missed.
 */
export async function syncLog(
  store: EventStore,
  onReceived: (events: LimberEvent[]) => void,
): Promise<void> {
  let cursor = (await store.getSetting<number>(CURSOR)) ?? 0;
  for (let round = 0; round < 1000; round++) {
    const unsent = await store.unsent(PUSH_BATCH);
    let answer: SyncAnswer;
    try {
      answer = await server.sync(unsent, cursor);
    } catch (error) {
      const ahead = error instanceof ServerProblem && error.code === "cursor-ahead";
      // From cursor 0 there is nothing to start again from: that is a problem to report.
      if (!ahead || cursor === 0) throw error;
      await startAccountSync(store);
      cursor = 0;
      continue;
    }
    if (unsent.length > 0) await store.acknowledge(unsent.map((event) => event.id));
    const added = await store.receive(answer.events);
    if (added.length > 0) onReceived(added);
    cursor = answer.cursor;
    await store.setSetting(CURSOR, cursor);
    if (!answer.more && (await store.unsent(1)).length === 0) return;
  }
}

/** After signing in to an account, everything on this device goes to it, and all of it comes back. */
export async function startAccountSync(store: EventStore): Promise<void> {
  await store.requeueAll();
  await store.setSetting(CURSOR, 0);
}
