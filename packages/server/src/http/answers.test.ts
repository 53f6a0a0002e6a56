import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { eventId, note, notes } from "../storage/testing/events.ts";
import { toProblem } from "./problem.ts";
import { cookieOf, logCapture, ORIGIN, post, signUp, testServer } from "./testing.ts";

/** What the server answers when the log, the cursor or the request is not what it expects. */

const sync = (
  app: Awaited<ReturnType<typeof testServer>>["app"],
  cookie: string,
  since: number,
  events = notes(1, 0),
) => post(app, "/api/v1/sync", { events, since }, cookie);

describe("a cursor the server cannot continue from", () => {
  it("beyond the person's last seq is answered 409 cursor-ahead, and the push is not stored", async () => {
    const server = await testServer();
    try {
      const cookie = await signUp(server.app, "restored@example.org");
      expect((await sync(server.app, cookie, 0, notes(1, 3))).json().cursor).toBe(3);
      const ahead = await sync(server.app, cookie, 7, [note(4)]);
      expect([ahead.statusCode, ahead.json().code]).toEqual([409, "cursor-ahead"]);
      expect(ahead.json().message).toMatch(/send everything again from cursor 0/);
      const id = (await server.repository.userByEmail("restored@example.org"))?.id ?? "";
      expect(await server.repository.countEvents(id)).toBe(3);
      expect((await sync(server.app, cookie, 3)).statusCode).toBe(200);
    } finally {
      await server.close();
    }
  });

  it("other than 0 in a sign-in's first sync is answered 409 cursor-ahead", async () => {
    const server = await testServer();
    try {
      const first = await signUp(server.app, "two.signins@example.org");
      await sync(server.app, first, 0, notes(1, 5));
      const signedIn = await post(server.app, "/api/v1/auth/signin", {
        email: "two.signins@example.org",
        password: "a calm back at dawn",
      });
      const second = cookieOf(signedIn);
      // A cursor this sign-in was never given, though the log has come that far.
      const carried = await sync(server.app, second, 5);
      expect([carried.statusCode, carried.json().code]).toEqual([409, "cursor-ahead"]);
      expect((await sync(server.app, second, 0)).json().cursor).toBe(5);
      expect((await sync(server.app, second, 5)).statusCode).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe("a sign-in", () => {
  it("makes a new session token and ends the one the browser came with", async () => {
    const server = await testServer();
    try {
      const before = await signUp(server.app, "again@example.org");
      const signedIn = await post(
        server.app,
        "/api/v1/auth/signin",
        { email: "again@example.org", password: "a calm back at dawn" },
        before,
      );
      const after = cookieOf(signedIn);
      expect(after).not.toBe(before);
      expect((await sync(server.app, before, 0)).statusCode).toBe(401);
      expect((await sync(server.app, after, 0)).statusCode).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe("a stored event that no longer reads", () => {
  it("is left out of the person's sync, which still answers 200, and logged by account and id only", async () => {
    const log = logCapture();
    const server = await testServer(undefined, { logger: true, logStream: log.stream });
    try {
      const cookie = await signUp(server.app, "damaged@example.org");
      await sync(server.app, cookie, 0, notes(1, 3));
      const id = (await server.repository.userByEmail("damaged@example.org"))?.id ?? "";
      await sql`update events set body = ${'{"text":"my private note'} where id = ${eventId(2)}`.execute(
        server.database.db,
      );
      const pulled = await sync(server.app, cookie, 0);
      expect(pulled.statusCode).toBe(200);
      expect(pulled.json()).toEqual({ events: [note(1), note(3)], cursor: 3, more: false });
      const exported = await server.app.inject({
        method: "GET",
        url: "/api/v1/export",
        headers: { cookie },
      });
      expect(exported.json().events).toEqual([note(1), note(3)]);
      const reports = log
        .text()
        .split("\n")
        .filter((line) => line.includes("could not be read"));
      expect(reports).toHaveLength(2);
      expect(JSON.parse(reports[0] ?? "{}")).toMatchObject({
        level: 50,
        account: id,
        event: eventId(2),
        seq: 2,
      });
      expect(log.text()).not.toContain("my private note");
    } finally {
      await server.close();
    }
  });
});

describe("answers", () => {
  it("about a person are never kept by a browser or a proxy (Cache-Control: no-store)", async () => {
    const server = await testServer();
    try {
      const signup = await post(server.app, "/api/v1/auth/signup", {
        email: "kept@example.org",
        password: "a calm back at dawn",
      });
      const cookie = cookieOf(signup);
      const answers = [
        signup,
        await sync(server.app, cookie, 0),
        await server.app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie } }),
        await server.app.inject({ method: "GET", url: "/api/v1/export", headers: { cookie } }),
        await server.app.inject({ method: "GET", url: "/api/v1/me" }),
      ];
      for (const answer of answers) expect(answer.headers["cache-control"]).toBe("no-store");
    } finally {
      await server.close();
    }
  });

  it("to a Host this server does not answer to are 421 unknown-host, before anything is read", async () => {
    const server = await testServer(undefined, { allowedHosts: ["localhost", "limber.example"] });
    try {
      for (const host of ["rebound.example", "localhost.rebound.example:80"]) {
        const response = await server.app.inject({
          method: "GET",
          url: "/api/v1/me",
          headers: { host },
        });
        expect([host, response.statusCode, response.json().code]).toEqual([
          host,
          421,
          "unknown-host",
        ]);
      }
      for (const host of ["localhost:80", "LIMBER.example", "limber.example.:8787"]) {
        const response = await server.app.inject({
          method: "GET",
          url: "/api/v1/me",
          headers: { host },
        });
        expect([host, response.statusCode]).toEqual([host, 401]);
      }
    } finally {
      await server.close();
    }
  });

  it("to TRACE, or to an address that is no route, give away nothing", async () => {
    const server = await testServer();
    try {
      for (const method of ["TRACE", "GET"] as const) {
        const response = await server.app.inject({
          method,
          url: "/.git/config",
          headers: { origin: ORIGIN, host: "localhost:80" },
        });
        expect([method, response.statusCode, response.json()]).toEqual([
          method,
          404,
          { code: "not-found", message: "There is nothing at this address." },
        ]);
      }
    } finally {
      await server.close();
    }
  });

  it("to a full disk are 507 storage-full, whichever database says so", () => {
    for (const code of ["SQLITE_FULL", "53100"]) {
      const full = Object.assign(new Error("database or disk is full"), { code });
      expect(toProblem(full, 1)).toMatchObject({ status: 507, code: "storage-full" });
    }
  });
});
