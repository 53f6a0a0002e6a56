import { type Agent, request } from "node:http";

/** One answer from the server: the status, the JSON body (if any) and what the headers set. */
export interface ApiResponse {
  status: number;
  body: unknown;
  /** `name=value` from the Set-Cookie header, when the response set a cookie. */
  cookie: string | undefined;
  retryAfter: string | undefined;
}

export interface PostOptions {
  /** The session cookie, as `name=value`. */
  cookie?: string;
  /** A keep-alive agent to share connections; by default each request has its own. */
  agent?: Agent;
  timeoutMs?: number;
  /** Further headers, such as X-Forwarded-For as a proxy would add it. */
  headers?: Readonly<Record<string, string>>;
}

/**
 * POSTs JSON as Limber's own page would: the server's own Origin and the session cookie.
 * Rejects when the connection fails or is cut before the whole answer arrived.
 */
export function postJson(
  origin: string,
  path: string,
  payload: unknown,
  options: PostOptions = {},
): Promise<ApiResponse> {
  const body = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      new URL(path, origin),
      {
        method: "POST",
        agent: options.agent ?? false,
        timeout: options.timeoutMs ?? 15_000,
        headers: {
          origin,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          ...(options.cookie ? { cookie: options.cookie } : {}),
          ...options.headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.once("error", reject);
        response.once("close", () => {
          if (!response.complete) {
            reject(Object.assign(new Error("the answer was cut off"), { code: "ECONNRESET" }));
            return;
          }
          const text = Buffer.concat(chunks).toString("utf8");
          const setCookie = response.headers["set-cookie"]?.[0];
          const retryAfter = response.headers["retry-after"];
          resolve({
            status: response.statusCode ?? 0,
            body: text ? JSON.parse(text) : undefined,
            cookie: setCookie?.split(";")[0],
            retryAfter: typeof retryAfter === "string" ? retryAfter : undefined,
          });
        });
      },
    );
    outgoing.once("timeout", () => {
      outgoing.destroy(new Error(`no answer from ${origin}${path} in time`));
    });
    outgoing.once("error", reject);
    outgoing.end(body);
  });
}

/** Whether a request failed because the server went away (refused, reset, or cut off). */
export function isConnectionLoss(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "ECONNREFUSED" || code === "ECONNRESET" || code === "EPIPE";
}

/** Creates an account and returns its session cookie. */
export async function signUp(origin: string, email: string, password: string): Promise<string> {
  const response = await postJson(origin, "/api/v1/auth/signup", { email, password });
  if (response.status !== 201 || !response.cookie) {
    throw new Error(
      `sign-up at ${origin} failed: ${response.status} ${JSON.stringify(response.body)}`,
    );
  }
  return response.cookie;
}

/** One page of `POST /api/v1/sync`, reduced to what the tests compare. */
export interface SyncPage {
  ids: string[];
  cursor: number;
  more: boolean;
}

/** Reads a sync answer, throwing when it does not have the documented shape. */
export function readSyncPage(body: unknown): SyncPage {
  const { events, cursor, more } = (body ?? {}) as Record<string, unknown>;
  if (!Array.isArray(events) || !Number.isSafeInteger(cursor) || typeof more !== "boolean") {
    throw new Error(`not a sync answer: ${JSON.stringify(body)?.slice(0, 300)}`);
  }
  const ids = events.map((event: unknown) => {
    const id = (event as { id?: unknown } | null)?.id;
    if (typeof id !== "string") throw new Error(`an event without an id: ${JSON.stringify(event)}`);
    return id;
  });
  return { ids, cursor: cursor as number, more };
}

/** Everything the person's log holds, in seq order, with the cursor after each page. */
export interface PulledLog {
  ids: string[];
  pageCursors: number[];
  cursor: number;
}

/** Pulls the whole log page by page (`since` the last cursor) until `more` is false. */
export async function pullAll(
  origin: string,
  cookie: string,
  maxPages = 1_000,
): Promise<PulledLog> {
  const ids: string[] = [];
  const pageCursors: number[] = [];
  let since = 0;
  for (let pageNumber = 0; pageNumber < maxPages; pageNumber++) {
    const response = await postJson(origin, "/api/v1/sync", { events: [], since }, { cookie });
    if (response.status !== 200) {
      throw new Error(
        `pull since ${since} answered ${response.status} ${JSON.stringify(response.body)}`,
      );
    }
    const page = readSyncPage(response.body);
    ids.push(...page.ids);
    pageCursors.push(page.cursor);
    since = page.cursor;
    if (!page.more) return { ids, pageCursors, cursor: since };
  }
  throw new Error(`the log did not end within ${maxPages} pages`);
}
