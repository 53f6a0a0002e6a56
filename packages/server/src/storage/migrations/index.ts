import type { Migration } from "kysely";
import { initial } from "./0001-initial.ts";
import { sessionSynced } from "./0002-session-synced.ts";
import { pushSubscriptions } from "./0003-push-subscriptions.ts";

/**
 * Every migration, by name. Names sort in the order they run; a new one always sorts after the
 * last (the runner refuses a set where it does not). Listed here rather than read from the
 * folder, so the set is fixed when the server is built and cannot pick up stray files.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  "0001-initial": initial,
  "0002-session-synced": sessionSynced,
  "0003-push-subscriptions": pushSubscriptions,
};
