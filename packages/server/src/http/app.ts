import { existsSync } from "node:fs";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance, type FastifyRequest } from "fastify";
import { readSessionToken } from "../auth/cookies.ts";
import { hashToken } from "../auth/tokens.ts";
import { HSTS, SECURITY_HEADERS } from "../serve/security-headers.ts";
import { EventConflictError } from "../storage/errors.ts";
import type { Repository } from "../storage/repository.ts";
import { withSessionCache } from "../storage/session-cache.ts";
import { ApiProblem, forbidden, unauthorized } from "./problem.ts";
import { accountRoutes } from "./routes/account.ts";
import { authRoutes } from "./routes/auth.ts";
import { syncRoutes } from "./routes/sync.ts";

export interface AppOptions {
  repository: Repository;
  /** The built web app to serve, when there is one. */
  webDist?: string;
  /** Trust X-Forwarded-* from a reverse proxy (TLS terminated in front of Limber). */
  trustProxy?: boolean;
  /** "closed": accounts are made only with `limber user add` (a family's own server). */
  signups?: "open" | "closed";
  /** The clock, as an argument so tests can move it. */
  now?: () => Date;
  logger?: boolean;
  /** Where log lines go when logging (standard output unless given). */
  logStream?: NodeJS.WritableStream;
}

/** A push or import larger than this is refused whole (and so is any larger body). */
export const MAX_BODY_BYTES = 1_048_576;

declare module "fastify" {
  interface FastifyRequest {
    /** The signed-in person, once `requireUser` has run. */
    userId: string | null;
  }
}

/** The Limber server: the web app, accounts, sync and your data, secure by default. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    trustProxy: options.trustProxy ?? false,
    bodyLimit: MAX_BODY_BYTES + 64 * 1024,
    logger: options.logger
      ? {
          // Never passwords, tokens or event contents: bodies are not logged, and these are hidden.
          redact: ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'],
          ...(options.logStream ? { stream: options.logStream } : {}),
        }
      : false,
  });
  const now = options.now ?? (() => new Date());
  // Every signed-in request reads its session: see SESSION_CACHE_MS for how long one is kept.
  const repository = withSessionCache(options.repository);
  app.decorateRequest("userId", null);

  app.addHook("onRequest", async (request, reply) => {
    reply.headers(SECURITY_HEADERS);
    if (request.protocol === "https") reply.header("Strict-Transport-Security", HSTS);
    if (!["GET", "HEAD", "OPTIONS"].includes(request.method) && !sameOrigin(request)) {
      throw forbidden("cross-origin", "Changes are only accepted from Limber's own pages.");
    }
  });

  app.setErrorHandler((error, request, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) request.log.error({ err: error }, "request failed");
    reply
      .status(problem.status)
      .type("application/problem+json")
      .send({ code: problem.code, message: problem.message });
  });

  const requireUser = async (request: FastifyRequest) => {
    const token = readSessionToken(request.headers.cookie, request.protocol === "https");
    const session = token
      ? await repository.sessionByTokenHash(hashToken(token), now())
      : undefined;
    if (!session) throw unauthorized();
    request.userId = session.userId;
  };

  const context = {
    repository,
    now,
    requireUser,
    signups: options.signups ?? "open",
  };
  await app.register(authRoutes, { prefix: "/api/v1/auth", ...context });
  await app.register(syncRoutes, { prefix: "/api/v1", ...context });
  await app.register(accountRoutes, { prefix: "/api/v1", ...context });

  if (options.webDist && existsSync(options.webDist)) {
    await app.register(fastifyStatic, {
      root: options.webDist,
      wildcard: false,
      cacheControl: false,
      // The build writes .br and .gz copies of its text files; each is sent to browsers that
      // accept it, and the file itself to the rest.
      preCompressed: true,
      setHeaders(res, path) {
        res.setHeader("Vary", "Accept-Encoding");
        const immutable = path.includes("/assets/");
        res.setHeader(
          "Cache-Control",
          immutable ? "public, max-age=31536000, immutable" : "no-cache",
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const wantsPage =
      request.method === "GET" && !request.url.startsWith("/api/") && options.webDist;
    if (wantsPage && !/\.[a-z0-9]+$/i.test(request.url.split("?")[0] ?? "")) {
      return reply.header("Cache-Control", "no-cache").sendFile("index.html");
    }
    reply
      .status(404)
      .type("application/problem+json")
      .send({ code: "not-found", message: "There is nothing at this address." });
  });
  return app;
}

/** State-changing requests must come from a page of this same origin (CSRF defence). */
function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  return origin === `${request.protocol}://${request.host}`;
}

function toProblem(error: unknown): ApiProblem {
  if (error instanceof ApiProblem) return error;
  if (error instanceof EventConflictError) {
    return new ApiProblem(409, error.code, `${error.message} Nothing was imported.`);
  }
  const fastifyError = error as { statusCode?: number; code?: string; validation?: unknown };
  if (fastifyError.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
    return new ApiProblem(
      413,
      "too-large",
      "That request is larger than 1 MB; send it in smaller parts.",
    );
  }
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return new ApiProblem(
      fastifyError.statusCode,
      "bad-request",
      "The request could not be read: please send JSON.",
    );
  }
  return new ApiProblem(
    500,
    "server-error",
    "Something went wrong on the server. Nothing was half-written; please try again.",
  );
}
