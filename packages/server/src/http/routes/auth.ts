import { randomUUID } from "node:crypto";
import { type Credentials, credentialsSchema } from "@limber/core";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { clearSessionCookie, readSessionToken, sessionCookie } from "../../auth/cookies.ts";
import { normaliseEmail } from "../../auth/emails.ts";
import { hashPassword, passwordProblem, verifyPassword } from "../../auth/passwords.ts";
import {
  SIGN_IN_POLICIES,
  SIGN_UP_POLICY,
  type SignInKeys,
  signInKeys,
  signUpKey,
} from "../../auth/rate-limit-keys.ts";
import { hashToken, newSessionToken, SESSION_LIFETIME_MS } from "../../auth/tokens.ts";
import { EmailTakenError } from "../../storage/errors.ts";
import { ApiProblem, badRequest, forbidden, readBody, tooOften } from "../problem.ts";
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

  /** Notes that the account signed in from this address block (SIGN_IN_POLICIES.knownAddress). */
  const rememberAddress = (keys: SignInKeys) =>
    repository.recordFailure(keys.knownAddress, now(), SIGN_IN_POLICIES.knownAddress);

  /** A 429 naming the wait, with Retry-After. */
  const tooMany = (reply: FastifyReply, code: string, what: string, until: Date) =>
    tooOften(code, what, until, now(), (seconds) => reply.header("Retry-After", seconds));

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
    // Counted before the password is hashed, as sign-in attempts are, so a burst cannot slip past.
    const counted = await repository.recordFailure(signUpKey(request.ip), now(), SIGN_UP_POLICY);
    if (counted.blockedUntil) {
      throw tooMany(
        reply,
        "too-many-sign-ups",
        "Too many new accounts have come from this address.",
        counted.blockedUntil,
      );
    }
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
    await rememberAddress(signInKeys(request.ip, address));
    await startSession(request, reply, id);
    return reply.status(201).send({ email: address });
  });

  app.post("/signin", async (request, reply) => {
    const { email, password } = readCredentials(request.body);
    const address = normaliseEmail(email);
    // No account can have an address that does not normalise, so nothing is looked up for one
    // (and a NUL never reaches PostgreSQL, which cannot store it).
    if (!address) throw badRequest("invalid-email", "Please enter a valid email address.");
    const keys = signInKeys(request.ip, address);
    const refused = (until: Date) =>
      tooMany(reply, "too-many-attempts", "Too many sign-in attempts.", until);
    const addressBlock = await repository.blockedUntil(keys.byAddress, now());
    if (addressBlock) throw refused(addressBlock);
    // Every attempt is counted in the database before the password is checked, so attempts sent
    // all at once cannot slip past the limit together; a success clears the account's count.
    const byAddress = await repository.recordFailure(
      keys.byAddress,
      now(),
      SIGN_IN_POLICIES.byAddress,
    );
    if (byAddress.blockedUntil) throw refused(byAddress.blockedUntil);
    const byAccount = await repository.recordFailure(
      keys.byAccount,
      now(),
      SIGN_IN_POLICIES.byAccount,
    );
    if (byAccount.blockedUntil) {
      // A blocked account may still be tried from where it signed in before, and once from a
      // fresh address (no wrong password from it lately) within the day's budget for those:
      // so a stranger's guesses never lock the owner out (SIGN_IN_POLICIES).
      const known =
        (await repository.recentFailures(keys.knownAddress, now(), SIGN_IN_POLICIES.knownAddress)) >
        0;
      if (!known) {
        const tried = await repository.recordFailure(
          keys.failedFromAddress,
          now(),
          SIGN_IN_POLICIES.failedFromAddress,
        );
        if (tried.failures > 1) throw refused(byAccount.blockedUntil);
        const budget = await repository.recordFailure(
          keys.freshAtAccount,
          now(),
          SIGN_IN_POLICIES.freshAtAccount,
        );
        if (budget.blockedUntil) throw refused(budget.blockedUntil);
      }
    }
    const user = await repository.userByEmail(address);
    decoyHash ??= hashPassword(randomUUID());
    let matches = false;
    if (user) matches = await verifyPassword(user.passwordHash, password);
    else await verifyPassword(await decoyHash, password);
    if (!user || !matches) {
      if (!byAccount.blockedUntil) {
        await repository.recordFailure(
          keys.failedFromAddress,
          now(),
          SIGN_IN_POLICIES.failedFromAddress,
        );
      }
      throw new ApiProblem(
        401,
        "wrong-credentials",
        "That email and password do not match an account.",
      );
    }
    for (const key of [keys.byAccount, keys.failedFromAddress, keys.freshAtAccount]) {
      await repository.clearFailures(key);
    }
    await rememberAddress(keys);
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
    // Signed out everywhere, no device is sent reminders by push until it turns them on again.
    await repository.deletePushSubscriptions(userOf(request));
    reply.header("Set-Cookie", clearSessionCookie(secure(request)));
    return reply.status(204).send();
  });
};

const secure = (request: FastifyRequest) => request.protocol === "https";

function readCredentials(body: unknown): Credentials {
  return readBody(credentialsSchema, body);
}
