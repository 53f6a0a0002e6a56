import type { LimberEvent } from "@limber/core";
import type { DeviceStore } from "../store/event-store.ts";
import { NotThisAccount, syncsWith } from "../store/ownership.ts";
import { server } from "./server.ts";
import { syncLog } from "./sync-log.ts";

/**
 * One sync of this device's log with `email`'s account, and with no other: it starts only once
 * the server has said this browser's session is that account's (another tab, or anything else,
 * may have signed this browser in to someone else), and every step of it checks that the log
 * is still that account's and signed in here.
 */
export async function syncAs(
  store: DeviceStore,
  email: string,
  onReceived: (events: LimberEvent[]) => void,
): Promise<void> {
  const me = await server.me();
  if (me.email !== email) {
    // The session is someone else's now: the log, still marked as signed in, no longer is.
    if (syncsWith(await store.owner(), email)) await store.signOut();
    throw new NotThisAccount(email);
  }
  await syncLog(store.syncingAs(email), onReceived);
}
