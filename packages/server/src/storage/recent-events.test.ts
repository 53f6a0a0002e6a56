import { describe, expect, it } from "vitest";
import { recentEvents } from "./recent-events.ts";
import { note, notes } from "./testing/events.ts";

describe("recentEvents", () => {
  it("answers a page from the events a write added after the cursor it found", () => {
    const recent = recentEvents();
    recent.committed("ana", 4, notes(5, 6));
    expect(recent.pageAfter("ana", 4, 1000)).toEqual({ events: notes(5, 6), cursor: 6, rows: 2 });
    expect(recent.pageAfter("ana", 5, 1000)).toEqual({ events: [note(6)], cursor: 6, rows: 1 });
    expect(recent.pageAfter("ana", 6, 1000)).toEqual({ events: [], cursor: 6, rows: 0 });
  });

  it("leaves to a read a device behind the run, a cursor past its end, a full page, a stranger", () => {
    const recent = recentEvents();
    recent.committed("ana", 4, notes(5, 6));
    expect(recent.pageAfter("ana", 3, 1000)).toBeUndefined();
    expect(recent.pageAfter("ana", 7, 1000)).toBeUndefined();
    expect(recent.pageAfter("ana", 4, 2)).toBeUndefined();
    expect(recent.pageAfter("ben", 0, 1000)).toBeUndefined();
  });

  it("grows a run only when the next write starts where it ends", () => {
    const recent = recentEvents();
    recent.committed("ana", 0, notes(1, 2));
    recent.committed("ana", 2, [note(3)]);
    expect(recent.pageAfter("ana", 0, 1000)).toEqual({ events: notes(1, 3), cursor: 3, rows: 3 });
    // Seq 4 came from another writer: nothing before this write's own events is known now.
    recent.committed("ana", 4, [note(5)]);
    expect(recent.pageAfter("ana", 3, 1000)).toBeUndefined();
    expect(recent.pageAfter("ana", 4, 1000)).toEqual({ events: [note(5)], cursor: 5, rows: 1 });
    // A write that added nothing still says where the log ends.
    recent.committed("ana", 7, []);
    expect(recent.pageAfter("ana", 5, 1000)).toBeUndefined();
    expect(recent.pageAfter("ana", 7, 1000)).toEqual({ events: [], cursor: 7, rows: 0 });
  });

  it("keeps the latest events of the most recent people, within its bounds", () => {
    const recent = recentEvents(2, 3);
    recent.committed("ana", 0, notes(1, 5));
    expect(recent.pageAfter("ana", 1, 1000)).toBeUndefined();
    expect(recent.pageAfter("ana", 2, 1000)).toEqual({ events: notes(3, 5), cursor: 5, rows: 3 });
    recent.committed("ben", 0, [note(1)]);
    recent.committed("ana", 5, []);
    recent.committed("cem", 0, [note(1)]);
    expect(recent.pageAfter("ben", 0, 1000)).toBeUndefined();
    expect(recent.pageAfter("ana", 5, 1000)).toEqual({ events: [], cursor: 5, rows: 0 });
    expect(recent.pageAfter("cem", 0, 1000)).toEqual({ events: [note(1)], cursor: 1, rows: 1 });
  });
});
