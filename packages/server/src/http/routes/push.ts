import { pushSubscribeSchema, pushUnsubscribeSchema } from "@limber/core";
import type { FastifyPluginAsync } from "fastify";
import { MAX_PUSH_SUBSCRIPTIONS } from "../../storage/push-subscriptions.ts";
import { ApiProblem, badRequest, readBody } from "../problem.ts";
import { type RouteContext, userOf } from "./context.ts";

export interface PushRouteOptions {
  /** The server's VAPID public key; without it, reminders by push are off on this server. */
  publicKey?: string;
  /** Which endpoints the server sends to (push/services.ts). */
  allowEndpoint: (endpoint: string) => boolean;
}

const unavailable = () =>
  new ApiProblem(
    404,
    "push-unavailable",
    "This Limber server does not send reminders by push; the calendar reminder still works.",
  );

/**
 * Reminders by Web Push for signed-in devices: the key to subscribe with, and a device's
 * subscription kept or forgotten. The reminders themselves go from the scheduler (push/).
 */
export const pushRoutes: FastifyPluginAsync<RouteContext & PushRouteOptions> = async (
  app,
  { repository, now, requireUser, publicKey, allowEndpoint },
) => {
  app.get("/push/key", { preHandler: requireUser }, async () => {
    if (!publicKey) throw unavailable();
    return { publicKey };
  });

  app.post("/push/subscription", { preHandler: requireUser }, async (request, reply) => {
    if (!publicKey) throw unavailable();
    const { endpoint, keys, timeZone } = readBody(pushSubscribeSchema, request.body);
    if (!allowEndpoint(endpoint)) {
      throw badRequest(
        "unknown-push-service",
        "Limber sends reminders only through the push services of the major browsers, and this endpoint is not one of them.",
        "endpoint",
      );
    }
    const kept = await repository.savePushSubscription({
      userId: userOf(request),
      endpoint,
      keys,
      timeZone,
      now: now(),
    });
    if (!kept) {
      throw new ApiProblem(
        409,
        "too-many-push-devices",
        `Reminders by push are on for ${MAX_PUSH_SUBSCRIPTIONS} devices of this account already; turn them off on one you no longer use.`,
      );
    }
    return reply.status(204).send();
  });

  app.delete("/push/subscription", { preHandler: requireUser }, async (request, reply) => {
    const { endpoint } = readBody(pushUnsubscribeSchema, request.body);
    await repository.deletePushSubscription(userOf(request), endpoint);
    return reply.status(204).send();
  });
};
