import type { LimberEvent } from "@limber/core";
import type { EventPage } from "./event-log.ts";

/** A run of one person's events with no gap: the seqs right after `after`, in order. */
export interface EventRun {
  after: number;
  events: LimberEvent[];
}

/** People whose latest events are kept, and events kept a person (the latest). */
const MAX_PEOPLE = 256;
const MAX_EVENTS = 32;

/**
 * The latest events this process wrote for each person, kept so that the page a sync answers
 * with can come from memory rather than a read. It holds only what is certain: each write
 * tells it the person's last seq as the write found it under the lock on their cursor, and
 * what it added after; a run grows only when a write starts where the run ends, so no other
 * process (or other writer) can have put an event in between, and starts again otherwise.
 * Stored events never change, so a run stays true; it may only fall behind the log, and a
 * page from it is then what a read at that moment would have given.
 */
export function recentEvents(maxPeople = MAX_PEOPLE, maxEvents = MAX_EVENTS) {
  const runs = new Map<string, EventRun>();
  return {
    /** After a write committed: the person's last seq as it found it, then what it added. */
    committed(userId: string, locked: number, added: readonly LimberEvent[]) {
      const previous = runs.get(userId);
      const continues = previous && previous.after + previous.events.length === locked;
      const events = continues ? [...previous.events, ...added] : [...added];
      const dropped = Math.max(0, events.length - maxEvents);
      const after = (continues ? previous.after : locked) + dropped;
      // Map order is insertion order: the person moves to the back, as the most recent.
      runs.delete(userId);
      runs.set(userId, { after, events: events.slice(dropped) });
      if (runs.size > maxPeople) {
        const oldest = runs.keys().next().value;
        if (oldest !== undefined) runs.delete(oldest);
      }
    },

    /**
     * The page of up to `limit` events after `since`, when the person's run reaches back to
     * `since` and on past it, without filling a page; undefined when it does not (a device
     * further behind, a cursor past the run's end): that page is read from the database.
     */
    pageAfter(userId: string, since: number, limit: number): EventPage | undefined {
      const run = runs.get(userId);
      if (!run) return undefined;
      const end = run.after + run.events.length;
      if (since < run.after || since > end) return undefined;
      const events = run.events.slice(since - run.after);
      if (events.length >= limit) return undefined;
      return { events, cursor: end, rows: events.length };
    },
  };
}
