import { checkInAnchors } from "../events/day.ts";
import { foldInOrder } from "../events/project.ts";
import type { LimberEvent } from "../events/schema.ts";
import { type Plan, planSession } from "./plan.ts";

/**
 * The plan each of `days` showed at its check-in, exactly as `checkedInDay` and `planSession`
 * give it one day at a time, but in one pass over the log: a week or a calendar of past days
 * costs one fold and a plan a day, not a fold a day. Days without a check-in are left out.
 */
export function plansAsSeen(
  events: readonly LimberEvent[],
  days: Iterable<string>,
): Map<string, Plan> {
  const dayOf = new Map<string, string>();
  for (const [day, anchor] of checkInAnchors(events, days)) dayOf.set(anchor.id, day);
  const plans = new Map<string, Plan>();
  if (dayOf.size === 0) return plans;
  foldInOrder(events, (event, state) => {
    const day = dayOf.get(event.id);
    if (day !== undefined && event.type === "checkin") {
      plans.set(day, planSession(state, event.data, day));
    }
  });
  return plans;
}
