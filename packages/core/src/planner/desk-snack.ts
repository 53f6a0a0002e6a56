import { variantById } from "../catalog/index.ts";
import { reason } from "../rules.ts";
import { type Plan, planBlock, totalSeconds } from "./plan.ts";

/**
 * R-DESK: a desk snack, a minute or two of desk mobility between sitting blocks, recorded as a
 * short (`micro`) session: two of them make a practice day (R-TIME, "split the dose").
 *
 * It is made from today's plan, never beside it, so triage has already spoken: a day with no
 * desk-snack suggestion (an emergency, a pause for a clinician, or a day not marked as a desk
 * day) has no snack (R-TRIAGE-NO-BYPASS). The plan's own choice of moves carries over: on a
 * grumpy day or with leg symptoms only the seated knee straightening is offered.
 */
export function deskSnack(plan: Plan): Plan | undefined {
  const suggestion = plan.suggestions.find((s) => s.id === "desk-snacks");
  if (!suggestion?.variants || plan.blocks.length === 0) return undefined;
  if (plan.tier !== "clear" && plan.tier !== "caution") return undefined;
  const blocks = suggestion.variants.map((id) => {
    const variant = variantById(id);
    const amounts = variant.mode === "hold" ? { holds: 1, holdSeconds: 15 } : { sets: 1, reps: 8 };
    return planBlock(variant, amounts, [
      reason("R-DESK", "A minute of desk mobility between sitting blocks counts toward today."),
    ]);
  });
  return {
    day: plan.day,
    tier: plan.tier,
    kind: "micro",
    blocks,
    totalSeconds: totalSeconds(blocks),
    reasons: [
      ...plan.reasons.filter((r) => r.rule === "R-TRIAGE-C"),
      reason("R-DESK"),
      reason("R-TIME", "Two short sessions in a day count as a practice day: split the dose."),
    ],
    suggestions: [],
  };
}
