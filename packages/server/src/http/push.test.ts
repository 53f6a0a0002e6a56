import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_PUSH_SUBSCRIPTIONS } from "../storage/push-subscriptions.ts";
import { ORIGIN, post, signUp, testServer } from "./testing.ts";

const PUBLIC_KEY = `B${"x".repeat(86)}`;
const subscription = (endpoint = "https://fcm.googleapis.com/fcm/send/device-1") => ({
  endpoint,
  keys: { p256dh: `B${"A".repeat(86)}`, auth: "A".repeat(22) },
  timeZone: "Europe/Paris",
});

let server: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  server = await testServer(undefined, { push: { publicKey: PUBLIC_KEY } });
});
afterAll(() => server.close());

const get = (url: string, cookie = "") =>
  server.app.inject({ method: "GET", url, headers: { host: "localhost:80", cookie } });
const remove = (payload: unknown, cookie: string, origin = ORIGIN) =>
  server.app.inject({
    method: "DELETE",
    url: "/api/v1/push/subscription",
    headers: { origin, host: "localhost:80", cookie, "content-type": "application/json" },
    payload: JSON.stringify(payload),
  });
const userIdOf = async (email: string) => (await server.repository.userByEmail(email))?.id ?? "";

describe("reminders by push, over the API", () => {
  it("gives the server's public key to a signed-in device only", async () => {
    expect((await get("/api/v1/push/key")).statusCode).toBe(401);
    const cookie = await signUp(server.app, "key@example.org");
    const answer = await get("/api/v1/push/key", cookie);
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({ publicKey: PUBLIC_KEY });
  });

  it("keeps a device's subscription with its time zone, once per endpoint, and forgets it", async () => {
    const cookie = await signUp(server.app, "device@example.org");
    const id = await userIdOf("device@example.org");
    const sent = await post(server.app, "/api/v1/push/subscription", subscription(), cookie);
    expect(sent.statusCode).toBe(204);
    // The same device again, now in another zone: one subscription, in the new zone.
    const moved = { ...subscription(), timeZone: "America/New_York" };
    await post(server.app, "/api/v1/push/subscription", moved, cookie);
    const kept = await server.repository.pushSubscriptionsOf(id);
    expect(kept).toMatchObject([
      { endpoint: subscription().endpoint, timeZone: "America/New_York" },
    ]);

    expect((await remove({ endpoint: subscription().endpoint }, cookie)).statusCode).toBe(204);
    expect(await server.repository.pushSubscriptionsOf(id)).toEqual([]);
  });

  it("gives a device's endpoint to the account that subscribed it last", async () => {
    const first = await signUp(server.app, "first@example.org");
    const second = await signUp(server.app, "second@example.org");
    const shared = subscription("https://updates.push.services.mozilla.com/wpush/v2/shared");
    await post(server.app, "/api/v1/push/subscription", shared, first);
    await post(server.app, "/api/v1/push/subscription", shared, second);
    expect(
      await server.repository.pushSubscriptionsOf(await userIdOf("first@example.org")),
    ).toEqual([]);
    expect(
      await server.repository.pushSubscriptionsOf(await userIdOf("second@example.org")),
    ).toHaveLength(1);
  });

  it.each([
    [{}, "invalid-body", undefined, /endpoint/],
    [
      { ...subscription(), endpoint: "http://fcm.googleapis.com/x" },
      "invalid-body",
      "endpoint",
      /https address/,
    ],
    [
      { ...subscription(), keys: { p256dh: "short", auth: "A".repeat(22) } },
      "invalid-body",
      "keys.p256dh",
      /65 bytes/,
    ],
    [
      { ...subscription(), keys: { p256dh: `B${"A".repeat(86)}` } },
      "invalid-body",
      "keys.auth",
      /keys\.auth/,
    ],
    [
      { ...subscription(), timeZone: "Mars/Olympus_Mons" },
      "invalid-body",
      "timeZone",
      /IANA time zone/,
    ],
    [
      subscription("https://push.example.org/send/1"),
      "unknown-push-service",
      "endpoint",
      /push services of the major browsers/,
    ],
    [
      subscription("https://127.0.0.1/send/1"),
      "unknown-push-service",
      "endpoint",
      /not one of them/,
    ],
  ])(
    "refuses the subscription %o with %s, naming the field",
    async (body, code, field, message) => {
      const cookie = await signUp(server.app, `bad-${Math.random()}@example.org`);
      const answer = await post(server.app, "/api/v1/push/subscription", body, cookie);
      expect(answer.statusCode).toBe(400);
      expect(answer.json()).toMatchObject({ code, ...(field ? { field } : {}) });
      expect(answer.json().message).toMatch(message);
    },
  );

  it("refuses a subscription or an unsubscription from another site's page, or signed out", async () => {
    const cookie = await signUp(server.app, "csrf@example.org");
    const forged = await server.app.inject({
      method: "POST",
      url: "/api/v1/push/subscription",
      headers: {
        origin: "https://elsewhere.example",
        host: "localhost:80",
        cookie,
        "content-type": "application/json",
      },
      payload: JSON.stringify(subscription()),
    });
    expect(forged.statusCode).toBe(403);
    expect(
      (await remove({ endpoint: subscription().endpoint }, cookie, "https://elsewhere.example"))
        .statusCode,
    ).toBe(403);
    expect(
      (await post(server.app, "/api/v1/push/subscription", subscription(), "")).statusCode,
    ).toBe(401);
    expect(await server.repository.pushSubscriptionsOf(await userIdOf("csrf@example.org"))).toEqual(
      [],
    );
  });

  it(`keeps at most ${MAX_PUSH_SUBSCRIPTIONS} devices an account, saying so`, async () => {
    const cookie = await signUp(server.app, "many@example.org");
    for (let i = 0; i < MAX_PUSH_SUBSCRIPTIONS; i++) {
      const answer = await post(
        server.app,
        "/api/v1/push/subscription",
        subscription(`https://fcm.googleapis.com/fcm/send/${i}`),
        cookie,
      );
      expect(answer.statusCode).toBe(204);
    }
    const one = await post(
      server.app,
      "/api/v1/push/subscription",
      subscription("https://fcm.googleapis.com/fcm/send/more"),
      cookie,
    );
    expect(one.statusCode).toBe(409);
    expect(one.json()).toMatchObject({ code: "too-many-push-devices" });
    // A device already kept may still renew its subscription.
    const again = await post(
      server.app,
      "/api/v1/push/subscription",
      subscription("https://fcm.googleapis.com/fcm/send/0"),
      cookie,
    );
    expect(again.statusCode).toBe(204);
  });

  it("stops every device's reminders when the person signs out everywhere", async () => {
    const cookie = await signUp(server.app, "everywhere@example.org");
    await post(server.app, "/api/v1/push/subscription", subscription(), cookie);
    expect((await post(server.app, "/api/v1/auth/signout-all", {}, cookie)).statusCode).toBe(204);
    expect(
      await server.repository.pushSubscriptionsOf(await userIdOf("everywhere@example.org")),
    ).toEqual([]);
  });

  it("says so when the server sends no reminders by push", async () => {
    const bare = await testServer();
    try {
      const cookie = await signUp(bare.app, "bare@example.org");
      const answer = await bare.app.inject({
        method: "GET",
        url: "/api/v1/push/key",
        headers: { host: "localhost:80", cookie },
      });
      expect(answer.statusCode).toBe(404);
      expect(answer.json()).toMatchObject({ code: "push-unavailable" });
    } finally {
      await bare.close();
    }
  });
});
