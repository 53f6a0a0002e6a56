import { existsSync } from "node:fs";
import fastifyStatic from "@fastify/static";
import type { Problem } from "@limber/core";
import Fastify, { type FastifyInstance, type FastifyRequest } from "fastify";
import { readSessionToken } from "../auth/cookies.ts";
import { hashToken } from "../auth/tokens.ts";
import { isKnownPushService } from "../push/services.ts";
import { defaultAllowedHosts, hostOfHeader } from "../serve/allowed-hosts.ts";
import type { TrustProxy } from "../serve/config.ts";
import { HSTS, SECURITY_HEADERS } from "../serve/security-headers.ts";
import type { Repository } from "../storage/repository.ts";
import { withSessionCache } from "../storage/session-cache.ts";
import { forbidden, misdirected, toProblem, unauthorized } from "./problem.ts";
import { accountRoutes } from "./routes/account.ts";
import { authRoutes } from "./routes/auth.ts";
import { pushRoutes } from "./routes/push.ts";
import { syncRoutes } from "./routes/sync.ts";

export interface AppOptions {
  repository: Repository;
  /** The built web app to serve, when there is one. */
  webDist?: string;
  /** Which proxies to believe about the client's address and protocol (serve/config.ts). */
  trustProxy?: TrustProxy;
  /** The host names requests may carry; localhost and its addresses when not given. */
  allowedHosts?: readonly string[];
  /** "closed": accounts are made only with `limber user add` (a family's own server). */
  signups?: "open" | "closed";
  /** The most connections open at once; more are closed as they arrive. */
  maxConnections?: number;
  /** How long a client may take to send a whole request, in milliseconds. */
  requestTimeoutMs?: number;
  /** The clock, as an argument so tests can move it. */
  now?: () => Date;
  /** Reminders by Web Push: the server's VAPID public key, and which endpoints it sends to. */
  push?: { publicKey: string; allowEndpoint?: (endpoint: string) => boolean };
  logger?: boolean;
  /** Where log lines go when logging (standard output unless given). */
  logStream?: NodeJS.WritableStream;
}

/** A push or import larger than this is refused whole (and so is any larger body). */
export const MAX_BODY_BYTES = 1_048_576;
/** A request must arrive whole within this; a client sending one byte a minute is let go. */
export const REQUEST_TIMEOUT_MS = 60_000;
/** A connection on which nothing moves for this long is closed. */
export const CONNECTION_TIMEOUT_MS = 30_000;
/** Open connections at once: a family needs a handful; this keeps a flood from using every socket. */
export const MAX_CONNECTIONS = 1_000;

declare module "fastify" {
  interface FastifyRequest {
    /** The signed-in person, once `requireUser` has run. */
    userId: string | null;
    /** The token hash and first sync of the signed-in session, once `requireUser` has run. */
    session: { tokenHash: string; syncedAt?: Date } | null;
  }
}

/** The Limber server: the web app, accounts, sync and your data, secure by default. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const requestTimeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const app = Fastify({
    trustProxy: trustProxyOption(options.trustProxy),
    bodyLimit: MAX_BODY_BYTES + 64 * 1024,
    requestTimeout,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    // How often Node looks for requests past their time: every second, not its default 30 s.
    http: { connectionsCheckingInterval: 1_000 },
    logger: options.logger
      ? {
          // Never passwords, tokens or event contents: bodies are not logged, and these are hidden.
          redact: ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'],
          ...(options.logStream ? { stream: options.logStream } : {}),
        }
      : false,
  });
  app.server.maxConnections = options.maxConnections ?? MAX_CONNECTIONS;
  // The headers are part of the request: they may not take longer than all of it.
  app.server.headersTimeout = Math.min(app.server.headersTimeout, requestTimeout);
  const now = options.now ?? (() => new Date());
  const allowedHosts = new Set(options.allowedHosts ?? defaultAllowedHosts("127.0.0.1"));
  // Every signed-in request reads its session: see SESSION_CACHE_MS for how long one is kept.
  const repository = withSessionCache(options.repository);
  app.decorateRequest("userId", null);
  app.decorateRequest("session", null);

  app.addHook("onRequest", async (request, reply) => {
    reply.headers(SECURITY_HEADERS);
    // Every name the request gives for this server must be one it answers to (DNS rebinding).
    const named = [request.headers.host, request.host];
    if (!named.every((host) => allowedHosts.has(hostOfHeader(host) ?? ""))) throw misdirected();
    if (request.protocol === "https") reply.header("Strict-Transport-Security", HSTS);
    // Answers about a person (their email, their log) are never kept by a browser or a proxy.
    if (request.url.startsWith("/api/")) reply.header("Cache-Control", "no-store");
    if (!["GET", "HEAD", "OPTIONS"].includes(request.method) && !sameOrigin(request)) {
      throw forbidden("cross-origin", "Changes are only accepted from Limber's own pages.");
    }
  });

  app.setErrorHandler((error, request, reply) => {
    const problem = toProblem(error, request.routeOptions.bodyLimit);
    if (problem.status >= 500) request.log.error({ err: error }, "request failed");
    reply
      .status(problem.status)
      .type("application/problem+json")
      .send({
        code: problem.code,
        message: problem.message,
        ...(problem.field ? { field: problem.field } : {}),
      } satisfies Problem);
  });

  const requireUser = async (request: FastifyRequest) => {
    const token = readSessionToken(request.headers.cookie, request.protocol === "https");
    const session = token
      ? await repository.sessionByTokenHash(hashToken(token), now())
      : undefined;
    if (!session) throw unauthorized();
    request.userId = session.userId;
    request.session = {
      tokenHash: session.tokenHash,
      ...(session.syncedAt ? { syncedAt: session.syncedAt } : {}),
    };
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
  await app.register(pushRoutes, {
    prefix: "/api/v1",
    ...context,
    ...(options.push ? { publicKey: options.push.publicKey } : {}),
    allowEndpoint: options.push?.allowEndpoint ?? isKnownPushService,
  });

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

/**
 * Fastify's trustProxy: the addresses to believe, or for a count of hops a function believing
 * the nearest ones (hop 0 is the peer the connection comes from), never `true`. Fastify itself
 * takes a bare number to mean "believe nothing".
 */
function trustProxyOption(
  trust: TrustProxy | undefined,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (trust === undefined || trust === false) return false;
  if (typeof trust === "number") return (_address, hop) => hop < trust;
  return [...trust];
}

/** State-changing requests must come from a page of this same origin (CSRF defence). */
function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  return origin === `${request.protocol}://${request.host}`;
}
