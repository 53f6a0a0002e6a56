import { type ExerciseId, exerciseById, variantById } from "../catalog/index.ts";
import type { Step, VariantId } from "../catalog/schema.ts";
import { daysBetween } from "../days.ts";
import type { CheckIn, PlanKind } from "../events/schema.ts";
import type { LimberState } from "../events/state.ts";
import { minutesText } from "../minutes.ts";
import { type Reason, reason } from "../rules.ts";
import type { EmergencyNumber } from "../triage/emergency-number.ts";
import { type Tier, type Triage, triageCheckIn } from "../triage/triage.ts";
import { adjustForDay } from "./adjust.ts";
import { lowEnd, type PlanBlock, planBlock, totalSeconds } from "./block.ts";
import { type Day, readDay, steadyPractice } from "./day.ts";
import { fitToBudget } from "./fit.ts";
import { unloadedVariant } from "./gentler.ts";
import { chooseStep, type StepChoice } from "./progression.ts";
import { type Suggestion, suggestionsFor } from "./suggestions.ts";

export type { PlanBlock } from "./block.ts";
export { planBlock, totalSeconds } from "./block.ts";
export type { Suggestion } from "./suggestions.ts";

export interface Plan {
  day: string;
  tier: Tier;
  kind: PlanKind;
  /** Present on an emergency day: the number to call, by region. */
  emergencyNumber?: EmergencyNumber;
  blocks: PlanBlock[];
  totalSeconds: number;
  reasons: Reason[];
  suggestions: Suggestion[];
}

/** R-DOSE-SESSION: a session takes at most 10 minutes. */
export const SESSION_CEILING_SECONDS = 600;

/**
 * Today's session for this check-in (domain.md §3–4): its tier and kind, the blocks in order
 * with their doses, the total time, and the reasons for every choice. Nothing here can make a
 * session on an `emergency` or `see-clinician` day (R-TRIAGE-NO-BYPASS).
 */
export function planSession(
  state: LimberState,
  checkIn: CheckIn,
  today: string,
  triage: Triage = triageCheckIn(state, checkIn, today),
): Plan {
  const plan = (kind: PlanKind, blocks: PlanBlock[], reasons: Reason[], day?: Day): Plan => ({
    day: today,
    tier: triage.tier,
    kind,
    ...(triage.tier === "emergency" ? { emergencyNumber: triage.emergencyNumber } : {}),
    blocks,
    totalSeconds: totalSeconds(blocks),
    reasons,
    suggestions: day ? suggestionsFor(day, kind) : [],
  });
  const noBypass = reason("R-TRIAGE-NO-BYPASS");
  if (triage.tier === "emergency") return plan("none", [], [...triage.reasons, noBypass]);
  if (triage.tier === "see-clinician") {
    return plan("walk-only", pausedDay(triage), [...triage.reasons, noBypass]);
  }

  const day = readDay(state, checkIn, today, triage);
  const reasons = [...triage.reasons];
  const minutes = checkIn.context?.minutes ?? 10;
  const budget = Math.min(SESSION_CEILING_SECONDS, minutes * 60);
  if (day.daysAway !== undefined) {
    reasons.push(
      reason(
        "R-BREAK",
        `Welcome back. It has been ${day.daysAway} days, so we start a little lower and build up again from there.`,
      ),
    );
  }

  let kind: PlanKind = day.light.length > 0 ? "light" : "standard";
  let blocks = fitToBudget(fullSession(day, budget), budget);
  if (!blocks) {
    kind = "micro";
    blocks = microSession(day, budget);
    const left = blocks.length < 3 ? " The rest of a short session needs another minute." : "";
    reasons.push(
      reason(
        "R-TIME",
        `With about ${minutes} ${minutes === 1 ? "minute" : "minutes"}, a short session still counts: ${microContents(blocks)}, in ${minutesText(totalSeconds(blocks))}.${left} Two short sessions in a day make a full day.`,
      ),
    );
  } else if (day.light.length > 0) {
    reasons.push(...day.light);
  } else {
    reasons.push(
      reason(
        "R-DOSE-SESSION",
        `About ${minutesText(totalSeconds(blocks))}: brief, near-daily practice does more than rare long bouts.`,
      ),
    );
  }
  if (kind !== "micro" && day.calm && day.light.length === 0 && steadyPractice(state, today)) {
    reasons.push(reason("R-GOOD"));
  }
  const first = state.memory.firstSession;
  if (first === undefined || daysBetween(first, today) < 42) reasons.push(reason("R-EXPECT"));
  return plan(kind, blocks, reasons, day);
}

/**
 * R-TRIAGE-B, R-TRIAGE-FOLLOW-UP: while the programme is paused, slow breathing and an easy
 * walk; with fever or infection, the breathing alone (R-TRIAGE-REST).
 */
function pausedDay(triage: Triage): PlanBlock[] {
  // The rule that paused the day speaks for its blocks: a sign to be seen about, or an
  // emergency not yet followed up.
  const paused = triage.reasons.some((r) => r.rule === "R-TRIAGE-B")
    ? "R-TRIAGE-B"
    : "R-TRIAGE-FOLLOW-UP";
  const breathing = planBlock(variantById("hip-rolls-breath"), { seconds: 60 }, [
    reason(
      triage.rest ? "R-TRIAGE-REST" : paused,
      "Slow breathing, with no stretch, while the programme is paused.",
    ),
  ]);
  if (triage.rest) return [breathing];
  const walk = planBlock(variantById("walk-easy"), { seconds: 300 }, [
    reason(paused, "An easy walk at a pace where you can talk, while the programme is paused."),
  ]);
  return [breathing, walk];
}

