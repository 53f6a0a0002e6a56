import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EVENTS_PER_TURN } from "../storage/event-bodies.ts";
import { notes } from "../storage/testing/events.ts";
import { turnsDuring } from "../storage/testing/turns.ts";
import { CONNECTION_TIMEOUT_MS, MAX_CONNECTIONS, REQUEST_TIMEOUT_MS } from "./app.ts";
import { post, signUp, testServer } from "./testing.ts";

/** What a hostile or runaway client cannot do: flood sign-ups, lock an owner out, fill the disk. */

const QUOTA = 40;
let server: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  server = await testServer(undefined, {}, { maxEventsPerAccount: QUOTA });
});
afterAll(() => server.close());

const PASSWORD = "a calm back at dawn";

describe("sign-up and sign-in limits", () => {
  it("takes twenty new accounts an hour from one address, and still takes others' after", async () => {
    const from = "203.0.113.20";
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const email = `flood${i}@example.org`;
      statuses.push(
        (await post(server.app, "/api/v1/auth/signup", { email, password: PASSWORD }, "", from))
          .statusCode,
      );
    }
    expect(statuses.slice(0, 20).every((status) => status === 201)).toBe(true);
    const refused = await post(
      server.app,
      "/api/v1/auth/signup",
      { email: "one.more@example.org", password: PASSWORD },
      "",
      from,
    );
    expect([refused.statusCode, refused.json().code]).toEqual([429, "too-many-sign-ups"]);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    await expect(
      signUp(server.app, "neighbour@example.org", PASSWORD, "203.0.113.21"),
    ).resolves.toMatch(/^limber_session=/);
  });

  it("lets the owner in with the right password while a stranger's guesses block the account", async () => {
    await signUp(server.app, "owner@example.org", PASSWORD, "192.0.2.50");
    const signIn = (password: string, from: string) =>
      post(server.app, "/api/v1/auth/signin", { email: "owner@example.org", password }, "", from);
    for (let i = 0; i < 8; i++) await signIn(`a stranger's guess ${i}`, "203.0.113.30");
    expect((await signIn(PASSWORD, "203.0.113.30")).statusCode).toBe(429);
    // From where the owner signed up, and from a fresh address (a phone on another network).
    expect((await signIn(PASSWORD, "192.0.2.50")).statusCode).toBe(200);
    for (let i = 0; i < 8; i++) await signIn(`more guesses ${i}`, "203.0.113.30");
    expect((await signIn(PASSWORD, "198.51.100.200")).statusCode).toBe(200);
  });

  it("gives fresh addresses ten guesses a day between them at a blocked account", async () => {
    await signUp(server.app, "target@example.org", PASSWORD, "192.0.2.60");
    const signIn = (password: string, from: string) =>
      post(server.app, "/api/v1/auth/signin", { email: "target@example.org", password }, "", from);
    for (let i = 0; i < 6; i++) await signIn(`guess ${i}`, "203.0.113.40");
    const fromMany = [];
    for (let i = 0; i < 12; i++)
      fromMany.push((await signIn(`guess from ${i}`, `203.0.114.${i + 1}`)).statusCode);
    expect(fromMany).toEqual([...Array(10).fill(401), 429, 429]);
    // Past the day's budget a fresh address is refused even with the right password; the address
    // the owner signed up from still gets in.
    expect((await signIn(PASSWORD, "203.0.114.99")).statusCode).toBe(429);
    expect((await signIn(PASSWORD, "192.0.2.60")).statusCode).toBe(200);
  });

  it("refuses an email holding a NUL with a 400, at sign-up and sign-in", async () => {
    for (const path of ["/api/v1/auth/signup", "/api/v1/auth/signin"]) {
      const response = await post(server.app, path, {
        email: "ana\u0000@example.org",
        password: PASSWORD,
      });
      expect([path, response.statusCode, response.json().code]).toEqual([
        path,
        400,
        "invalid-email",
      ]);
    }
  });
});

