import { readFileSync } from "node:fs";
import { parseLog } from "@limber/core";
import { describe, expect, it } from "vitest";
import { logCapture, post, testServer } from "./testing.ts";

const examples = parseLog(
  readFileSync(new URL("../../../../examples/three-weeks.ndjson", import.meta.url), "utf8"),
);

describe("what the server logs and how it speaks over HTTPS", () => {
  it("never logs a password, a session token or an event's contents", async () => {
    const log = logCapture();
    const server = await testServer(undefined, { logger: true, logStream: log.stream });
    try {
      const signup = await post(server.app, "/api/v1/auth/signup", {
        email: "quiet@example.org",
        password: "a secret phrase for logs",
      });
      const cookie = String(signup.headers["set-cookie"]).split(";")[0] ?? "";
      await post(server.app, "/api/v1/sync", { events: examples, since: 0 }, cookie);
      await post(server.app, "/api/v1/auth/signin", {
        email: "quiet@example.org",
        password: "a wrong phrase for logs",
      });
      expect(log.text()).toMatch(/\/api\/v1\/sync/);
      expect(log.text()).not.toMatch(/secret phrase|wrong phrase/);
      expect(log.text()).not.toContain(cookie.split("=")[1] ?? "no token");
      expect(log.text()).not.toMatch(/after my morning coffee|"back"|grumpy/);
    } finally {
      await server.close();
    }
  });

  it("refuses new accounts when sign-ups are closed", async () => {
    const server = await testServer(undefined, { signups: "closed" });
    try {
      const response = await post(server.app, "/api/v1/auth/signup", {
        email: "new@example.org",
        password: "a calm back at dawn",
      });
      expect([response.statusCode, response.json().code]).toEqual([403, "signups-closed"]);
    } finally {
      await server.close();
    }
  });

  it("behind a TLS proxy, sends HSTS and a __Host- cookie marked Secure", async () => {
    const server = await testServer(undefined, {
      trustProxy: 1,
      allowedHosts: ["limber.example"],
    });
    try {
      const response = await server.app.inject({
        method: "POST",
        url: "/api/v1/auth/signup",
        headers: {
          host: "limber.example",
          origin: "https://limber.example",
          "x-forwarded-proto": "https",
          "content-type": "application/json",
        },
        payload: JSON.stringify({ email: "tls@example.org", password: "a calm back at dawn" }),
      });
      expect(response.statusCode).toBe(201);
      expect(response.headers["strict-transport-security"]).toMatch(/max-age=31536000/);
      expect(String(response.headers["set-cookie"])).toMatch(/^__Host-limber_session=.+; Secure/);
    } finally {
      await server.close();
    }
  });
});
