import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postJson } from "./api-client.ts";
import {
  freePort,
  killServerProcess,
  type ServerProcess,
  startServerProcess,
} from "./server-process.ts";

// Behind a reverse proxy, against the real `limber serve`: the client's address is the one the
// proxy saw, whatever a client writes into X-Forwarded-For; HTTPS is believed from the proxy
// only; and a request naming a host Limber does not answer to (DNS rebinding) is refused.

const PUBLIC = "https://limber.example.org";
let dataDir = "";
let server: ServerProcess | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "limber-proxy-"));
  server = await startServerProcess({
    port: await freePort(),
    dataDir,
    env: { LIMBER_TRUST_PROXY: "1", LIMBER_PUBLIC_ORIGIN: PUBLIC },
  });
}, 30_000);
afterAll(async () => {
  if (server) await killServerProcess(server);
  rmSync(dataDir, { recursive: true, force: true });
});

const running = () => {
  if (!server) throw new Error("the server starts in beforeAll");
  return server;
};

/** A request as the proxy hands it on: the public host, and the client's address appended. */
const throughProxy = (path: string, body: unknown, forwardedFor: string) =>
  postJson(running().origin, path, body, {
    headers: {
      host: "limber.example.org",
      origin: PUBLIC,
      "x-forwarded-proto": "https",
      "x-forwarded-for": forwardedFor,
    },
  });

describe("limber serve behind one reverse proxy (LIMBER_TRUST_PROXY=1)", () => {
  it("counts sign-in failures against the address the proxy saw, not one a client wrote", async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 21; attempt++) {
      // The client claims a new address each time; the proxy appends the one it really came from.
      const answer = await throughProxy(
        "/api/v1/auth/signin",
        { email: `nobody${attempt}@example.org`, password: "not a real password" },
        `10.9.8.${attempt}, 203.0.113.50`,
      );
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([...Array(20).fill(401), 429]);
    const elsewhere = await throughProxy(
      "/api/v1/auth/signin",
      { email: "nobody@example.org", password: "not a real password" },
      "203.0.113.51",
    );
    expect(elsewhere.status).toBe(401);
  });

  it("believes the proxy that the request came over HTTPS: a __Host- cookie marked Secure", async () => {
    const answer = await throughProxy(
      "/api/v1/auth/signup",
      { email: "behind.proxy@example.org", password: "a calm back at dawn" },
      "198.51.100.7",
    );
    expect(answer.status).toBe(201);
    expect(answer.cookie).toMatch(/^__Host-limber_session=/);
  });

  it("answers 421 unknown-host to a request naming another host, and to the public host otherwise", async () => {
    const rebound = await postJson(
      running().origin,
      "/api/v1/auth/signin",
      {},
      {
        headers: { host: "rebound.attacker.example", origin: "http://rebound.attacker.example" },
      },
    );
    expect([rebound.status, rebound.body]).toMatchObject([421, { code: "unknown-host" }]);
    const forwardedHost = await postJson(
      running().origin,
      "/api/v1/auth/signin",
      {},
      {
        headers: { "x-forwarded-host": "rebound.attacker.example" },
      },
    );
    expect(forwardedHost.status).toBe(421);
    const local = await postJson(running().origin, "/api/v1/auth/signin", {});
    expect(local.status).toBe(400);
  });
});

describe("LIMBER_TRUST_PROXY=true", () => {
  it("is refused at start-up with one sentence", async () => {
    const starting = startServerProcess({
      port: await freePort(),
      dataDir,
      env: { LIMBER_TRUST_PROXY: "true" },
    });
    await expect(starting).rejects.toThrow(
      /exited \(2\) before answering:\n(.*\n)?limber: LIMBER_TRUST_PROXY=true would believe any address a client writes into X-Forwarded-For; set it to the number of proxies in front of Limber \(1 for one reverse proxy\) or to their addresses\.\n$/,
    );
  });
});
