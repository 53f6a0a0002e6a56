import { parseContract } from "@limber/core";
import {
  CursorAheadError,
  EventConflictError,
  isStorageFull,
  QuotaExceededError,
} from "../storage/errors.ts";

/**
 * Every error the API returns: a machine-readable `code` and one plain sentence (RFC 9457
 * shape), turned into a response in one place (app.ts, through `toProblem`). Nothing else
 * reaches a client: no stack traces, no internals.
 */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The request's field that was wrong, as a dotted path, when one was. */
    readonly field?: string,
  ) {
    super(message);
    this.name = "ApiProblem";
  }
}

export const badRequest = (code: string, message: string, field?: string) =>
  new ApiProblem(400, code, message, field);

/**
 * Reads a request body with its contract from core, or refuses it with a 400 that names the
 * field that was wrong; `codeFor` picks the code from that field.
 */
export function readBody<T>(
  schema: Parameters<typeof parseContract<T>>[0],
  body: unknown,
  codeFor: (field: string | undefined) => string = () => "invalid-body",
): T {
  const result = parseContract(schema, body);
  if (result.ok) return result.value;
  throw badRequest(codeFor(result.field), sentence(result.message), result.field);
}

/** A message as the one sentence a client shows: first letter raised, a full stop at the end. */
export function sentence(message: string): string {
  const text = `${message.charAt(0).toUpperCase()}${message.slice(1)}`;
  return /[.?]$/.test(text) ? text : `${text}.`;
}
export const unauthorized = (message = "Please sign in first.") =>
  new ApiProblem(401, "not-signed-in", message);
export const forbidden = (code: string, message: string) => new ApiProblem(403, code, message);
export const misdirected = () =>
  new ApiProblem(
    421,
    "unknown-host",
    "This Limber server does not answer to that name; the person who runs it can add it to LIMBER_ALLOWED_HOSTS.",
  );

/**
 * A 429 for something done too often: `what` happened, and when it may be tried again, also
 * given in the Retry-After header set through `retryAfter`.
 */
export function tooOften(
  code: string,
  what: string,
  until: Date,
  now: Date,
  retryAfter: (seconds: string) => void,
): ApiProblem {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  retryAfter(String(seconds));
  const wait = seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return new ApiProblem(429, code, `${what} Please wait ${wait} and try again.`);
}

/** An error as the problem a client is told: typed errors by their code, anything else a 500. */
export function toProblem(error: unknown, bodyLimit: number): ApiProblem {
  if (error instanceof ApiProblem) return error;
  if (error instanceof EventConflictError) {
    return new ApiProblem(409, error.code, `${error.message} Nothing was imported.`);
  }
  if (error instanceof CursorAheadError) return new ApiProblem(409, error.code, error.message);
  if (error instanceof QuotaExceededError) {
    return new ApiProblem(
      413,
      error.code,
      `Your log has reached this server's limit of ${error.limit.toLocaleString("en-GB")} entries, so nothing of this was stored; your entries are safe on this device. Please tell the person who runs the server.`,
    );
  }
  if (isStorageFull(error)) {
    return new ApiProblem(
      507,
      "storage-full",
      "The server's disk is full, so nothing was stored; your entries are safe on this device. Please tell the person who runs the server.",
    );
  }
  const fastifyError = error as { statusCode?: number; code?: string; validation?: unknown };
  if (fastifyError.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
    return new ApiProblem(
      413,
      "too-large",
      `That request is larger than ${Math.floor(bodyLimit / 1_048_576)} MB; send it in smaller parts.`,
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
