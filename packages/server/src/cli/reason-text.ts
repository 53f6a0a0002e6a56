import { type Reason, RULES } from "@limber/core";

/** "R-WARMUP Every session starts … [ESSAY]": the rule, its sentence, and its sources. */
export function reasonText(reason: Reason): string {
  const sources = reason.sources.length > 0 ? ` [${reason.sources.join(", ")}]` : "";
  return `${reason.rule} ${reason.text}${sources}`;
}

/** Reasons as an indented list under a label; the first shares the label's line. */
export function reasonLines(label: string, reasons: readonly Reason[], indent: string): string[] {
  const pad = " ".repeat(label.length + 1);
  return reasons.map(
    (reason, index) => `${indent}${index === 0 ? `${label} ` : pad}${reasonText(reason)}`,
  );
}

/** The rules whose text makes up the emergency message shown before anything else. */
export const EMERGENCY_RULES: readonly string[] = ["R-TRIAGE-A", "R-EMERGENCY-NUMBER"];

/**
 * The emergency message, set apart so it cannot be missed: what was reported and what to do,
 * then the number to call. Plain text only; it must read the same in a pipe or a log file.
 */
export function emergencyLines(reasons: readonly Reason[]): string[] {
  const message = reasons.filter((reason) => EMERGENCY_RULES.includes(reason.rule));
  const rule = "=".repeat(72);
  return [
    rule,
    "SEEK EMERGENCY CARE NOW",
    ...message.map((reason) => reason.text),
    "There is no session today.",
    rule,
  ];
}

/** R-DISCLAIMER, closing everything the CLI says about a person's day. */
export const DISCLAIMER = RULES["R-DISCLAIMER"].text;
