import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exerciseById, isExerciseId } from "../catalog/index.ts";
import { addDays, daysBetween } from "../days.ts";
import { project } from "../events/read-model.ts";
import type { CheckIn, EventOf, LimberEvent } from "../events/schema.ts";
import { Log } from "../testing.ts";
import { checkInArb, logArb, logOver, RUNS, today } from "./arbitraries.testing.ts";
import { deskSnack } from "./desk-snack.ts";
import type { Plan } from "./plan.ts";
import { planSession } from "./plan.ts";

// Invariants of the rules domain.md revised, checked against its literal numbers.

/** The sessions in force and the check-ins in force, from the raw log. */
function inForce(events: readonly LimberEvent[]) {
  const withdrawn = new Set(events.flatMap((e) => (e.type === "retract" ? [e.data.target] : [])));
  const live = events.filter((e) => !withdrawn.has(e.id));
  return {
    sessions: live.filter((e): e is EventOf<"session"> => e.type === "session"),
    checkIns: live.filter((e): e is EventOf<"checkin"> => e.type === "checkin"),
  };
}

/** A session after which pain rose by 2 or more (R-SPIKE), pain before read as domain.md says. */
function spiked(events: readonly LimberEvent[], session: EventOf<"session">): boolean {
  const { checkIns } = inForce(events);
  const before =
    session.data.painBefore ??
    checkIns
      .filter((c) => c.day === session.day && c.at <= session.at && c.data.pain !== undefined)
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1))
      .at(-1)?.data.pain;
  const after = session.data.painAfter;
  return before !== undefined && after !== undefined && after - before >= 2;
}

/**
 * Weeks of calm practice done as planned up to yesterday, so steps up are due, with a random
 * history of the last 30 days mixed in: signs, spikes, nerve reports, withdrawals.
 */
const dueLogArb = fc.tuple(fc.integer({ min: 3, max: 40 }), logArb).map(([days, random]) => {
  const base = new Log();
  base.practiseDays(addDays(today, -days), days, { back: "calm", pain: 2 });
  const ids = new Map(
    random.map((e, i) => [e.id, `01900000-0000-7000-9000-${String(i).padStart(12, "0")}`]),
  );
  const renamed = random.map((e): LimberEvent => {
    const id = ids.get(e.id) as string;
    if (e.type !== "retract") return { ...e, id };
    return { ...e, id, data: { target: ids.get(e.data.target) ?? e.data.target } };
  });
  return [...base.events, ...renamed];
});

describe("progression waits on the days domain.md names (R-PROGRESS)", () => {
  it("never steps up on a caution, light or high-pain day, nor within 7 days of a spike", () => {
    let steppedUp = 0;
    fc.assert(
      fc.property(dueLogArb, checkInArb, (events, checkIn) => {
        const state = project(events);
        const plan = planSession(state, checkIn, today);
        const ups = plan.blocks.filter((b) => {
          if (!b.step || !isExerciseId(b.exercise)) return false;
          const level = state.memory.levels[b.exercise]?.step ?? 0;
          return b.step.index > level && exerciseById(b.exercise).steps !== undefined;
        });
        if (ups.length === 0) return;
        steppedUp++;
        expect(plan.tier).toBe("clear");
        expect(plan.kind).toBe("standard");
        expect(["calm", "okay"]).toContain(checkIn.back);
        expect(checkIn.pain ?? 0).toBeLessThan(7);
        expect(checkIn.leg ?? "none").toBe("none");
        const recentSpike = inForce(events).sessions.some(
          (s) => daysBetween(s.day, today) <= 7 && s.day <= today && spiked(events, s),
        );
        expect(recentSpike).toBe(false);
      }),
      RUNS,
    );
    expect(steppedUp).toBeGreaterThan(0);
  }, 120_000);
});

