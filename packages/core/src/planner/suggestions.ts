import type { VariantId } from "../catalog/schema.ts";
import type { PlanKind } from "../events/schema.ts";
import { type RuleId, reason } from "../rules.ts";
import type { SourceId } from "../sources.ts";
import type { Day } from "./day.ts";

/** Something worth doing today beside the session, with its rule. */
export interface Suggestion {
  id: "walk" | "heat" | "desk-snacks";
  text: string;
  rule: RuleId;
  sources: SourceId[];
  variants?: VariantId[];
}

function suggest(id: Suggestion["id"], rule: RuleId, text: string): Suggestion {
  const { sources } = reason(rule);
  return { id, text, rule, sources };
}

/**
 * What to suggest beside a session of `kind` (R-PAIR, R-GRUMPY, R-PAIN-HIGH, R-RECOVERY,
 * R-DESK): a walk, warmth on a grumpy or painful day, and desk snacks on a desk day. Never a
 * walk on a day of fever or infection (R-TRIAGE-REST), nor anything on a day with no session.
 */
export function suggestionsFor(day: Day, kind: PlanKind): Suggestion[] {
  if (kind === "none" || kind === "walk-only" || day.triage.rest) return [];
  const suggestions: Suggestion[] = [];
  const light = day.light[0];
  if (light || kind === "micro") {
    suggestions.push(
      suggest(
        "walk",
        light?.rule ?? "R-PAIR",
        "A short, easy walk later today helps your back settle.",
      ),
    );
  } else {
    suggestions.push(
      suggest(
        "walk",
        "R-PAIR",
        "A short walk later today goes well with this: move more, sit less.",
      ),
    );
  }
  const painHigh = day.light.some((r) => r.rule === "R-PAIN-HIGH");
  if (day.checkIn.back === "grumpy" || painHigh) {
    suggestions.push(
      suggest(
        "heat",
        painHigh ? "R-PAIN-HIGH" : "R-GRUMPY",
        "Warmth on your low back, such as a heat pack, can ease a day like this.",
      ),
    );
  }
  if (day.checkIn.context?.deskDay) {
    const gentle = day.nerve !== undefined || day.light.length > 0;
    const variants: VariantId[] = gentle
      ? ["desk-knee-extension"]
      : ["desk-knee-extension", "desk-stool-fold"];
    suggestions.push({
      ...suggest(
        "desk-snacks",
        "R-DESK",
        "Between sitting blocks, a minute or two of desk mobility keeps things moving; each one counts toward today.",
      ),
      variants,
    });
  }
  return suggestions;
}
