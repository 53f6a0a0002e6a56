import { en } from "zod/locales";
import { z } from "zod/mini";
import { isTimeZone } from "../reminders/schedule.ts";

/**
 * The HTTP API's shapes (architecture.md, contracts at the boundaries): what a client sends and
 * what the server answers, parsed by the server's routes and by the web app's client alike, so
 * nothing that crosses the network is taken on trust. Events themselves are checked one by one
 * with `parseEvent`, which names the event and the field that was wrong.
 */

/** A sync carries at most this many events; the rest go in the next one. */
export const MAX_PUSH_EVENTS = 500;
/** The highest cursor a server hands out (a person's events are numbered from 1). */
export const MAX_CURSOR = 2 ** 31 - 1;

const cursor = z
  .int("the cursor from the last sync is a whole number, 0 at first")
  .check(
    z.minimum(0, "the cursor from the last sync is 0 or more"),
    z.maximum(MAX_CURSOR, "the cursor from the last sync is too large"),
  );

/** `POST /api/v1/sync`: the events this device has not had acknowledged, and its cursor. */
export const syncRequestSchema = z.object(
  {
    events: z
      .array(z.unknown(), "`events` is a list of events (it may be empty)")
      .check(
        z.maxLength(
          MAX_PUSH_EVENTS,
          `a sync carries at most ${MAX_PUSH_EVENTS} events; send the rest in the next one`,
        ),
      ),
    since: z._default(cursor, 0),
  },
  "send a JSON object with `events` and `since`",
);

/**
 * The answer to a sync: the events stored after the cursor, the new cursor, and whether more
 * wait. Each event is checked again as the device stores it, so one it cannot read is left out
 * alone rather than refusing the whole answer.
 */
export const syncAnswerSchema = z.object({
  events: z.array(z.unknown()),
  cursor,
  more: z.boolean(),
});
export type SyncAnswer = z.infer<typeof syncAnswerSchema>;

/** `POST /api/v1/auth/signup` and `/signin`. */
export const credentialsSchema = z.object(
  {
    email: z
      .string("send your email address as text")
      .check(z.maxLength(320, "that email address is too long")),
    password: z
      .string("send your password as text")
      .check(z.maxLength(1024, "that password is too long")),
  },
  "send a JSON object with `email` and `password`",
);
export type Credentials = z.infer<typeof credentialsSchema>;

/** Who is signed in: the answer to signing up, signing in and `GET /api/v1/me`. */
export const accountAnswerSchema = z.object({ email: z.string() });
export const meAnswerSchema = z.object({
  email: z.string(),
  /** Events the server holds for the account. */
  events: z.int().check(z.minimum(0)),
});

/** The answer to `POST /api/v1/import`. */
export const importAnswerSchema = z.object({
  imported: z.int().check(z.minimum(0)),
  alreadyHere: z.int().check(z.minimum(0)),
});

/** `GET /api/v1/push/key`: the server's VAPID public key, to subscribe with (base64url). */
export const pushKeyAnswerSchema = z.object({
  publicKey: z.string().check(z.regex(/^[A-Za-z0-9_-]{87}$/, "a P-256 public key in base64url")),
});

/** A push endpoint: the https address a browser's push service gave this device. */
function pushEndpoint() {
  return z
    .string("`endpoint` is the push service's address, as text")
    .check(
      z.maxLength(2048, "that push endpoint is too long"),
      z.regex(
        /^https:\/\/[A-Za-z0-9.-]+(:\d{1,5})?\/[\x21-\x7e]*$/,
        "`endpoint` is an https address",
      ),
    );
}

function base64url(name: string, bytes: number) {
  return z
    .string(`\`${name}\` is base64url text`)
    .check(
      z.regex(
        new RegExp(`^[A-Za-z0-9_-]{${Math.ceil((bytes * 4) / 3)}}={0,2}$`),
        `\`${name}\` is ${bytes} bytes in base64url`,
      ),
    );
}

// The two push requests are only sent by the web app, never parsed there: each schema is made
// in a call marked pure, so a bundle that does not use it leaves it out (the first screen).

/**
 * `POST /api/v1/push/subscription`: this device's push subscription, as the browser's
 * `PushSubscription.toJSON()` gives it (an endpoint and its P-256 and auth keys), and the
 * device's IANA time zone, which the reminder's local time is read in.
 */
export const pushSubscribeSchema = /* @__PURE__ */ (() =>
  z.object(
    {
      endpoint: pushEndpoint(),
      keys: z.object(
        { p256dh: base64url("keys.p256dh", 65), auth: base64url("keys.auth", 16) },
        "`keys` holds `p256dh` and `auth`",
      ),
      timeZone: z
        .string("`timeZone` is an IANA time zone, such as Europe/Paris")
        .check(z.refine(isTimeZone, "`timeZone` is an IANA time zone, such as Europe/Paris")),
    },
    "send a JSON object with `endpoint`, `keys` and `timeZone`",
  ))();
export type PushSubscribe = z.infer<typeof pushSubscribeSchema>;

/** `DELETE /api/v1/push/subscription`: the endpoint this device no longer wants reminders at. */
export const pushUnsubscribeSchema = /* @__PURE__ */ (() =>
  z.object({ endpoint: pushEndpoint() }, "send a JSON object with `endpoint`"))();

/** An answer with no body (204). */
export const noContentSchema = z.undefined();

/** Every refusal (RFC 9457 shape): a code, one plain sentence, and the field that was wrong. */
export const problemSchema = z.object({
  code: z.string(),
  message: z.string(),
  field: z.optional(z.string()),
});
export type Problem = z.infer<typeof problemSchema>;

const ENGLISH = { error: en().localeError };

/**
 * Parses `value` with `schema`: the value, or the first problem as a sentence and the dotted
 * path of the field that was wrong.
 */
export function parseContract<T>(
  schema: z.ZodMiniType<T>,
  value: unknown,
): { ok: true; value: T } | { ok: false; message: string; field?: string } {
  const result = schema.safeParse(value, ENGLISH);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join(".") || undefined;
  const message = issue?.message ?? "the request could not be read";
  return {
    ok: false,
    message: field ? `${field}: ${message}` : message,
    ...(field ? { field } : {}),
  };
}
