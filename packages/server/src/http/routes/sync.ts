import type { LimberEvent } from "@limber/core";
import type { FastifyPluginAsync } from "fastify";
import { validateEvent } from "../../storage/event-bodies.ts";
import { MAX_SEQ, type SyncBatch } from "../../storage/event-log.ts";
import { createGroupCommit } from "../group-commit.ts";
import { badRequest } from "../problem.ts";
import { type RouteContext, userOf } from "./context.ts";

/** A push of more events than this is refused whole. */
export const MAX_PUSH_EVENTS = 500;
/** A pull returns at most this many events; `more` says when to ask again. */
export const PULL_PAGE = 1000;

/**
 * `POST /api/v1/sync` with `{ events, since }`: stores each new event (keyed on the person and
 * the event id, so a replay changes nothing), acknowledges only once the write is durable, and
 * answers with the events stored after `since` and the new cursor.
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
    const { events, since } = readSyncBody(request.body);
    const page =
      events.length > 0
        ? await pushThenPull({ userId, events, since })
        : await repository.pullEvents(userId, since, PULL_PAGE);
    return { events: page.events, cursor: page.cursor, more: page.events.length === PULL_PAGE };
  });
};

/** Validates the whole push before anything is written: one bad event refuses the batch. */
export function readSyncBody(body: unknown): { events: LimberEvent[]; since: number } {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw badRequest("invalid-body", "Send a JSON object with `events` and `since`.");
  }
  const { events, since = 0 } = body as { events?: unknown; since?: unknown };
  if (!Number.isSafeInteger(since) || (since as number) < 0 || (since as number) > MAX_SEQ) {
    throw badRequest(
      "invalid-cursor",
      "`since` is the cursor from the last sync: a whole number, 0 at first.",
    );
  }
  if (!Array.isArray(events))
    throw badRequest("invalid-body", "`events` is a list of events (it may be empty).");
  if (events.length > MAX_PUSH_EVENTS) {
    throw badRequest(
      "too-many-events",
      `A sync carries at most ${MAX_PUSH_EVENTS} events; send the rest in the next one.`,
    );
  }
  const parsed = events.map((raw, index) => {
    const result = validateEvent(raw, index + 1);
    if (!result.ok)
      throw badRequest("invalid-event", `event ${index + 1}: ${result.error.message}`);
    return result.event;
  });
  return { events: parsed, since: since as number };
}
