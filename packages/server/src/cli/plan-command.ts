import type { Plan } from "@limber/core";
import { jsonText } from "./command.ts";
import { dayCommand } from "./day-log.ts";
import { planText } from "./plan-text.ts";

const help = `Usage: limber plan --log FILE [--date YYYY-MM-DD] [--json]

Prints the session Limber plans for one day of a log, the way the app would on that
day's check-in: the blocks in order with their doses, the reasons for each choice,
and anything else worth doing today. On a day with an emergency warning sign it
prints the emergency message and no session.

Options:
  -l, --log FILE     the event log: a JSON array of events, or NDJSON (one per line)
  -d, --date DAY     the day to plan, YYYY-MM-DD; it needs a check-in in the log.
                     Default: the day of the log's last check-in (not today's date).
      --json         print the plan as one JSON object
  -h, --help         show this help
`;

export const planCommand = dayCommand({
  name: "plan",
  help,
  print({ plan }, json) {
    return json ? jsonText(planJson(plan)) : planText(plan);
  },
});

/**
 * The plan as the CLI promises it to scripts: fields listed one by one, so a field added to
 * core's Plan does not appear in this output until it is chosen here.
 */
export function planJson(plan: Plan) {
  return {
    date: plan.day,
    tier: plan.tier,
    kind: plan.kind,
    ...(plan.emergencyNumber ? { emergencyNumber: plan.emergencyNumber } : {}),
    totalSeconds: plan.totalSeconds,
    reasons: plan.reasons,
    suggestions: plan.suggestions,
    blocks: plan.blocks.map((block) => ({
      exercise: block.exercise,
      variant: block.variant,
      name: block.name,
      role: block.role,
      knee: block.knee,
      mode: block.mode,
      side: block.side,
      position: block.position,
      intensity: block.intensity,
      dose: block.dose,
      seconds: block.seconds,
      ...(block.step ? { step: block.step } : {}),
      reasons: block.reasons,
    })),
  };
}
