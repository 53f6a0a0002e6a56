import {
  dayLabel,
  doseText,
  minutesText,
  type Plan,
  type PlanBlock,
  type Suggestion,
  variantById,
} from "@limber/core";
import {
  DISCLAIMER,
  EMERGENCY_RULES,
  emergencyLines,
  reasonLines,
  reasonText,
} from "./reason-text.ts";

/** A plan as a person reads it in a terminal: the day, the blocks, why, and what else helps. */
export function planText(plan: Plan): string {
  const lines: string[] = [];
  const emergency = plan.tier === "emergency";
  if (emergency) lines.push(...emergencyLines(plan.reasons), "");
  lines.push(headline(plan));
  if (plan.tier === "see-clinician") {
    // The pause matters more than the breathing and walking offered in its place.
    const pause = plan.reasons.find((reason) => reason.rule === "R-TRIAGE-B");
    if (pause) lines.push(`See a clinician before stretching again. ${pause.text}`);
  }
  plan.blocks.forEach((block, index) => {
    lines.push(...blockLines(block, index + 1));
  });
  const why = emergency
    ? plan.reasons.filter((reason) => !EMERGENCY_RULES.includes(reason.rule))
    : plan.reasons;
  if (why.length > 0) {
    lines.push("Why this plan:", ...why.map((reason) => `  ${reasonText(reason)}`));
  }
  lines.push(...plan.suggestions.map(suggestionLine));
  lines.push(DISCLAIMER);
  return `${lines.join("\n")}\n`;
}

function headline(plan: Plan): string {
  const day = dayLabel(plan.day);
  if (plan.blocks.length === 0) return `${day} · no session · ${plan.tier}`;
  return `${day} · ${plan.kind} · about ${minutesText(plan.totalSeconds)} · ${plan.tier}`;
}

function blockLines(block: PlanBlock, number: number): string[] {
  return [
    `${number}. ${block.name} — ${doseText(block.mode, block.dose)}`,
    ...reasonLines("Why:", block.reasons, "   "),
  ];
}

function suggestionLine(suggestion: Suggestion): string {
  const names = (suggestion.variants ?? []).map((id) => variantById(id).name);
  const which = names.length > 0 ? ` (${names.join("; ")})` : "";
  return `Also today: ${suggestion.text}${which}`;
}
