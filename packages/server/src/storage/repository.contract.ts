import { Log } from "@limber/core/testing";
import { describe, expect, it } from "vitest";
import type { Database } from "./database.ts";
import { EmailTakenError } from "./errors.ts";
import { describeEventLogContract } from "./event-log.contract.ts";
import type { RateLimitPolicy } from "./rate-limit-policy.ts";
import { notes } from "./testing/events.ts";
import {
  CONTRACT_MAX_EVENTS,
  HOUR,
  later,
  NOW,
  rowsOf,
  useStorageHarness,
} from "./testing/harness.ts";
import { describeTrustContract } from "./trust.contract.ts";

/**
 * The behaviour every storage dialect must have, run once per dialect (as Hono's
 * `common.case.test.ts` runs one set of cases against every router).
 */
export function describeRepositoryContract(name: string, makeDatabase: () => Promise<Database>) {
  describe(`Repository on ${name}`, () => {
    const harness = useStorageHarness(makeDatabase);

    describe("users", () => {
      it("finds a person by id and by email in any letter case", async () => {
        const person = await harness.addPerson(1);
        expect(person).toMatchObject({ email: "person1@example.org", createdAt: NOW });
        expect(await harness.repository.userById(person.id)).toEqual(person);
        expect(await harness.repository.userByEmail(" Person1@Example.ORG")).toEqual(person);
        expect(await harness.repository.userByEmail("nobody@example.org")).toBeUndefined();
      });

      it("refuses an email already taken, whatever its case", async () => {
        const person = await harness.addPerson(1);
        const again = { id: "another", email: "PERSON1@example.org", passwordHash: "h", now: NOW };
        const attempt = harness.repository.createUser(again);
        await expect(attempt).rejects.toThrow(EmailTakenError);
        await expect(attempt).rejects.toMatchObject({ code: "email-taken" });
        expect(await harness.repository.listUsers()).toEqual([person]);
      });

      it("lists people oldest first and changes a password, ending their sessions and no one else's", async () => {
        const first = await harness.addPerson(2);
        const second = await harness.repository.createUser({
          id: "second",
          email: "a@example.org",
          passwordHash: "h",
          now: later(HOUR),
        });
        expect(await harness.repository.listUsers()).toEqual([first, second]);
        const session = { now: NOW, expiresAt: later(3 * HOUR) };
        await harness.repository.createSession({ ...session, tokenHash: "f", userId: first.id });
        await harness.repository.createSession({ ...session, tokenHash: "s", userId: second.id });
        await harness.repository.setPassword(first.id, "new-hash", later(2 * HOUR));
        expect(await harness.repository.sessionByTokenHash("f", NOW)).toBeUndefined();
        expect(await harness.repository.sessionByTokenHash("s", NOW)).toBeDefined();
        expect(await harness.repository.userById(first.id)).toMatchObject({
          passwordHash: "new-hash",
          passwordChangedAt: later(2 * HOUR),
          createdAt: NOW,
        });
      });
    });

    describe("sessions", () => {
      it("finds a session until it expires", async () => {
        const { id } = await harness.addPerson(1);
        const expiresAt = later(HOUR);
        await harness.repository.createSession({
          tokenHash: "t1",
          userId: id,
          now: NOW,
          expiresAt,
        });
        const session = { tokenHash: "t1", userId: id, createdAt: NOW, expiresAt, lastSeenAt: NOW };
        expect(await harness.repository.sessionByTokenHash("t1", later(HOUR - 1))).toEqual(session);
        expect(await harness.repository.sessionByTokenHash("t1", expiresAt)).toBeUndefined();
        expect(await harness.repository.sessionByTokenHash("t2", NOW)).toBeUndefined();
        await harness.repository.touchSession("t1", later(10));
        expect(await harness.repository.sessionByTokenHash("t1", NOW)).toMatchObject({
          lastSeenAt: later(10),
        });
      });

      it("clears a person's expired sessions when they sign in again, and no one else's", async () => {
        const [a, b] = [await harness.addPerson(1), await harness.addPerson(2)];
        const session = { now: NOW, expiresAt: later(HOUR) };
        await harness.repository.createSession({ ...session, tokenHash: "a-old", userId: a.id });
        await harness.repository.createSession({ ...session, tokenHash: "b-old", userId: b.id });
        await harness.repository.createSession({
          tokenHash: "a-live",
          userId: a.id,
          now: NOW,
          expiresAt: later(3 * HOUR),
        });
        await harness.repository.createSession({
          tokenHash: "a-new",
          userId: a.id,
          now: later(2 * HOUR),
          expiresAt: later(4 * HOUR),
        });
        // Asked as of before it expired, a removed session is not found; the others still are.
        expect(await harness.repository.sessionByTokenHash("a-old", NOW)).toBeUndefined();
        expect(await harness.repository.sessionByTokenHash("a-live", NOW)).toBeDefined();
        expect(await harness.repository.sessionByTokenHash("a-new", NOW)).toBeDefined();
        expect(await harness.repository.sessionByTokenHash("b-old", NOW)).toBeDefined();
      });

      it("signs out one device, or every device of one person", async () => {
        const [a, b] = [await harness.addPerson(1), await harness.addPerson(2)];
        const expiresAt = later(HOUR);
        for (const [tokenHash, userId] of [
          ["a1", a.id],
          ["a2", a.id],
          ["a3", a.id],
          ["b1", b.id],
        ] as const) {
          await harness.repository.createSession({ tokenHash, userId, now: NOW, expiresAt });
        }
        await harness.repository.deleteSession("a1");
        expect(await harness.repository.sessionByTokenHash("a1", NOW)).toBeUndefined();
        expect(await harness.repository.sessionByTokenHash("a2", NOW)).toBeDefined();
        await harness.repository.deleteUserSessions(a.id);
        expect(await harness.repository.sessionByTokenHash("a3", NOW)).toBeUndefined();
        expect(await harness.repository.sessionByTokenHash("b1", NOW)).toBeDefined();
      });
    });

    describeEventLogContract(harness);
    describeTrustContract(harness, CONTRACT_MAX_EVENTS);

    describe("deleteUser", () => {
      it("removes the person's account, sessions, events and cursor, and no one else's", async () => {
        const [a, b] = [await harness.addPerson(1), await harness.addPerson(2)];
        for (const person of [a, b]) {
          const session = { userId: person.id, now: NOW, expiresAt: later(HOUR) };
          await harness.repository.createSession({ ...session, tokenHash: `${person.id}-1` });
          await harness.repository.createSession({ ...session, tokenHash: `${person.id}-2` });
          await harness.repository.pushEvents(person.id, notes(1, 3), NOW);
        }
        const everything = { users: 1, auth_sessions: 2, events: 3, user_seq: 1 };
        expect(await rowsOf(harness.db, a.id)).toEqual(everything);

        expect(await harness.repository.deleteUser(a.id)).toBe(true);
        expect(await rowsOf(harness.db, a.id)).toEqual({
          users: 0,
          auth_sessions: 0,
          events: 0,
          user_seq: 0,
        });
        expect(await rowsOf(harness.db, b.id)).toEqual(everything);
        expect(await harness.repository.deleteUser(a.id)).toBe(false);
      });
    });

    describe("push subscriptions", () => {
      const keys = { p256dh: `B${"A".repeat(86)}`, auth: "A".repeat(22) };
      const device = (userId: string, endpoint: string, timeZone = "Europe/Paris") => ({
        userId,
        endpoint,
        keys,
        timeZone,
        now: NOW,
      });

      it("keeps one subscription per account and endpoint, moving an endpoint to its last account", async () => {
        const { repository } = harness;
        const [a, b] = [await harness.addPerson(1), await harness.addPerson(2)];
        expect(await repository.savePushSubscription(device(a.id, "https://p/1"))).toBe(true);
        expect(await repository.savePushSubscription(device(a.id, "https://p/2"))).toBe(true);
        expect(
          await repository.savePushSubscription(device(a.id, "https://p/1", "Asia/Tokyo")),
        ).toBe(true);
        expect(await repository.pushSubscriptionsOf(a.id)).toEqual([
          { userId: a.id, endpoint: "https://p/1", keys, timeZone: "Asia/Tokyo", createdAt: NOW },
          { userId: a.id, endpoint: "https://p/2", keys, timeZone: "Europe/Paris", createdAt: NOW },
        ]);
        await repository.savePushSubscription(device(b.id, "https://p/2"));
        expect((await repository.pushSubscriptionsOf(a.id)).map((s) => s.endpoint)).toEqual([
          "https://p/1",
        ]);
        expect(await repository.pushSubscribers()).toEqual([a.id, b.id].sort());
        expect(await repository.deletePushSubscription(a.id, "https://p/1")).toBe(true);
        expect(await repository.deletePushSubscription(a.id, "https://p/1")).toBe(false);
        await repository.deletePushSubscriptions(b.id);
        expect(await repository.pushSubscribers()).toEqual([]);
      });

      it("claims a day's reminder once, and gives a claim back", async () => {
        const { repository } = harness;
        const a = await harness.addPerson(1);
        await repository.savePushSubscription(device(a.id, "https://p/1"));
        const claims = await Promise.all(
          Array.from({ length: 4 }, () =>
            repository.claimPushDay(a.id, "https://p/1", "2025-03-03"),
          ),
        );
        expect(claims.filter(Boolean)).toHaveLength(1);
        await repository.releasePushDay(a.id, "https://p/1", "2025-03-03");
        expect((await repository.pushSubscriptionsOf(a.id))[0]?.lastSentDay).toBeUndefined();
        expect(await repository.claimPushDay(a.id, "https://p/1", "2025-03-03")).toBe(true);
        expect(await repository.claimPushDay(a.id, "https://p/1", "2025-03-04")).toBe(true);
        await repository.releasePushDay(a.id, "https://p/1", "2025-03-04", "2025-03-03");
        expect((await repository.pushSubscriptionsOf(a.id))[0]?.lastSentDay).toBe("2025-03-03");
      });

      it("reads what a reminder is decided from: settings, withdrawals, and sessions from a day", async () => {
        const { repository } = harness;
        const a = await harness.addPerson(1);
        const log = new Log();
        log.add("settings", "2025-03-01", { reminder: { days: ["MO"], time: "07:30" } });
        log.practise("2025-03-01", { back: "calm" });
        log.practise("2025-03-03", { back: "calm" });
        log.add("retract", "2025-03-03", { target: log.events[0]?.id ?? "" });
        log.add("note", "2025-03-03", { text: "not read" });
        await repository.pushEvents(a.id, log.events, NOW);
        const read = await repository.reminderEvents(a.id, "2025-03-02");
        expect(read.map((e) => `${e.type} ${e.day}`)).toEqual([
          "settings 2025-03-01",
          "session 2025-03-03",
          "retract 2025-03-03",
        ]);
        expect(
          await repository.reminderEvents(
            await harness.addPerson(2).then((p) => p.id),
            "2025-03-02",
          ),
        ).toEqual([]);
      });

      it("goes with the account", async () => {
        const a = await harness.addPerson(1);
        await harness.repository.savePushSubscription(device(a.id, "https://p/1"));
        await harness.repository.deleteUser(a.id);
        expect(await harness.repository.pushSubscribers()).toEqual([]);
      });
    });

    describe("rate limits", () => {
      const MINUTE = 60_000;
      const policy: RateLimitPolicy = {
        windowMs: 15 * MINUTE,
        maxFailures: 3,
        baseBlockMs: MINUTE,
        maxBlockMs: 4 * MINUTE,
      };

      it("blocks a key past the limit, doubling the block up to the longest", async () => {
        const { repository } = harness;
        const blocks = [];
        for (let i = 0; i < 6; i++) {
          const record = await repository.recordFailure("sign-in:a", later(i), policy);
          blocks.push(record.blockedUntil && record.blockedUntil.getTime() - later(i).getTime());
        }
        expect(blocks).toEqual([undefined, undefined, undefined, MINUTE, 2 * MINUTE, 4 * MINUTE]);
        expect(await repository.blockedUntil("sign-in:a", later(5))).toEqual(later(5 + 4 * MINUTE));
        expect(await repository.blockedUntil("sign-in:a", later(5 + 4 * MINUTE))).toBeUndefined();
        expect(await repository.blockedUntil("sign-in:b", later(5))).toBeUndefined();

        await repository.clearFailures("sign-in:a");
        expect(await repository.blockedUntil("sign-in:a", later(6))).toBeUndefined();
        expect(await repository.recordFailure("sign-in:a", later(7), policy)).toEqual({
          failures: 1,
          windowStartedAt: later(7),
        });
      });

      it("counts every one of concurrent failures for the same key", async () => {
        const failures = Array.from({ length: 8 }, () =>
          harness.repository.recordFailure("sign-in:a", NOW, policy),
        );
        const counts = (await Promise.all(failures)).map((record) => record.failures);
        expect(counts.sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      });
    });
  });
}
