import type { EventOf, LimberEvent } from "@limber/core";

/** A UUIDv7-shaped id that sorts with its number, as a device would make it. */
export function eventId(n: number): string {
  return `01900000-0000-7000-8000-${n.toString(16).padStart(12, "0")}`;
}

/** The `n`-th note of a log: one a minute from 07:00 on 1 March 2025. */
export function note(n: number, text = `note ${n}`): EventOf<"note"> {
  const at = new Date(Date.UTC(2025, 2, 1, 6, n));
  return {
    id: eventId(n),
    type: "note",
    at: `${at.toISOString().slice(0, 19)}Z`,
    day: at.toISOString().slice(0, 10),
    v: 1,
    data: { text },
  };
}

/** Notes `from` to `to`, inclusive. */
export function notes(from: number, to: number): LimberEvent[] {
  return Array.from({ length: to - from + 1 }, (_, i) => note(from + i));
}