describe("the events an account may hold", () => {
  it("answers 413 quota-exceeded and stores nothing past the limit, and no one else's push fails", async () => {
    const full = await signUp(server.app, "full@example.org");
    const other = await signUp(server.app, "other@example.org");
    expect(
      (await post(server.app, "/api/v1/sync", { events: notes(1, QUOTA - 1), since: 0 }, full))
        .statusCode,
    ).toBe(200);
    // Pushed together, so they share a group commit.
    const [over, fine] = await Promise.all([
      post(server.app, "/api/v1/sync", { events: notes(100, 101), since: 0 }, full),
      post(server.app, "/api/v1/sync", { events: notes(1, 3), since: 0 }, other),
    ]);
    expect([over.statusCode, over.json().code]).toEqual([413, "quota-exceeded"]);
    expect(over.json().message).toMatch(/limit of 40 entries, so nothing of this was stored/);
    expect(fine.statusCode).toBe(200);
    const imported = await post(server.app, "/api/v1/import", { events: notes(200, 201) }, full);
    expect([imported.statusCode, imported.json().code]).toEqual([413, "quota-exceeded"]);
    const id = (await server.repository.userByEmail("full@example.org"))?.id ?? "";
    expect(await server.repository.countEvents(id)).toBe(QUOTA - 1);
  });
});

describe("imports", () => {
  it("take turns with everyone else while a whole history is checked and written", async () => {
    const big = await testServer();
    try {
      const cookie = await signUp(big.app, "history@example.org");
      const { result: imported, turns } = await turnsDuring(() =>
        post(big.app, "/api/v1/import", { events: notes(1, 3000) }, cookie),
      );
      expect(imported.json()).toEqual({ imported: 3000, alreadyHere: 0 });
      // Validation in turns, then storage's check and writing in turns of its own.
      expect(turns).toBeGreaterThanOrEqual(3000 / EVENTS_PER_TURN);
    } finally {
      await big.close();
    }
  });

  it("are limited to ten an hour for one account", async () => {
    const cookie = await signUp(server.app, "importer@example.org");
    const statuses = [];
    for (let i = 0; i < 11; i++) {
      statuses.push(
        (await post(server.app, "/api/v1/import", { events: notes(1, 2) }, cookie)).statusCode,
      );
    }
    expect(statuses).toEqual([...Array(10).fill(200), 429]);
  });

  it("too large are refused naming the real limit", async () => {
    const cookie = await signUp(server.app, "huge.import@example.org");
    const response = await post(
      server.app,
      "/api/v1/import",
      { events: [], padding: "x".repeat(33 * 1_048_576) },
      cookie,
    );
    expect([response.statusCode, response.json().code]).toEqual([413, "too-large"]);
    expect(response.json().message).toBe(
      "That request is larger than 32 MB; send it in smaller parts.",
    );
  });
});

describe("slow and many connections", () => {
  it("gives a request 60 s to arrive, closes a silent connection after 30 s, and takes 1,000 at once", () => {
    expect(server.app.server.requestTimeout).toBe(REQUEST_TIMEOUT_MS);
    expect(server.app.server.headersTimeout).toBeLessThanOrEqual(REQUEST_TIMEOUT_MS);
    expect(REQUEST_TIMEOUT_MS).toBe(60_000);
    expect(server.app.server.timeout).toBe(CONNECTION_TIMEOUT_MS);
    expect(server.app.server.maxConnections).toBe(MAX_CONNECTIONS);
  });

  it("answers 408 to a request that does not arrive in time, and closes connections past the cap", async () => {
    const small = await testServer(undefined, { requestTimeoutMs: 300, maxConnections: 2 });
    const opened: { destroy(): void }[] = [];
    try {
      await small.app.listen({ host: "127.0.0.1", port: 0 });
      const { port } = small.app.server.address() as { port: number };
      const slow = await new Promise<number>((resolve, reject) => {
        const outgoing = httpRequest(
          {
            host: "127.0.0.1",
            port,
            method: "POST",
            path: "/api/v1/sync",
            headers: {
              origin: `http://127.0.0.1:${port}`,
              "content-type": "application/json",
              "content-length": "100",
            },
          },
          (response) => resolve(response.statusCode ?? 0),
        );
        opened.push(outgoing);
        outgoing.once("error", reject);
        // One byte of the hundred promised, and then nothing.
        outgoing.write("{");
      });
      expect(slow).toBe(408);
      const sockets = [connect(port, "127.0.0.1"), connect(port, "127.0.0.1")];
      opened.push(...sockets);
      await Promise.all(
        sockets.map((socket) => new Promise((resolve) => socket.once("connect", resolve))),
      );
      const third = connect(port, "127.0.0.1");
      opened.push(third);
      const ended = await new Promise<string>((resolve) => {
        third.once("close", () => resolve("closed"));
        third.once("error", () => resolve("closed"));
        third.once("data", () => resolve("answered"));
        third.write("GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\n\r\n");
      });
      expect(ended).toBe("closed");
    } finally {
      for (const socket of opened) socket.destroy();
      await small.close();
    }
  });
});
