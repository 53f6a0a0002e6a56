/**
 * Builders for the player's tests: blocks as the planner would make them, and real plans for
 * a person's days. Imported by tests only.
 */
import { type CheckIn, type Plan, planBlock, type VariantId, variantById } from "@limber/core";
import { Log } from "@limber/core/testing";
import type { PlayerBlock } from "./timeline.ts";

type Amounts = {
  sets?: number;
  reps?: number;
  holds?: number;
  holdSeconds?: number;
  seconds?: number;
};

/** A block of `variantId` at these amounts, timed by core's `blockSeconds`. */
export function blockOf(variantId: VariantId, amounts: Amounts, step?: number): PlayerBlock {
  const position = step === undefined ? undefined : { index: step, count: 10 };
  return planBlock(variantById(variantId), amounts, [], position);
}

/**
 * The plan of every day of `days` consecutive days from `first`, each practised as planned
 * and felt comfortable, so the plans climb their ladders as a real person's would.
 */
export function plansOfPractice(first: string, days: number, checkIn: CheckIn): Plan[] {
  return new Log().practiseDays(first, days, checkIn);
}
