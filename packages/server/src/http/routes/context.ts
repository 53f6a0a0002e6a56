import type { FastifyRequest } from "fastify";
import type { Repository, UnreadableEvent } from "../../storage/repository.ts";

/** What every group of routes is given: the storage, the clock, and the sign-in check. */
export interface RouteContext {
  repository: Repository;
  now: () => Date;
  requireUser: (request: FastifyRequest) => Promise<void>;
  signups: "open" | "closed";
}

/** The signed-in person's id; only inside routes guarded by `requireUser`. */
export function userOf(request: FastifyRequest): string {
  if (!request.userId) throw new Error("route used without requireUser");
  return request.userId;
}

/** The signed-in session; only inside routes guarded by `requireUser`. */
export function sessionOf(request: FastifyRequest): NonNullable<FastifyRequest["session"]> {
  if (!request.session) throw new Error("route used without requireUser");
  return request.session;
}

/**
 * A stored event that no longer reads is left out of the answer and logged by its account and
 * id (never its contents), so the person's sync goes on and the operator can see what is wrong.
 */
export function reportUnreadable(request: FastifyRequest, problem: UnreadableEvent): void {
  request.log.error(
    { account: problem.userId, event: problem.id, seq: problem.seq },
    `a stored event could not be read and was left out: ${problem.error.message}`,
  );
}
