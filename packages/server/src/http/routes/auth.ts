import { randomUUID } from "node:crypto";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { clearSessionCookie, readSessionToken, sessionCookie } from "../../auth/cookies.ts";
import { normaliseEmail } from "../../auth/emails.ts";
import { hashPassword, passwordProblem, verifyPassword } from "../../auth/passwords.ts";
import { SIGN_IN_POLICIES, signInKeys } from "../../auth/rate-limit-keys.ts";
import { hashToken, newSessionToken, SESSION_LIFETIME_MS } from "../../auth/tokens.ts";
import { EmailTakenError } from "../../storage/errors.ts";
import { ApiProblem, badRequest, forbidden } from "../problem.ts";
import { type RouteContext, userOf } from "./context.ts";

/** Checked when an email has no account, so a wrong email takes as long as a wrong password. */
let decoyHash: Promise<string> | undefined;

/** Sign up, sign in (rate-limited), sign out here, and sign out everywhere. */
export const authRoutes: FastifyPluginAsync<RouteContext> = async (
  app,
  { repository, now, requireUser, signups },
) => {
  const startSession = async (request: FastifyRequest, reply: FastifyReply, userId: string) => {
    // A new token at every sign-in: a token planted before sign-in is never promoted.
    const previous = readSessionToken(request.headers.cookie, secure(request));
    if (previous) await repository.deleteSession(hashToken(previous));
    const token = newSessionToken();
    const started = now();
    await repository.createSession({
      tokenHash: hashToken(token),
      userId,
      now: started,
      expiresAt: new Date(started.getTime() + SESSION_LIFETIME_MS),
    });
    reply.header(
      "Set-Cookie",
      sessionCookie({ token, secure: secure(request), maxAgeSeconds: SESSION_LIFETIME_MS / 1000 }),
    );
  };

  app.post("/signup", async (request, reply) => {
    if (signups === "closed") {
      throw forbidden(
        "signups-closed",
        "This Limber server does not take new accounts. Please ask the person who runs it to add you.",
      );
    }
    const { email, password } = readCredentials(request.body);
    const address = normaliseEmail(email);
    if (!address) throw badRequest("invalid-email", "Please enter a valid email address.");
    const problem = passwordProblem(password, address);
    if (problem) throw badRequest("weak-password", problem);
    const id = randomUUID();
    try {
      await repository.createUser({
        id,
        email: address,
        passwordHash: await hashPassword(password),
        now: now(),
      });
    } catch (error) {
      if (error instanceof EmailTakenError) {
        throw new ApiProblem(
          409,
          "email-taken",
          "An account with this email already exists. Please sign in.",
        );
      }
      throw error;
    }
    await startSession(request, reply, id);
    return reply.status(201).send({ email: address });
  });

  app.post("/signin", async (request, reply) => {
    const { email, password } = readCredentials(request.body);
    const address = normaliseEmail(email) ?? email.trim().toLowerCase();
    const keys = signInKeys(request.ip, address);
    const tooMany = (until: Date) => {
      const seconds = Math.max(1, Math.ceil((until.getTime() - now().getTime()) / 1000));
      reply.header("Retry-After", String(seconds));
      return new ApiProblem(
        429,
        "too-many-attempts",
        `Too many sign-in attempts. Please wait ${waitText(seconds)} and try again.`,
      );
    };
    for (const key of [keys.byAddress, keys.byAccount]) {
      const until = await repository.blockedUntil(key, now());
      if (until) throw tooMany(until);
    }
    // Every attempt is counted in the database before the password is checked, so attempts sent
    // all at once cannot slip past the limit together; a success clears the account's count.
    const counted = [
      await repository.recordFailure(keys.byAddress, now(), SIGN_IN_POLICIES.byAddress),
      await repository.recordFailure(keys.byAccount, now(), SIGN_IN_POLICIES.byAccount),
    ];
    const blockedUntil = counted.find((record) => record.blockedUntil)?.blockedUntil;
    if (blockedUntil) throw tooMany(blockedUntil);
    const user = await repository.userByEmail(address);
    decoyHash ??= hashPassword(randomUUID());
    let matches = false;
    if (user) matches = await verifyPassword(user.passwordHash, password);
    else await verifyPassword(await decoyHash, password);
    if (!user || !matches) {
      throw new ApiProblem(
        401,
        "wrong-credentials",
        "That email and password do not match an account.",
      );
    }
    await repository.clearFailures(keys.byAccount);
    await startSession(request, reply, user.id);
    return { email: user.email };
  });

  app.post("/signout", async (request, reply) => {
    const token = readSessionToken(request.headers.cookie, secure(request));
    if (token) await repository.deleteSession(hashToken(token));
    reply.header("Set-Cookie", clearSessionCookie(secure(request)));
    return reply.status(204).send();
  });

  app.post("/signout-all", { preHandler: requireUser }, async (request, reply) => {
    await repository.deleteUserSessions(userOf(request));
    reply.header("Set-Cookie", clearSessionCookie(secure(request)));
    return reply.status(204).send();
  });
};

const secure = (request: FastifyRequest) => request.protocol === "https";

function readCredentials(body: unknown): { email: string; password: string } {
  const { email, password } = (typeof body === "object" && body !== null ? body : {}) as Record<
    string,
    unknown
  >;
  if (typeof email !== "string" || typeof password !== "string") {
    throw badRequest("invalid-body", "Send a JSON object with `email` and `password`.");
  }
  return { email, password };
}

function waitText(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
