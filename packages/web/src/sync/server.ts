import {
  accountAnswerSchema,
  type LimberEvent,
  meAnswerSchema,
  noContentSchema,
  type PushSubscribe,
  parseContract,
  problemSchema,
  pushKeyAnswerSchema,
  type SyncAnswer,
  syncAnswerSchema,
} from "@limber/core";

export type { SyncAnswer };

/** What the server said when it refused: its code and its one plain sentence. */
export class ServerProblem extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    /** The request's field the server named as wrong, when it named one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = "ServerProblem";
  }
}

async function call<T>(
  schema: Parameters<typeof parseContract<T>>[0],
  method: "GET" | "POST" | "DELETE",
  path: string,
  body?: unknown,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: body === undefined ? {} : { "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ServerProblem("offline", "No connection to the server right now.", 0);
  }
  const json: unknown =
    response.status === 204 ? undefined : await response.json().catch(() => NOT_JSON);
  if (json === NOT_JSON) {
    // A page instead of JSON: this address serves the app but no Limber API (a static host).
    throw new ServerProblem(
      "no-server",
      "This copy of Limber has no sync server.",
      response.status,
    );
  }
  if (!response.ok) {
    const problem = parseContract(problemSchema, json);
    throw problem.ok
      ? new ServerProblem(
          problem.value.code,
          problem.value.message,
          response.status,
          problem.value.field,
        )
      : new ServerProblem(`http-${response.status}`, UNEXPECTED, response.status);
  }
  // Nothing that crossed the network is taken on trust: each answer is checked by its contract.
  const answer = parseContract(schema, json);
  if (!answer.ok) throw new ServerProblem("unexpected-answer", UNEXPECTED, response.status);
  return answer.value;
}

const NOT_JSON = Symbol("not JSON");
const UNEXPECTED = "The server did not answer as expected. Your entries are safe on this device.";

/** Limber's API as the app uses it: accounts, sync, deletion and push, each answer checked. */
export const server = {
  me: () => call(meAnswerSchema, "GET", "/api/v1/me"),
  signUp: (email: string, password: string) =>
    call(accountAnswerSchema, "POST", "/api/v1/auth/signup", { email, password }),
  signIn: (email: string, password: string) =>
    call(accountAnswerSchema, "POST", "/api/v1/auth/signin", { email, password }),
  signOut: () => call(noContentSchema, "POST", "/api/v1/auth/signout", {}),
  /** The account, its sessions and every event on the server, gone. */
  deleteAccount: () => call(noContentSchema, "DELETE", "/api/v1/account"),
  sync: (events: LimberEvent[], since: number): Promise<SyncAnswer> =>
    call(syncAnswerSchema, "POST", "/api/v1/sync", { events, since }),
  /** The server's VAPID public key, which this device's push subscription is made with. */
  pushKey: () => call(pushKeyAnswerSchema, "GET", "/api/v1/push/key"),
  /** Reminders by push to this device: its subscription and time zone, kept by the server. */
  pushSubscribe: (subscription: PushSubscribe) =>
    call(noContentSchema, "POST", "/api/v1/push/subscription", subscription),
  pushUnsubscribe: (endpoint: string) =>
    call(noContentSchema, "DELETE", "/api/v1/push/subscription", { endpoint }),
};
