import { readFileSync } from "node:fs";
import { type LimberEvent, parseLog } from "@limber/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_PUSH_EVENTS } from "./routes/sync.ts";
import { ORIGIN, post, signUp, testServer } from "./testing.ts";

const examples = parseLog(
  readFileSync(new URL("../../../../examples/three-weeks.ndjson", import.meta.url), "utf8"),
);

let server: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  server = await testServer();
});
afterAll(() => server.close());

describe("accounts", () => {
  it("signs up with a session cookie that is HttpOnly and SameSite=Lax", async () => {
    const response = await post(server.app, "/api/v1/auth/signup", {
      email: "Ana@Example.org",
      password: "a calm back at dawn",
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ email: "ana@example.org" });
    const cookie = String(response.headers["set-cookie"]);
    expect(cookie).toMatch(/^limber_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it.each([
    [{ email: "not-an-email", password: "a calm back at dawn" }, 400, "invalid-email"],
    [{ email: "b@example.org", password: "short" }, 400, "weak-password"],
    [{ email: "b@example.org", password: "password123" }, 400, "weak-password"],
    [{ email: "ana@example.org", password: "another good phrase" }, 409, "email-taken"],
    [{ email: 42 }, 400, "invalid-body"],
  ])("refuses sign-up %o with %i %s", async (body, status, code) => {
    const response = await post(server.app, "/api/v1/auth/signup", body);
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ code });
  });

  it("signs in with the right password only, and slows a guesser down", async () => {
    await signUp(server.app, "guessed@example.org", undefined, "192.0.2.10");
    const stranger = "203.0.113.66";
    const attempt = (password: string, from: string) =>
      post(server.app, "/api/v1/auth/signin", { email: "guessed@example.org", password }, "", from);
    const wrong = await attempt("not the one at all", stranger);
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe("wrong-credentials");
    for (let i = 0; i < 6; i++) await attempt(`guess number ${i}`, stranger);
    const blocked = await attempt("a calm back at dawn", stranger);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
    // The owner, from where they signed up, is not locked out by the stranger's guesses.
    expect((await attempt("a calm back at dawn", "192.0.2.10")).statusCode).toBe(200);
  });

  it("limits attempts sent all at once, not only one after another", async () => {
    await signUp(server.app, "rushed@example.org");
    const attempts = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        post(
          server.app,
          "/api/v1/auth/signin",
          { email: "rushed@example.org", password: `parallel guess ${i}` },
          "",
          "203.0.113.77",
        ),
      ),
    );
    const statuses = attempts.map((r) => r.statusCode);
    // Five within the account's limit, and at most one more as the first try from a fresh address.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(6);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(24);
  });

  it("signs out here, and everywhere", async () => {
    const first = await signUp(server.app, "leaving@example.org");
    const second = (
      await post(server.app, "/api/v1/auth/signin", {
        email: "leaving@example.org",
        password: "a calm back at dawn",
      })
    ).headers["set-cookie"];
    const secondCookie = String(second).split(";")[0] ?? "";
    expect((await post(server.app, "/api/v1/auth/signout-all", {}, first)).statusCode).toBe(204);
    for (const cookie of [first, secondCookie]) {
      expect(
        (await post(server.app, "/api/v1/sync", { events: [], since: 0 }, cookie)).statusCode,
      ).toBe(401);
    }
  });
});

describe("sync", () => {
  it("stores a push, ignores its replay, and returns events after the cursor", async () => {
    const cookie = await signUp(server.app, "sync@example.org");
    const first = await post(server.app, "/api/v1/sync", { events: examples, since: 0 }, cookie);
    expect(first.statusCode).toBe(200);
    const body = first.json() as { events: LimberEvent[]; cursor: number; more: boolean };
    expect(body.events.map((e) => e.id).sort()).toEqual(examples.map((e) => e.id).sort());
    expect(body.more).toBe(false);
    const replay = await post(
      server.app,
      "/api/v1/sync",
      { events: [...examples].reverse(), since: body.cursor },
      cookie,
    );
    expect(replay.json()).toEqual({ events: [], cursor: body.cursor, more: false });
  });

  it("refuses a whole batch with one bad event, naming it, and writes nothing", async () => {
    const cookie = await signUp(server.app, "careful@example.org");
    const bad = [...examples.slice(0, 3), { ...examples[3], data: { back: "fine" } }];
    const response = await post(server.app, "/api/v1/sync", { events: bad, since: 0 }, cookie);
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/^Event 4: /);
    expect(response.json().field).toMatch(/^events\.3\./);
    expect(
      (await post(server.app, "/api/v1/sync", { events: [], since: 0 }, cookie)).json().events,
    ).toEqual([]);
  });

  it(`refuses more than ${MAX_PUSH_EVENTS} events, and more than 1 MB`, async () => {
    const cookie = await signUp(server.app, "big@example.org");
    const many = Array.from({ length: MAX_PUSH_EVENTS + 1 }, () => examples[0]);
    expect(
      (await post(server.app, "/api/v1/sync", { events: many, since: 0 }, cookie)).json().code,
    ).toBe("too-many-events");
    const huge = await post(
      server.app,
      "/api/v1/sync",
      { events: [], since: 0, padding: "x".repeat(1_200_000) },
      cookie,
    );
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe("too-large");
  });
});

