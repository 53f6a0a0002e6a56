import type { LimberState } from "../events/state.ts";
import { checkInsByDay } from "./common.ts";

/**
 * How often the back was grumpy on days that shared a context answer. Plain counts: a
 * coincidence of days, never a claim that one caused the other.
 */
export interface ContextCount {
  factor: "sleep" | "stress" | "deskDay";
  /** sleep: poor | ok | good; stress: low | medium | high; deskDay: yes | no. */
  value: string;
  days: number;
  grumpyDays: number;
  text: string;
}

const ROWS = [
  { factor: "sleep", value: "poor", label: "poor-sleep" },
  { factor: "sleep", value: "ok", label: "ok-sleep" },
  { factor: "sleep", value: "good", label: "good-sleep" },
  { factor: "stress", value: "high", label: "high-stress" },
  { factor: "stress", value: "medium", label: "medium-stress" },
  { factor: "stress", value: "low", label: "low-stress" },
  { factor: "deskDay", value: "yes", label: "desk" },
  { factor: "deskDay", value: "no", label: "non-desk" },
] as const;

/** Context answers from `from` to `to` (each day's latest check-in); only rows with days. */
export function contextCounts(state: LimberState, from: string, to: string): ContextCount[] {
  const checkIns = [...checkInsByDay(state, from, to).values()];
  return ROWS.flatMap(({ factor, value, label }) => {
    const matching = checkIns.filter((c) => {
      const context = c.data.context;
      if (factor === "deskDay") {
        return context?.deskDay !== undefined && (context.deskDay ? "yes" : "no") === value;
      }
      return context?.[factor] === value;
    });
    if (matching.length === 0) return [];
    const grumpyDays = matching.filter((c) => c.data.back === "grumpy").length;
    const days = matching.length;
    const text =
      days === 1
        ? `On the one ${label} day the back was ${grumpyDays === 1 ? "grumpy" : "not grumpy"}.`
        : `On ${grumpyDays} of ${days} ${label} days the back was grumpy.`;
    return [{ factor, value, days, grumpyDays, text }];
  });
}
