import type { LimberEvent } from "./schema.ts";

/** The instant and id that place an event in the log. */
export interface LogPosition {
  at: string;
  id: string;
}

/**
 * Log order: by instant, then by id, so every device folds the same set the same way. Instants
 * are compared as instants, never as strings: "07:00+01:00" comes before "06:30Z".
 */
export function compareEvents(a: LogPosition, b: LogPosition): number {
  const byTime = Date.parse(a.at) - Date.parse(b.at);
  if (byTime !== 0) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** One event per id (the same choice on every device), in log order. */
export function uniqueInOrder(events: readonly LimberEvent[]): LimberEvent[] {
  const byId = new Map<string, LimberEvent>();
  for (const event of events) {
    const seen = byId.get(event.id);
    // Two different bodies under one id should never happen; pick one the same way everywhere.
    if (!seen || (seen !== event && JSON.stringify(event) < JSON.stringify(seen))) {
      byId.set(event.id, event);
    }
  }
  const unique = [...byId.values()];
  // Parse each instant once: a long log sorts thousands of events.
  const instants = new Map(unique.map((event) => [event, Date.parse(event.at)]));
  return unique.sort((a, b) => {
    const byTime = (instants.get(a) as number) - (instants.get(b) as number);
    if (byTime !== 0) return byTime;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/** The ids that some `retract` event in the log withdraws. */
export function retractedIds(events: readonly LimberEvent[]): Set<string> {
  const retracted = new Set<string>();
  for (const event of events) if (event.type === "retract") retracted.add(event.data.target);
  return retracted;
}

/**
 * The events in force: each id once, in log order, with every withdrawn event and every
 * `retract` left out. What a person's log says now, for anything that reads it whole.
 */
export function eventsInForce(events: readonly LimberEvent[]): LimberEvent[] {
  const unique = uniqueInOrder(events);
  const retracted = retractedIds(unique);
  return unique.filter((event) => event.type !== "retract" && !retracted.has(event.id));
}
