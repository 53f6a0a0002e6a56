import { type ExerciseId, variantById } from "../catalog/index.ts";
import type { Step, VariantId } from "../catalog/schema.ts";
import { daysBetween } from "../days.ts";
import type { CheckIn, PlanKind } from "../events/schema.ts";
import type { LimberState } from "../events/state.ts";
import { minutesText } from "../minutes.ts";
import { termsFor } from "../programme/active.ts";
import type { PrescribedLadder } from "../programme/ladder.ts";
import { type Reason, type RuleId, reason } from "../rules.ts";
import type { EmergencyNumber } from "../triage/emergency-number.ts";
import { type Tier, type Triage, triageCheckIn } from "../triage/triage.ts";
import { adjustForDay, type Dropped } from "./adjust.ts";
import { lowEnd, type PlanBlock, planBlock, totalSeconds } from "./block.ts";
import { type Day, readDay, steadyPractice } from "./day.ts";
import { fitToBudget } from "./fit.ts";
import { unloadedVariant } from "./gentler.ts";
import {
  causeOf,
  gentlerText,
  gentlerThan,
  isExcluded,
  ladderFor,
  leftOutText,
  levelOnLadder,
  prescribedText,
  withinPrescription,
} from "./prescription.ts";
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
  /**
   * Where today's rules made the day differ from a prescribed programme, each with its rule and
   * sentence (present only when there is one; docs/clinicians.md).
   */
  overrides?: ProgrammeOverride[];
}

