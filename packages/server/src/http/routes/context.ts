import type { FastifyRequest } from "fastify";
import type { Repository } from "../../storage/repository.ts";

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
