import type { LimberEvent } from "@limber/core";
import type { FastifyPluginAsync } from "fastify";
import { clearSessionCookie } from "../../auth/cookies.ts";
import { IMPORT_POLICY, importKey } from "../../auth/rate-limit-keys.ts";
import { forEachInTurns, validateEvent } from "../../storage/event-bodies.ts";
import { readEventListInTurns } from "../json-in-turns.ts";
import { badRequest, tooOften } from "../problem.ts";
import { type RouteContext, reportUnreadable, userOf } from "./context.ts";

/** An import may carry a whole history: years of a person's log are a few megabytes. */
export const MAX_IMPORT_BYTES = 32 * 1_048_576;

/** Your data: who you are, every event as JSON, an import of a whole history, and deletion. */
export const accountRoutes: FastifyPluginAsync<RouteContext> = async (
  app,
  { repository, now, requireUser },
) => {
  app.get("/me", { preHandler: requireUser }, async (request) => {
    const user = await repository.userById(userOf(request));
    return { email: user?.email, events: await repository.countEvents(userOf(request)) };
  });

  app.get("/export", { preHandler: requireUser }, async (request, reply) => {
    const events = await repository.exportEvents(userOf(request), (problem) =>
      reportUnreadable(request, problem),
    );
    const day = now().toISOString().slice(0, 10);
    reply.header("Content-Disposition", `attachment; filename="limber-${day}.json"`);
    return { exportedAt: now().toISOString(), events };
  });

  // The import's body can be a whole history: it arrives as text and is read one event at a
  // time in turns (json-in-turns.ts), rather than in one JSON.parse that would hold up everyone.
  await app.register(async (imports) => {
    imports.removeContentTypeParser("application/json");
    imports.addContentTypeParser(
      "application/json",
      { parseAs: "string" },
      (_request, body, done) => done(null, body),
    );
    imports.post(
      "/import",
      { preHandler: requireUser, bodyLimit: MAX_IMPORT_BYTES },
      async (request, reply) => {
        const userId = userOf(request);
        const raw = await readEventListInTurns(String(request.body)).catch(() => {
          throw badRequest("bad-request", "The request could not be read: please send JSON.");
        });
        if (raw === undefined)
          throw badRequest(
            "invalid-body",
            "Send an export: a JSON object with `events`, or a list of events.",
          );
        const counted = await repository.recordFailure(importKey(userId), now(), IMPORT_POLICY);
        if (counted.blockedUntil) {
          throw tooOften(
            "too-many-imports",
            "Too many imports into this account lately.",
            counted.blockedUntil,
            now(),
            (seconds) => reply.header("Retry-After", seconds),
          );
        }
        // Checked in turns of the event loop too, as storage then writes it.
        const events: LimberEvent[] = [];
        await forEachInTurns(raw, (item, index) => {
          const result = validateEvent(item, index + 1);
          if (!result.ok)
            throw badRequest(
              "invalid-event",
              `event ${index + 1}: ${result.error.message}. Nothing was imported.`,
            );
          events.push(result.event);
        });
        const { inserted } = await repository.importEvents(userId, events, now());
        return { imported: inserted, alreadyHere: events.length - inserted };
      },
    );
  });

  app.delete("/account", { preHandler: requireUser }, async (request, reply) => {
    await repository.deleteUser(userOf(request));
    reply.header("Set-Cookie", clearSessionCookie(request.protocol === "https"));
    return reply.status(204).send();
  });
};
