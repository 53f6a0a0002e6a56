import {
  type LimberEvent,
  MAX_PUSH_EVENTS,
  type SyncAnswer,
  syncRequestSchema,
} from "@limber/core";
import type { FastifyPluginAsync } from "fastify";
import { CursorAheadError } from "../../storage/errors.ts";
import { validateEvent } from "../../storage/event-bodies.ts";
import type { SyncBatch, UnreadableEvent } from "../../storage/event-log.ts";
import { createGroupCommit } from "../group-commit.ts";
import { badRequest, readBody, sentence } from "../problem.ts";
import { type RouteContext, reportUnreadable, sessionOf, userOf } from "./context.ts";

export { MAX_PUSH_EVENTS };
/** A pull returns at most this many events; `more` says when to ask again. */
export const PULL_PAGE = 1000;

/**
 * `POST /api/v1/sync` with `{ events, since }`: stores each new event (keyed on the person and
 * the event id, so a replay changes nothing), acknowledges only once the write is durable, and
 * answers with the events stored after `since` and the new cursor.
 *
 * A cursor the server cannot continue from is refused with 409 cursor-ahead before anything is
 * stored, and the device then sends its whole log again from 0: a cursor past the person's last
 * seq (the database went back to an older backup), or any cursor but 0 in a sign-in's first sync
 * (every session ends at a restore, so no cursor from before one can come back in a new one).
 */
export const syncRoutes: FastifyPluginAsync<RouteContext> = async (
  app,
  { repository, now, requireUser },
) => {
  // A push and the page after it, grouped: the page often comes from the write itself.
  const pushThenPull = createGroupCommit((syncs: SyncBatch[]) =>
    repository.syncMany(syncs, now(), PULL_PAGE),
  );

  app.post("/sync", { preHandler: requireUser }, async (request) => {
    const userId = userOf(request);
    const session = sessionOf(request);
    const { events, since } = readSyncBody(request.body);
    if (since > 0 && !session.syncedAt) {
      throw new CursorAheadError(
        "This sign-in has not synced yet, so it starts from the beginning: send everything again from cursor 0.",
      );
    }
    if (since > 0 && since > (await repository.lastSeq(userId))) {
      throw new CursorAheadError(
        "The server's copy of your log is older than this device's cursor, as after a restore from a backup: send everything again from cursor 0.",
      );
    }
    const onUnreadable = (problem: UnreadableEvent) => reportUnreadable(request, problem);
    const page =
      events.length > 0
        ? await pushThenPull({ userId, events, since, onUnreadable })
        : await repository.pullEvents(userId, since, PULL_PAGE, onUnreadable);
    if (!session.syncedAt) await repository.markSessionSynced(session.tokenHash, now());
    return {
      events: page.events,
      cursor: page.cursor,
      more: page.rows === PULL_PAGE,
    } satisfies SyncAnswer;
  });
};

/** Validates the whole push before anything is written: one bad event refuses the batch. */
export function readSyncBody(body: unknown): { events: LimberEvent[]; since: number } {
  const sent = (body as { events?: unknown } | null)?.events;
  const request = readBody(syncRequestSchema, body, (field) => {
    if (field === "since") return "invalid-cursor";
    return field === "events" && Array.isArray(sent) ? "too-many-events" : "invalid-body";
  });
  const events = request.events.map((raw, index) => {
    const result = validateEvent(raw, index + 1);
    if (!result.ok) {
      const field = `events.${index}${result.error.field ? `.${result.error.field}` : ""}`;
      throw badRequest(
        "invalid-event",
        sentence(`event ${index + 1}: ${result.error.message}`),
        field,
      );
    }
    return result.event;
  });
  return { events, since: request.since };
}