/** Steps up are taken in this order while they fit: the stretch first, the warm-up last. */
const STEP_UP_PRIORITY: readonly ExerciseId[] = [
  "strap-stretch",
  "floss",
  "hip-hinge",
  "bridge",
  "dead-bug",
  "hip-rolls",
];

/**
 * R-WARMUP, R-BLEND, R-PROGRESS: a warm-up, the floss, the stretch, the hinge and a strength
 * block, each at today's step. A step up that is due is taken when the session still fits the
 * time with it, after R-BLEND's cuts; a cut made for time leaves the place on the ladder where
 * it is, so a ladder keeps climbing even on days its full dose does not fit.
 */
function fullSession(day: Day, budget: number): PlanBlock[] {
  const ids: ExerciseId[] = ["hip-rolls", "floss", "strap-stretch", "hip-hinge", strengthFor(day)];
  const steps = (id: ExerciseId) => exerciseById(id).steps ?? [];
  const build = (id: ExerciseId, choice: StepChoice): PlanBlock => {
    // On a light day, the current variant at the low end of its dose.
    const variant = variantById(choice.step.variant);
    const amounts = day.light.length > 0 ? lowEnd(variant) : choice.step.dose;
    const position = { index: choice.index, count: steps(id).length };
    return adjustForDay(day, planBlock(variant, amounts, [choice.reason], position));
  };
  const due = ids.map((id) => {
    // R-NERVE: while nerve-like feelings are remembered, the floss and the stretch hold still.
    const role = variantById(steps(id)[0]?.variant as VariantId).role;
    const held = day.nerve !== undefined && (role === "stretch" || role === "mobility");
    return chooseStep(steps(id), day.levels[id], day.today, day.mayStepUp && !held);
  });
  const kept = ids.map((id, i) => {
    const choice = due[i] as StepChoice;
    const level = Math.min(day.levels[id]?.step ?? 0, steps(id).length - 1);
    if (choice.index <= level) return choice;
    const why =
      "Ready for a step up, but today's time has no room for it, so it stays at this step.";
    return { step: steps(id)[level] as Step, index: level, reason: reason("R-PROGRESS", why) };
  });
  let blocks = ids.map((id, i) => build(id, kept[i] as StepChoice));
  for (const id of STEP_UP_PRIORITY) {
    const i = ids.indexOf(id);
    if (i < 0 || due[i] === kept[i]) continue;
    const trial = blocks.with(i, build(id, due[i] as StepChoice));
    if (fitToBudget(trial, budget)) blocks = trial;
  }
  const [warmup, ...rest] = blocks as [PlanBlock, ...PlanBlock[]];
  const closing = (b: PlanBlock) => ({ ...b, reasons: [...b.reasons, reason("R-BLEND")] });
  return [
    { ...warmup, reasons: [reason("R-WARMUP"), ...warmup.reasons] },
    ...rest.slice(0, -2),
    ...rest.slice(-2).map(closing),
  ];
}

/** R-BLEND with R-PAIR: the bridge and the dead bug take turns, the one done longer ago first. */
function strengthFor(day: Day): ExerciseId {
  const lastDone = (exercise: ExerciseId) => day.state.memory.lastDone[exercise] ?? "";
  return lastDone("dead-bug") < lastDone("bridge") ? "dead-bug" : "bridge";
}

/**
 * R-TIME: a warm-up, one mobility step and one hinge step, at the low end of their doses, that
 * never runs past the minutes available, pauses included. When all three do not fit, the
 * mobility step goes first, then the hinge. With leg symptoms the mobility step is the floss's
 * nerve slider, on the floor; otherwise knee straightening on a chair (R-NERVE).
 */
function microSession(day: Day, budget: number): PlanBlock[] {
  const warmup = planBlock(variantById("warmup-knee-bends"), { seconds: 30 }, [
    reason("R-WARMUP", "A half-minute of gentle knee bends to warm up."),
  ]);
  const mobility = day.nerve
    ? planBlock(variantById("floss-nerve-slider"), { seconds: 30 }, [
        reason("R-NERVE", "A gentle nerve slider on the floor, since nerve-like feelings came up."),
      ])
    : planBlock(variantById("desk-knee-extension"), { sets: 1, reps: 8 }, [
        reason("R-TIME", "One mobility step you can do on any chair."),
      ]);
  const hingeSteps = exerciseById("hip-hinge").steps ?? [];
  const level = day.levels["hip-hinge"];
  let hingeVariant = variantById(chooseStep(hingeSteps, level, day.today, false).step.variant);
  const light = day.light.length > 0 || day.nerve !== undefined;
  if (light) hingeVariant = unloadedVariant(hingeVariant) ?? hingeVariant;
  const hinge = planBlock(hingeVariant, { sets: 1, reps: 8 }, [
    reason("R-BLEND", "One hinge step to use the range you just warmed up."),
  ]);
  const options = [[warmup, mobility, hinge], [warmup, hinge], [warmup]];
  return options.find((blocks) => totalSeconds(blocks) <= budget) ?? [warmup];
}

/** What a short session holds, in words: "a warm-up, one mobility step and one hinge step". */
function microContents(blocks: readonly PlanBlock[]): string {
  const parts = blocks.map((b) =>
    b.role === "warmup" ? "a warm-up" : b.role === "hinge" ? "one hinge step" : "one mobility step",
  );
  return parts.length > 1
    ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`
    : (parts[0] ?? "");
}
