/**
 * Builders for the player's tests: blocks as the planner would make them, and real plans for
 * a person's days. Imported by tests only.
 */
import {
  addDays,
  blockSeconds,
  type CheckIn,
  type LimberEvent,
  type Plan,
  planBlock,
  planSession,
  project,
  type SessionRecord,
  variantById,
} from "@limber/core";
import type { PlayerBlock } from "./timeline.ts";

type Amounts = {
  sets?: number;
  reps?: number;
  holds?: number;
  holdSeconds?: number;
  seconds?: number;
};

/** A block of `variantId` at these amounts, timed by core's `blockSeconds`. */
export function blockOf(variantId: string, amounts: Amounts, step?: number): PlayerBlock {
  const position = step === undefined ? undefined : { index: step, count: 10 };
  return planBlock(variantById(variantId), amounts, [], position);
}

const idFor = (n: number) => `01900000-0000-7000-8000-${n.toString(16).padStart(12, "0")}`;

/**
 * The plan of every day of `days` consecutive days from `first`, each practised as planned
 * and felt comfortable, so the plans climb their ladders as a real person's would.
 */
export function plansOfPractice(first: string, days: number, checkIn: CheckIn): Plan[] {
  const events: LimberEvent[] = [];
  const plans: Plan[] = [];
  for (let i = 0; i < days; i++) {
    const day = addDays(first, i);
    const at = `${day}T07:00:00+01:00`;
    events.push({ id: idFor(events.length + 1), type: "checkin", v: 1, day, at, data: checkIn });
    const plan = planSession(project(events), checkIn, day);
    plans.push(plan);
    if (plan.kind === "none") continue;
    const session: SessionRecord = {
      kind: plan.kind,
      blocks: plan.blocks.map((b) => {
        const { perSide: _, ...amounts } = b.dose;
        return { exercise: b.exercise, variant: b.variant, ...amounts, step: b.step?.index };
      }),
      feel: "comfortable",
      breathChat: true,
      nerve: "none",
    };
    events.push({ id: idFor(events.length + 1), type: "session", v: 1, day, at, data: session });
  }
  return plans;
}
