import { EventParseError, type LimberEvent } from "@limber/core";
import { describe, expect, it } from "vitest";
import { EventConflictError } from "./errors.ts";
import { eventLog } from "./event-log.ts";
import { eventId, note, notes } from "./testing/events.ts";
import { NOW, type StorageHarness, seqsOf } from "./testing/harness.ts";

/** The event log's cases; run by describeRepositoryContract on every dialect. */
export function describeEventLogContract(harness: StorageHarness): void {
  const withText = (event: LimberEvent, text: string) =>
    ({ ...event, data: { text } }) as LimberEvent;

  describe("push and pull", () => {
    it("stores new events with the next seqs and pages through them by cursor", async () => {
      const { id } = await harness.addPerson(1);
      const { repository } = harness;
      expect(await repository.pushEvents(id, notes(1, 5), NOW)).toEqual({ inserted: 5 });
      const first = await repository.pullEvents(id, 0, 2);
      expect(first).toEqual({ events: notes(1, 2), cursor: 2, rows: 2 });
      expect(await repository.pullEvents(id, first.cursor, 2)).toEqual({
        events: notes(3, 4),
        cursor: 4,
        rows: 2,
      });
      expect(await repository.pullEvents(id, 4, 2)).toEqual({
        events: [note(5)],
        cursor: 5,
        rows: 1,
      });
      expect(await repository.pullEvents(id, 5, 2)).toEqual({ events: [], cursor: 5, rows: 0 });
      expect(await repository.countEvents(id)).toBe(5);
    });

    it("ignores events already stored, so a replayed push changes nothing", async () => {
      const { id } = await harness.addPerson(1);
      const { repository } = harness;
      await repository.pushEvents(id, notes(1, 3), NOW);
      expect(await repository.pushEvents(id, notes(1, 3), NOW)).toEqual({ inserted: 0 });
      expect(await repository.pushEvents(id, [note(3), note(1), note(2)], NOW)).toEqual({
        inserted: 0,
      });
      expect(await repository.pushEvents(id, [note(2), note(4), note(4)], NOW)).toEqual({
        inserted: 1,
      });
      expect(await repository.exportEvents(id)).toEqual(notes(1, 4));
      expect(await seqsOf(harness.db, id)).toEqual([1, 2, 3, 4]);
    });

    it("keeps the stored copy when a push brings an id with other content", async () => {
      const { id } = await harness.addPerson(1);
      await harness.repository.pushEvents(id, [note(1)], NOW);
      const rewritten = withText(note(1), "rewritten");
      expect(await harness.repository.pushEvents(id, [rewritten], NOW)).toEqual({ inserted: 0 });
      expect(await harness.repository.exportEvents(id)).toEqual([note(1)]);
    });

    it("returns events in the order they were stored, not by time", async () => {
      const { id } = await harness.addPerson(1);
      await harness.repository.pushEvents(id, [note(9), note(2)], NOW);
      expect(await harness.repository.exportEvents(id)).toEqual([note(9), note(2)]);
    });

    it("never shows one person's events to another", async () => {
      const [a, b] = [await harness.addPerson(1), await harness.addPerson(2)];
      const { repository } = harness;
      await repository.pushEvents(a.id, notes(1, 3), NOW);
      // The same ids may exist for two people: the key is (person, id).
      expect(await repository.pushEvents(b.id, [note(2), note(7)], NOW)).toEqual({ inserted: 2 });
      expect(await repository.pullEvents(b.id, 0, 100)).toEqual({
        events: [note(2), note(7)],
        cursor: 2,
        rows: 2,
      });
      expect(await repository.exportEvents(a.id)).toEqual(notes(1, 3));
      expect(await repository.countEvents(b.id)).toBe(2);
    });

    it("refuses a push with an invalid event and writes none of it", async () => {
      const { id } = await harness.addPerson(1);
      const invalid = { ...note(2), day: "1 March" } as LimberEvent;
      const push = harness.repository.pushEvents(id, [note(1), invalid], NOW);
      await expect(push).rejects.toThrow(EventParseError);
      await expect(push).rejects.toMatchObject({ position: 2, field: "day" });
      expect(await harness.repository.countEvents(id)).toBe(0);
    });

    it("gives concurrent pushes for one person distinct consecutive seqs", async () => {
      const { id } = await harness.addPerson(1);
      // Each push also carries event 1, so all but one find it already stored.
      const pushes = Array.from({ length: 20 }, (_, i) =>
        harness.repository.pushEvents(id, [note(1), note(i + 2)], NOW),
      );
      const inserted = (await Promise.all(pushes)).map((result) => result.inserted);
      expect(inserted.reduce((sum, n) => sum + n, 0)).toBe(21);
      expect(await seqsOf(harness.db, id)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    });
  });

  describe("pushMany (group commit)", () => {
    it("gives each push the result, and leaves the logs, that pushing one by one would", async () => {
      const threePeople = async (first: number) => ({
        x: (await harness.addPerson(first)).id,
        y: (await harness.addPerson(first + 1)).id,
        z: (await harness.addPerson(first + 2)).id,
      });
      const together = await threePeople(1);
      const alone = await threePeople(4);
      const pushesOf = ({ x, y, z }: typeof together) => [
        { userId: x, events: notes(1, 3) },
        { userId: y, events: [note(5)] },
        { userId: x, events: notes(2, 4) },
        { userId: z, events: [] },
        { userId: y, events: [note(5), note(1)] },
      ];
      const grouped = await harness.repository.pushMany(pushesOf(together), NOW);
      const oneByOne = [];
      for (const push of pushesOf(alone)) {
        oneByOne.push(await harness.repository.pushEvents(push.userId, push.events, NOW));
      }
      expect(grouped).toEqual(oneByOne);
      expect(grouped.map((result) => result.inserted)).toEqual([3, 1, 1, 0, 1]);
      for (const who of ["x", "y", "z"] as const) {
        const log = await harness.repository.exportEvents(together[who]);
        expect(log).toEqual(await harness.repository.exportEvents(alone[who]));
        expect(await seqsOf(harness.db, together[who])).toEqual(
          await seqsOf(harness.db, alone[who]),
        );
      }
    });
  });

  describe("syncMany (each a push, then the page after it)", () => {
    const pullsOf = (syncs: { userId: string; since: number }[], limit: number) =>
      Promise.all(syncs.map((s) => harness.repository.pullEvents(s.userId, s.since, limit)));

    it("answers each device with the page a pull right after the write gives", async () => {
      const [a, b] = [(await harness.addPerson(11)).id, (await harness.addPerson(12)).id];
      await harness.repository.pushEvents(a, notes(1, 4), NOW);
      const syncs = [
        { userId: a, since: 4, events: [note(5)] }, // had everything
        { userId: a, since: 1, events: [note(6), note(2)] }, // behind, and a replay
        { userId: b, since: 0, events: notes(1, 2) }, // a first sync
        { userId: a, since: 9, events: [] }, // a cursor past the log
      ];
      const pages = await harness.repository.syncMany(syncs, NOW, 1000);
      expect(pages).toEqual(await pullsOf(syncs, 1000));
      expect(pages[0]).toEqual({ events: [note(5), note(6)], cursor: 6, rows: 2 });
      expect(pages[1]).toEqual({ events: notes(2, 6), cursor: 6, rows: 5 });
      expect(await seqsOf(harness.db, a)).toEqual([1, 2, 3, 4, 5, 6]);
    });

    it("reads the page when another writer added events since this one's last write", async () => {
      const a = (await harness.addPerson(13)).id;
      const [first] = await harness.repository.syncMany(
        [{ userId: a, since: 0, events: notes(1, 2) }],
        NOW,
        1000,
      );
      expect(first).toEqual({ events: notes(1, 2), cursor: 2, rows: 2 });
      // Another server process, or the limber tool, on the same database.
      await eventLog(harness.db).pushEvents(a, [note(3)], NOW);
      const syncs = [{ userId: a, since: 2, events: [note(4)] }];
      const [page] = await harness.repository.syncMany(syncs, NOW, 1000);
      expect(page).toEqual({ events: [note(3), note(4)], cursor: 4, rows: 2 });
    });

    it("gives a full page, to be followed by more, when the events after the cursor fill it", async () => {
      const a = (await harness.addPerson(14)).id;
      const syncs = [{ userId: a, since: 0, events: notes(1, 3) }];
      const pages = await harness.repository.syncMany(syncs, NOW, 2);
      expect(pages).toEqual([{ events: notes(1, 2), cursor: 2, rows: 2 }]);
      expect(pages).toEqual(await pullsOf(syncs, 2));
    });
  });

  describe("import", () => {
    it("adds the events it does not have and skips identical ones", async () => {
      const { id } = await harness.addPerson(1);
      await harness.repository.pushEvents(id, notes(1, 2), NOW);
      expect(await harness.repository.importEvents(id, notes(1, 4), NOW)).toEqual({ inserted: 2 });
      expect(await harness.repository.exportEvents(id)).toEqual(notes(1, 4));
    });

    it("writes nothing when one event is invalid", async () => {
      const { id } = await harness.addPerson(1);
      const events = [...notes(1, 3), { ...note(4), type: "diary" } as unknown as LimberEvent];
      await expect(harness.repository.importEvents(id, events, NOW)).rejects.toThrow(
        EventParseError,
      );
      expect(await harness.repository.countEvents(id)).toBe(0);
    });

    it("writes nothing when an id is already stored with other content", async () => {
      const { id } = await harness.addPerson(1);
      await harness.repository.pushEvents(id, [note(1)], NOW);
      // 600 events span two write chunks: the first chunk is written before the conflict shows.
      const events = [...notes(2, 601), withText(note(1), "rewritten")];
      const result = harness.repository.importEvents(id, events, NOW);
      await expect(result).rejects.toThrow(EventConflictError);
      await expect(result).rejects.toMatchObject({
        code: "event-conflict",
        eventId: eventId(1),
        position: 601,
      });
      expect(await harness.repository.exportEvents(id)).toEqual([note(1)]);
      expect(await seqsOf(harness.db, id)).toEqual([1]);
      // The cursor did not move either: the next push goes on from seq 1.
      await harness.repository.pushEvents(id, [note(2)], NOW);
      expect(await seqsOf(harness.db, id)).toEqual([1, 2]);
    });

    it("writes nothing when one id appears twice with different content", async () => {
      const { id } = await harness.addPerson(1);
      const events = [...notes(1, 3), withText(note(2), "again, differently")];
      await expect(harness.repository.importEvents(id, events, NOW)).rejects.toThrow(
        EventConflictError,
      );
      expect(await harness.repository.countEvents(id)).toBe(0);
    });
  });
}