/** One way today's plan differs from a prescribed programme because a rule said so. */
export interface ProgrammeOverride {
  exercise: ExerciseId;
  rule: RuleId;
  /** "Your physiotherapist's programme allows 40 s each side; today is gentler because …" */
  text: string;
  /** Left out today, rather than made gentler. */
  leftOut: boolean;
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
  const plan = (
    kind: PlanKind,
    blocks: PlanBlock[],
    reasons: Reason[],
    day?: Day,
    overrides: ProgrammeOverride[] = [],
  ): Plan => ({
    day: today,
    tier: triage.tier,
    kind,
    ...(triage.tier === "emergency" ? { emergencyNumber: triage.emergencyNumber } : {}),
    blocks,
    totalSeconds: totalSeconds(blocks),
    reasons,
    suggestions: day ? suggestionsFor(day, kind) : [],
    ...(overrides.length > 0 ? { overrides } : {}),
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
  const programme = day.followed?.programme;
  const session = fullSession(day, budget);
  let overrides = session.overrides;
  let blocks = fitToBudget(session.blocks, budget, programme);
  if (!blocks) {
    kind = "micro";
    overrides = [];
    const shortest = microSession(day, Number.POSITIVE_INFINITY).length;
    blocks = microSession(day, budget);
    const left =
      blocks.length < shortest ? " The rest of a short session needs another minute." : "";
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
  for (const left of overrides.filter((o) => o.leftOut)) reasons.push(reason(left.rule, left.text));
  return plan(kind, blocks, reasons, day, overrides);
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

/** A full session's blocks, and where today's rules made it differ from a prescription. */
interface Session {
  blocks: PlanBlock[];
  overrides: ProgrammeOverride[];
}

/**
 * R-WARMUP, R-BLEND, R-PROGRESS: a warm-up, the floss, the stretch, the hinge and a strength
 * block, each at today's step. A step up that is due is taken when the session still fits the
 * time with it, after R-BLEND's cuts; a cut made for time leaves the place on the ladder where
 * it is, so a ladder keeps climbing even on days its full dose does not fit. A prescribed
 * programme sets the exercises, their ladders, ranges and pace; today's rules still change
 * every block they would, and a block whose needed change the programme allows no variant for
 * is left out (docs/clinicians.md).
 */
function fullSession(day: Day, budget: number): Session {
  const programme = day.followed?.programme;
  const strength = strengthFor(day);
  const ids = (["hip-rolls", "floss", "strap-stretch", "hip-hinge"] as ExerciseId[])
    .filter((id) => !isExcluded(programme, id))
    .concat(strength ? [strength] : []);
  const ladders = ids.map((id) => ladderFor(programme, id));
  const ladder = (i: number) => ladders[i] as PrescribedLadder;
  const levelOf = (i: number) => levelOnLadder(ladder(i), day.levels[ladder(i).key]);
  const build = (i: number, choice: StepChoice): Built => {
    // On a light day, the current variant at the low end of its dose.
    const variant = variantById(choice.step.variant);
    const position = { index: ladder(i).indices[choice.index] as number, count: ladder(i).count };
    const asked = withinPrescription(
      programme,
      planBlock(variant, choice.step.dose, [choice.reason], position),
    );
    const start =
      day.light.length > 0 ? planBlock(variant, lowEnd(variant), [choice.reason], position) : asked;
    return { asked, block: adjustForDay(day, start) };
  };
  const due = ids.map((_, i) => {
    // R-NERVE: while nerve-like feelings are remembered, the floss and the stretch hold still.
    const role = variantById(ladder(i).steps[0]?.variant as VariantId).role;
    const held = day.nerve !== undefined && (role === "stretch" || role === "mobility");
    return chooseStep(ladder(i).steps, levelOf(i), day.today, day.mayStepUp && !held, day.pace);
  });
  const kept = ids.map((_, i) => {
    const choice = due[i] as StepChoice;
    const level = Math.min(levelOf(i)?.step ?? 0, ladder(i).steps.length - 1);
    if (choice.index <= level) return choice;
    const why =
      "Ready for a step up, but today's time has no room for it, so it stays at this step.";
    return {
      step: ladder(i).steps[level] as Step,
      index: level,
      reason: reason("R-PROGRESS", why),
    };
  });
  let built = ids.map((_, i) => build(i, kept[i] as StepChoice));
  const fits = (list: Built[]) => fitToBudget(blocksOf(list), budget, programme) !== undefined;
  for (const id of STEP_UP_PRIORITY) {
    const i = ids.indexOf(id);
    if (i < 0 || due[i] === kept[i]) continue;
    const trial = built.with(i, build(i, due[i] as StepChoice));
    if (fits(trial)) built = trial;
  }
  const { blocks, overrides } = followDay(day, built);
  const closing = (b: PlanBlock) =>
    b.role === "hinge" || b.role === "strength"
      ? { ...b, reasons: [...b.reasons, reason("R-BLEND")] }
      : b;
  const [first, ...rest] = blocks;
  const warmup = first?.role === "warmup" && first.exercise === "hip-rolls" ? first : undefined;
  return {
    blocks: [
      warmup ? { ...warmup, reasons: [reason("R-WARMUP"), ...warmup.reasons] } : warmupInstead(day),
      ...(warmup ? rest : blocks).map(closing),
    ],
    overrides,
  };
}

/** A block as planned, with what the programme asked for before today's rules. */
interface Built {
  asked: PlanBlock;
  block: PlanBlock | Dropped;
}

const blocksOf = (list: readonly Built[]): PlanBlock[] =>
  list.flatMap(({ block }) => ("dropped" in block ? [] : [block]));

/**
 * Where today's rules made a prescribed exercise gentler than the programme asks, or left it
 * out, each block says so in its reasons, and the plan keeps the list for the summary.
 */
function followDay(day: Day, built: readonly Built[]): Session {
  const blocks: PlanBlock[] = [];
  const overrides: ProgrammeOverride[] = [];
  const prescribed = (exercise: ExerciseId) =>
    termsFor(day.followed?.programme, exercise).kind === "prescribed";
  for (const { asked, block } of built) {
    const followed = day.followed;
    if ("dropped" in block) {
      if (followed) {
        const text = leftOutText(day, followed, asked, block);
        overrides.push({ exercise: block.exercise, rule: block.rule, text, leftOut: true });
      }
      continue;
    }
    if (!followed || !prescribed(block.exercise)) {
      blocks.push(block);
      continue;
    }
    const own = reason("R-PRESCRIBED", prescribedText(followed, block.exercise));
    if (!gentlerThan(block, asked)) {
      blocks.push({ ...block, reasons: [...block.reasons, own] });
      continue;
    }
    const rule = causeOf(day, asked, block);
    const text = gentlerText(day, followed, asked, rule);
    overrides.push({ exercise: block.exercise, rule, text, leftOut: false });
    blocks.push({ ...block, reasons: [...block.reasons, own, reason(rule, text)] });
  }
  return { blocks, overrides };
}

/** R-WARMUP when a programme leaves the hip rolls out: a minute of gentle knee bends. */
function warmupInstead(day: Day): PlanBlock {
  const owner = day.followed?.owner ?? "The programme";
  return planBlock(variantById("warmup-knee-bends"), { seconds: 60 }, [
    reason(
      "R-WARMUP",
      `${owner} leaves the hip rolls out, so a minute of gentle knee bends warms you up.`,
    ),
  ]);
}

/**
 * R-BLEND with R-PAIR: the bridge and the dead bug take turns, the one done longer ago first;
 * the one a programme leaves in when it leaves the other out.
 */
function strengthFor(day: Day): ExerciseId | undefined {
  const programme = day.followed?.programme;
  const open = (["bridge", "dead-bug"] as const).filter((id) => !isExcluded(programme, id));
  if (open.length < 2) return open[0];
  const lastDone = (exercise: ExerciseId) => day.state.memory.lastDone[exercise] ?? "";
  return lastDone("dead-bug") < lastDone("bridge") ? "dead-bug" : "bridge";
}

/**
 * R-TIME: a warm-up, one mobility step and one hinge step, at the low end of their doses, that
 * never runs past the minutes available, pauses included. When all three do not fit, the
 * mobility step goes first, then the hinge. With leg symptoms the mobility step is the floss's
 * nerve slider, on the floor; otherwise knee straightening on a chair (R-NERVE). Under a
 * programme, a step whose variant it does not allow is left out, and doses keep to its ranges.
 */
function microSession(day: Day, budget: number): PlanBlock[] {
  const programme = day.followed?.programme;
  const warmup = planBlock(variantById("warmup-knee-bends"), { seconds: 30 }, [
    reason("R-WARMUP", "A half-minute of gentle knee bends to warm up."),
  ]);
  const slider = variantById("floss-nerve-slider");
  const mobility = day.nerve
    ? day.allowed(slider)
      ? withinPrescription(
          programme,
          planBlock(slider, { seconds: 30 }, [
            reason(
              "R-NERVE",
              "A gentle nerve slider on the floor, since nerve-like feelings came up.",
            ),
          ]),
        )
      : undefined
    : planBlock(variantById("desk-knee-extension"), { sets: 1, reps: 8 }, [
        reason("R-TIME", "One mobility step you can do on any chair."),
      ]);
  const hinge = isExcluded(programme, "hip-hinge") ? undefined : microHinge(day);
  const full = [warmup, mobility, hinge].flatMap((b) => (b ? [b] : []));
  const options = [full, [warmup, ...(hinge ? [hinge] : [])], [warmup]];
  return options.find((blocks) => totalSeconds(blocks) <= budget) ?? [warmup];
}

/** R-TIME, R-LIGHT-LOAD: the short session's hinge, at today's variant, unloaded when light. */
function microHinge(day: Day): PlanBlock | undefined {
  const programme = day.followed?.programme;
  const ladder = ladderFor(programme, "hip-hinge");
  const level = levelOnLadder(ladder, day.levels[ladder.key]);
  let hingeVariant = variantById(
    chooseStep(ladder.steps, level, day.today, false, day.pace).step.variant,
  );
  const light = day.light.length > 0 || day.nerve !== undefined;
  if (light && unloadedVariant(hingeVariant)) {
    const unloaded = unloadedVariant(hingeVariant, day.allowed);
    if (!unloaded) return undefined;
    hingeVariant = unloaded;
  }
  return withinPrescription(
    programme,
    planBlock(hingeVariant, { sets: 1, reps: 8 }, [
      reason("R-BLEND", "One hinge step to use the range you just warmed up."),
    ]),
  );
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
