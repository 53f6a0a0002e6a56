import { problemSchema } from "@limber/core";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ORIGIN, signUp, testServer } from "./testing.ts";

let server: Awaited<ReturnType<typeof testServer>>;
let cookie = "";
beforeAll(async () => {
  server = await testServer();
  cookie = await signUp(server.app, "fuzz@example.org");
});
afterAll(() => server.close());

const ENDPOINTS = [
  ["POST", "/api/v1/auth/signup"],
  ["POST", "/api/v1/auth/signin"],
  ["POST", "/api/v1/auth/signout"],
  ["POST", "/api/v1/auth/signout-all"],
  ["POST", "/api/v1/sync"],
  ["POST", "/api/v1/import"],
  ["GET", "/api/v1/export"],
  ["GET", "/api/v1/me"],
  ["DELETE", "/api/v1/account"],
] as const;

/** Bodies a confused or hostile client might send: broken JSON, wrong shapes, odd values. */
const body = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.json(),
  fc.constantFrom("{", "[", "null", '{"events":', "\u0000", '{"events":[{}],"since":-1}'),
  fc.jsonValue().map((v) => JSON.stringify({ events: [v], since: 0 })),
  fc
    .record({ events: fc.array(fc.jsonValue(), { maxLength: 5 }), since: fc.jsonValue() })
    .map((v) => JSON.stringify(v)),
  fc.record({ email: fc.jsonValue(), password: fc.jsonValue() }).map((v) => JSON.stringify(v)),
);
const cookieHeader = fc.oneof(
  fc.constant(undefined),
  fc.string({ maxLength: 120 }),
  fc.string({ maxLength: 60 }).map((s) => `limber_session=${s}`),
  fc.constant("__proto__=1; limber_session=; limber_session=x"),
);
const contentType = fc.constantFrom(
  "application/json",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  undefined,
);

describe("hostile input", () => {
  it("answers thousands of malformed requests to every endpoint with a 4xx problem, never a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ENDPOINTS),
        body,
        cookieHeader,
        contentType,
        fc.boolean(),
        async ([method, url], payload, cookieValue, type, wantSignedIn) => {
          // Deleting the account would leave later runs signed out, so that one goes anonymous.
          const signedIn = wantSignedIn && method !== "DELETE";
          const response = await server.app.inject({
            method,
            url,
            headers: {
              origin: ORIGIN,
              host: "localhost:80",
              ...(type ? { "content-type": type } : {}),
              ...(signedIn ? { cookie } : cookieValue === undefined ? {} : { cookie: cookieValue }),
            },
            ...(method === "GET" ? {} : { payload }),
          });
          if (response.statusCode >= 500)
            throw new Error(`${method} ${url} answered ${response.statusCode}: ${response.body}`);
          if (response.statusCode >= 400) {
            // Every refusal is a problem as core's contract has it, the wrong field named or not.
            expect(problemSchema.safeParse(response.json()).success).toBe(true);
            expect(Object.keys(response.json()).sort()).toEqual(
              expect.arrayContaining(["code", "message"]),
            );
            expect(response.body).not.toMatch(/\bat .+\.(ts|js):\d+/);
          }
        },
      ),
      { numRuns: 2000 },
    );
    // Still up, and still the same person's server.
    const me = await server.app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie } });
    expect([200, 401]).toContain(me.statusCode);
  });
});
