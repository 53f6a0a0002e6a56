import type { LimberEvent } from "@limber/core";

/** What the server said when it refused: its code and its one plain sentence. */
export class ServerProblem extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "ServerProblem";
  }
}

async function call<T>(
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
  if (response.status === 204) return undefined as T;
  const json = (await response.json().catch(() => undefined)) as
    | { code?: string; message?: string }
    | undefined;
  if (json === undefined) {
    // A page instead of JSON: this address serves the app but no Limber API (a static host).
    throw new ServerProblem(
      "no-server",
      "This copy of Limber has no sync server.",
      response.status,
    );
  }
  if (!response.ok) {
    throw new ServerProblem(
      json.code ?? `http-${response.status}`,
      json.message ?? "The server did not answer as expected.",
      response.status,
    );
  }
  return json as T;
}

export interface SyncAnswer {
  events: LimberEvent[];
  cursor: number;
  more: boolean;
}

/** Limber's API as the app uses it: accounts, sync and deletion. */
export const server = {
  me: () => call<{ email: string; events: number }>("GET", "/api/v1/me"),
  signUp: (email: string, password: string) =>
    call<{ email: string }>("POST", "/api/v1/auth/signup", { email, password }),
  signIn: (email: string, password: string) =>
    call<{ email: string }>("POST", "/api/v1/auth/signin", { email, password }),
  signOut: () => call<void>("POST", "/api/v1/auth/signout", {}),
  /** The account, its sessions and every event on the server, gone. */
  deleteAccount: () => call<void>("DELETE", "/api/v1/account"),
  sync: (events: LimberEvent[], since: number) =>
    call<SyncAnswer>("POST", "/api/v1/sync", { events, since }),
};
