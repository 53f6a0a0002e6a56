import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { EventConflictError, QuotaExceededError, StoredEventError } from "./errors.ts";
import { IMPORT_PART } from "./event-log.ts";
import type { UnreadableEvent } from "./repository.ts";
import { eventId, note, notes } from "./testing/events.ts";
import { HOUR, later, NOW, type StorageHarness, seqsOf } from "./testing/harness.ts";
import { turnsDuring } from "./testing/turns.ts";

/**
 * What keeps a person's log whole when the database is damaged, the account is full or a
 * whole history arrives at once; run by describeRepositoryContract on every dialect.
 */
export function describeTrustContract(harness: StorageHarness, maxEvents: number): void {
  /** Overwrites a stored body behind Limber's back, as a damaged disk or a hand edit would. */
  const damage = (userId: string, n: number, body: string) =>
    sql`update events set body = ${body} where user_id = ${userId} and id = ${eventId(n)}`.execute(
      harness.db,
    );

  describe("a stored event that no longer reads", () => {
    it("is left out of a pull and an export, reported by account and id, and passed by the cursor", async () => {
      const { id } = await harness.addPerson(1);
      await harness.repository.pushEvents(id, notes(1, 4), NOW);
      await damage(id, 2, "{not json");
      await damage(id, 3, JSON.stringify({ ...note(3), type: "diary" }));
      const reported: UnreadableEvent[] = [];
      const page = await harness.repository.pullEvents(id, 0, 3, (p) => reported.push(p));
      expect(page).toEqual({ events: [note(1)], cursor: 3, rows: 3 });
      expect(reported.map(({ userId, id: event, seq }) => [userId, event, seq])).toEqual([
        [id, eventId(2), 2],
        [id, eventId(3), 3],
      ]);
      expect(reported[0]?.error.message).toBe(
        `The stored event ${eventId(2)} at seq 2 is not valid JSON.`,
      );
      const exported = await harness.repository.exportEvents(id, () => {});
      expect(exported).toEqual([note(1), note(4)]);
    });

    it("fails a read that does not say what to do with it, naming the event", async () => {
      const { id } = await harness.addPerson(1);
      await harness.repository.pushEvents(id, notes(1, 2), NOW);
      await damage(id, 2, "{not json");
      const read = harness.repository.exportEvents(id);
      await expect(read).rejects.toThrow(StoredEventError);
      await expect(read).rejects.toThrow(eventId(2));
    });

    it("is a conflict for an import that brings its id, not a failure", async () => {
      const { id } = await harness.addPerson(1);
      await harness.repository.pushEvents(id, notes(1, 2), NOW);
      await damage(id, 2, "{not json");
      const imported = harness.repository.importEvents(id, notes(1, 3), NOW);
      await expect(imported).rejects.toThrow(EventConflictError);
      await expect(imported).rejects.toMatchObject({ eventId: eventId(2), position: 2 });
      expect(await harness.repository.countEvents(id)).toBe(2);
    });
  });

  describe(`the limit of ${maxEvents} events an account`, () => {
    it("stores nothing of a push or an import that would pass it, and everything up to it", async () => {
      const { id } = await harness.addPerson(1);
      const { repository } = harness;
      await repository.pushEvents(id, notes(1, maxEvents - 2), NOW);
      await expect(
        repository.pushEvents(id, notes(maxEvents - 1, maxEvents + 1), NOW),
      ).rejects.toThrow(QuotaExceededError);
      await expect(
        repository.importEvents(id, notes(maxEvents - 1, maxEvents + 1), NOW),
      ).rejects.toMatchObject({ code: "quota-exceeded", limit: maxEvents });
      expect(await repository.countEvents(id)).toBe(maxEvents - 2);
      // Repeats are not new events: a push of stored events and two new ones still fits.
      const fits = notes(maxEvents - 3, maxEvents);
      expect(await repository.pushEvents(id, fits, NOW)).toEqual({ inserted: 2 });
      expect(await repository.lastSeq(id)).toBe(maxEvents);
    });

    it("fails a group commit with one push past it whole, so each can be tried alone", async () => {
      const [a, b] = [await harness.addPerson(1), await harness.addPerson(2)];
      const group = [
        { userId: a.id, events: notes(1, 2) },
        { userId: b.id, events: notes(1, maxEvents + 1) },
      ];
      await expect(harness.repository.pushMany(group, NOW)).rejects.toThrow(QuotaExceededError);
      expect(await harness.repository.countEvents(a.id)).toBe(0);
    });
  });

  describe("an import of a whole history", () => {
    const total = 2 * IMPORT_PART + 500;

    it(`writes ${total} events in parts, taking turns with everyone else`, async () => {
      const { id } = await harness.addPerson(1);
      const { result, turns } = await turnsDuring(() =>
        harness.repository.importEvents(id, notes(1, total), NOW),
      );
      expect(result).toEqual({ inserted: total });
      expect(await seqsOf(harness.db, id)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
      // At least one turn of the event loop between two parts of the writing alone.
      expect(turns).toBeGreaterThanOrEqual(Math.floor(total / IMPORT_PART));
    });
  });

  describe("recent failures", () => {
    it("counts a key's failures while its run goes on, and none after", async () => {
      const policy = { windowMs: HOUR, maxFailures: 100, baseBlockMs: 1, maxBlockMs: 1 };
      const { repository } = harness;
      expect(await repository.recentFailures("k", NOW, policy)).toBe(0);
      await repository.recordFailure("k", NOW, policy);
      await repository.recordFailure("k", later(1), policy);
      expect(await repository.recentFailures("k", later(HOUR - 1), policy)).toBe(2);
      expect(await repository.recentFailures("k", later(HOUR), policy)).toBe(0);
    });
  });

  describe("sessions and their first sync", () => {
    it("notes the first sync from 0 once", async () => {
      const { id } = await harness.addPerson(1);
      const { repository } = harness;
      await repository.createSession({
        tokenHash: "t",
        userId: id,
        now: NOW,
        expiresAt: later(HOUR),
      });
      expect((await repository.sessionByTokenHash("t", NOW))?.syncedAt).toBeUndefined();
      await repository.markSessionSynced("t", later(1));
      await repository.markSessionSynced("t", later(2));
      expect((await repository.sessionByTokenHash("t", NOW))?.syncedAt).toEqual(later(1));
    });
  });
}