describe("hinge and strength close every standard session (R-BLEND)", () => {
  it("over random histories of up to three years", () => {
    fc.assert(
      fc.property(logOver(1100, 80), checkInArb, (events, checkIn) => {
        const plan = planSession(project(events), checkIn, today);
        if (plan.kind !== "standard") return;
        expect(plan.blocks.slice(-2).map((b) => b.role)).toEqual(["hinge", "strength"]);
      }),
      RUNS,
    );
  });

  it("over two simulated years of practice", () => {
    const log = new Log();
    const backs = ["calm", "calm", "okay", "calm", "grumpy", "calm", "okay"] as const;
    let standard = 0;
    for (let i = 0; i < 730; i++) {
      if (i % 9 === 8) continue; // a day off now and then
      const checkIn: CheckIn = { back: backs[i % backs.length] ?? "calm", pain: 2 };
      const plan = log.practise(addDays("2025-01-06", i), checkIn);
      if (plan.kind !== "standard") continue;
      standard++;
      expect(
        plan.blocks.slice(-2).map((b) => b.role),
        `day ${i}`,
      ).toEqual(["hinge", "strength"]);
      expect(plan.totalSeconds, `day ${i}`).toBeLessThanOrEqual(600);
    }
    expect(standard).toBeGreaterThan(300);
  }, 120_000);
});

describe("a session fits the minutes the person has (R-TIME)", () => {
  it("never runs past them, pauses included", () => {
    const short = checkInArb.chain((checkIn) =>
      fc.integer({ min: 1, max: 9 }).map((minutes) => ({
        ...checkIn,
        context: { ...checkIn.context, minutes },
      })),
    );
    let micro = 0;
    fc.assert(
      fc.property(logArb, short, (events, checkIn) => {
        const plan = planSession(project(events), checkIn, today);
        if (plan.kind === "none" || plan.kind === "walk-only") return;
        if (plan.kind === "micro") micro++;
        const minutes = checkIn.context?.minutes ?? 10;
        expect(plan.totalSeconds).toBeLessThanOrEqual(minutes * 60);
      }),
      RUNS,
    );
    expect(micro).toBeGreaterThan(0);
  });
});

/** Every sentence of a plan beside the block or plan it speaks of. */
function sentences(plan: Plan) {
  return plan.blocks.flatMap((block) => block.reasons.map((r) => ({ block, text: r.text })));
}

/** Checks each sentence of a plan against the block it explains; counts what it saw. */
function checkHonest(plan: Plan, seen: Record<"top" | "short" | "bent", number>): void {
  const snack = deskSnack(plan);
  for (const { block, text } of [...sentences(plan), ...(snack ? sentences(snack) : [])]) {
    const hold = block.dose.holdSeconds ?? 0;
    if (/30-second hold gains as much/.test(text)) expect(hold).toBeLessThanOrEqual(30);
    if (/20 seconds or less/.test(text)) {
      seen.short++;
      expect(hold).toBeLessThanOrEqual(20);
    }
    if (/Holds are 30 seconds today/.test(text)) expect(hold).toBe(30);
    if (/knee (stays )?bent|bent knee|knee bends/i.test(text)) {
      seen.bent++;
      expect(block.knee).toBe("bent");
    }
    if (/top of its ladder/.test(text)) {
      seen.top++;
      const steps = exerciseById(block.exercise).steps ?? [];
      expect(block.step?.index).toBe(steps.length - 1);
      expect(block.variant).toBe(steps.at(-1)?.variant);
    }
  }
  const session = plan.reasons.find((r) => r.rule === "R-DOSE-SESSION")?.text;
  const about = session?.match(/^About (\d+) min\b/);
  if (about) expect(Number(about[1])).toBe(Math.max(1, Math.round(plan.totalSeconds / 60)));
}

describe("text that agrees with the plan (R-HONEST-TEXT)", () => {
  it("never explains a block by something it is not, over random histories", () => {
    const seen = { top: 0, short: 0, bent: 0 };
    fc.assert(
      fc.property(logOver(400, 60), checkInArb, (events, checkIn) => {
        checkHonest(planSession(project(events), checkIn, today), seen);
      }),
      RUNS,
    );
    expect(seen.short + seen.bent).toBeGreaterThan(0);
  });

  it("never explains a block by something it is not, over months of practice to the tops", () => {
    const seen = { top: 0, short: 0, bent: 0 };
    const log = new Log();
    const backs = ["calm", "okay", "calm", "grumpy", "calm"] as const;
    for (let i = 0; i < 160; i++) {
      const checkIn: CheckIn = { back: backs[i % backs.length] ?? "calm", pain: 2 };
      const minutes = i % 4 === 3 ? { context: { minutes: 20 } } : {};
      checkHonest(log.practise(addDays("2026-01-05", i), { ...checkIn, ...minutes }), seen);
    }
    for (const [what, count] of Object.entries(seen)) expect(count, what).toBeGreaterThan(0);
  });
});
