import { type Kysely, type Migration, sql } from "kysely";

/**
 * When each sign-in first synced from the start of the log. A cursor belongs to the sign-in that
 * was given it: a new sign-in (after signing out, or after `limber restore` ended every session)
 * starts from 0, so a device can never carry a cursor from before a restore into it. Sessions
 * made before this migration had synced as they pleased and keep doing so.
 */
export const sessionSynced: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable("auth_sessions").addColumn("synced_at", "text").execute();
    await sql`update auth_sessions set synced_at = created_at`.execute(db);
  },
};