describe("your data", () => {
  it("exports every event, imports all or nothing, and deletes everything of a person", async () => {
    const cookie = await signUp(server.app, "mine@example.org");
    await post(server.app, "/api/v1/sync", { events: examples.slice(0, 10), since: 0 }, cookie);
    const exported = await server.app.inject({
      method: "GET",
      url: "/api/v1/export",
      headers: { cookie },
    });
    expect(exported.json().events).toHaveLength(10);

    const broken = [...examples.slice(10), { ...examples[0], id: "not-a-uuid" }];
    const refused = await post(server.app, "/api/v1/import", { events: broken }, cookie);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toMatch(/Nothing was imported/);
    const imported = await post(server.app, "/api/v1/import", { events: examples }, cookie);
    expect(imported.json()).toEqual({ imported: examples.length - 10, alreadyHere: 10 });

    const changed = {
      ...examples[0],
      data: { ...(examples[0]?.data ?? {}), anchor: "after lunch" },
    };
    const conflict = await post(server.app, "/api/v1/import", { events: [changed] }, cookie);
    expect([conflict.statusCode, conflict.json().code]).toEqual([409, "event-conflict"]);
    const farCursor = await post(
      server.app,
      "/api/v1/sync",
      { events: [], since: 2 ** 40 },
      cookie,
    );
    expect([farCursor.statusCode, farCursor.json().code]).toEqual([400, "invalid-cursor"]);

    const me = await server.app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie } });
    const userId = (await server.repository.userByEmail("mine@example.org"))?.id ?? "";
    expect(me.json()).toEqual({ email: "mine@example.org", events: examples.length });
    const deleted = await server.app.inject({
      method: "DELETE",
      url: "/api/v1/account",
      headers: { cookie, origin: ORIGIN, host: "localhost:80" },
    });
    expect(deleted.statusCode).toBe(204);
    expect(await server.repository.userById(userId)).toBeUndefined();
    expect(await server.repository.countEvents(userId)).toBe(0);
    expect(
      (await server.app.inject({ method: "GET", url: "/api/v1/export", headers: { cookie } }))
        .statusCode,
    ).toBe(401);
  });
});

describe("security", () => {
  it("answers with a strict CSP and friends on every response", async () => {
    const response = await server.app.inject({ method: "GET", url: "/api/v1/me" });
    const csp = String(response.headers["content-security-policy"]);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["referrer-policy"]).toBe("no-referrer");
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ code: "not-signed-in", message: "Please sign in first." });
  });

  it("refuses a change from another origin or with no origin", async () => {
    for (const origin of ["https://evil.example", undefined]) {
      const response = await server.app.inject({
        method: "POST",
        url: "/api/v1/auth/signup",
        headers: { host: "localhost:80", ...(origin ? { origin } : {}) },
        payload: { email: "x@example.org", password: "a calm back at dawn" },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe("cross-origin");
    }
  });

  it("lets no one read or write another person's events", async () => {
    const alice = await signUp(server.app, "alice@example.org");
    const bob = await signUp(server.app, "bob@example.org");
    await post(server.app, "/api/v1/sync", { events: examples.slice(0, 5), since: 0 }, alice);
    // Bob pushes an event with one of Alice's ids: it becomes Bob's own, and Alice's is untouched.
    await post(server.app, "/api/v1/sync", { events: examples.slice(0, 1), since: 0 }, bob);
    const bobSees = await post(server.app, "/api/v1/sync", { events: [], since: 0 }, bob);
    expect(bobSees.json().events).toHaveLength(1);
    const bobExport = await server.app.inject({
      method: "GET",
      url: "/api/v1/export",
      headers: { cookie: bob },
    });
    expect(bobExport.json().events).toHaveLength(1);
    for (const [method, url] of [
      ["GET", "/api/v1/export"],
      ["GET", "/api/v1/me"],
      ["POST", "/api/v1/sync"],
      ["POST", "/api/v1/import"],
      ["DELETE", "/api/v1/account"],
      ["POST", "/api/v1/auth/signout-all"],
    ] as const) {
      const anonymous = await server.app.inject({
        method,
        url,
        headers: { origin: ORIGIN, host: "localhost:80", "content-type": "application/json" },
        payload: method === "GET" ? undefined : "{}",
      });
      expect([url, anonymous.statusCode]).toEqual([url, 401]);
    }
    expect(
      (await post(server.app, "/api/v1/sync", { events: [], since: 0 }, alice)).json().events,
    ).toHaveLength(5);
  });
});
