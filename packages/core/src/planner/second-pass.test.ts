import { describe, expect, it } from "vitest";
import { variantWords } from "../catalog/words.ts";
import { addDays } from "../days.ts";
import { blockOf, Log, rulesOf, sessionAsPlanned } from "../testing.ts";
import { painNeedsConfirming } from "./day.ts";

// The rules domain.md revised after a clinical audit, each scenario named by its rule id.

const start = "2026-03-02";

/** Blocks' step indexes by exercise. */
const stepsOf = (plan: ReturnType<Log["plan"]>) =>
  Object.fromEntries(plan.blocks.map((b) => [b.exercise, b.step?.index]));

/** A person who has practised calmly for `days` days from `start`. */
function practised(days: number): Log {
  const log = new Log();
  log.practiseDays(start, days, { back: "calm", pain: 2 });
  return log;
}

describe("R-PAIN-HIGH", () => {
  it("Sam taps calm with pain 9: the check-in asks which is right, and the day is light", () => {
    expect(painNeedsConfirming({ back: "calm", pain: 9 })).toBe(true);
    expect(painNeedsConfirming({ back: "calm", pain: 6 })).toBe(false);
    expect(painNeedsConfirming({ back: "okay", pain: 9 })).toBe(false);
    const sam = practised(21);
    const plan = sam.practise(addDays(start, 21), { back: "calm", pain: 9 });
    expect(plan.kind).toBe("light");
    expect(rulesOf(plan)).toContain("R-PAIN-HIGH");
    expect(plan.suggestions.map((s) => s.id)).toEqual(expect.arrayContaining(["walk", "heat"]));
    expect(plan.blocks.every((b) => !b.reasons.some((r) => /One step up/.test(r.text)))).toBe(true);
  });

  it("makes a day with pain 7 light whatever the back answer", () => {
    const plan = practised(5).practise(addDays(start, 5), { back: "okay", pain: 7 });
    expect(plan.kind).toBe("light");
  });
});

describe("R-PROGRESS gates", () => {
  // The first day of a calm month on which the stretch steps up: the day a step up is due.
  const calm = practised(30);
  const plans = Array.from({ length: 30 }, (_, i) => calm.plan(addDays(start, i)));
  const dueAt = plans.findIndex(
    (plan, i) =>
      i > 0 &&
      (stepsOf(plan)["strap-stretch"] ?? 0) >
        (stepsOf(plans[i - 1] as typeof plan)["strap-stretch"] ?? 0),
  );
  const dueDay = addDays(start, dueAt);
  /** The log up to the day before the step up, then that day's check-in and session as given. */
  const upTo = (after: Parameters<Log["practise"]>[2] = {}) => {
    const log = new Log();
    log.practiseDays(start, dueAt - 1, { back: "calm", pain: 2 });
    log.practise(addDays(start, dueAt - 1), { back: "calm", pain: 2 }, after);
    return log;
  };
  const strapOn = (log: Log, checkIn: Parameters<Log["checkIn"]>[1]) =>
    stepsOf(log.practise(dueDay, checkIn))["strap-stretch"];
  const held = stepsOf(plans[dueAt - 1] as (typeof plans)[number])["strap-stretch"];

  it("takes the step up that is due on a clear, calm day", () => {
    expect(dueAt).toBeGreaterThanOrEqual(3);
    expect(strapOn(upTo(), { back: "calm", pain: 2 })).toBe((held ?? 0) + 1);
  });

  it("holds it on a stable one-leg caution day, a grumpy day and a high-pain day", () => {
    expect(strapOn(upTo(), { back: "calm", pain: 2, leg: "one-leg" })).toBeLessThanOrEqual(
      held ?? 0,
    );
    expect(strapOn(upTo(), { back: "grumpy", pain: 2 })).toBeLessThanOrEqual(held ?? 0);
    expect(strapOn(upTo(), { back: "okay", pain: 7 })).toBeLessThanOrEqual(held ?? 0);
    expect(strapOn(upTo(), { back: "calm", pain: 2, signs: ["inflammatory-pattern"] })).toBe(held);
  });

  it("does not count a session that raised pain from 2 to 6 as comfortable, even rated so", () => {
    // Nine days later the spike's own week is over, but it is still among the last three.
    const log = upTo({ painBefore: 2, painAfter: 6 });
    const later = addDays(dueDay, 8);
    expect(stepsOf(log.practise(later, { back: "calm", pain: 2 }))["strap-stretch"]).toBe(held);
    const comfortable = upTo();
    expect(stepsOf(comfortable.practise(later, { back: "calm", pain: 2 }))["strap-stretch"]).toBe(
      (held ?? 0) + 1,
    );
  });

  it("waits a week after a single pain spike", () => {
    const log = upTo({ painBefore: 2, painAfter: 4 });
    for (let i = 0; i < 7; i++) {
      const plan = log.practise(addDays(dueDay, i), { back: "calm", pain: 2 });
      expect(stepsOf(plan)["strap-stretch"], `day ${i}`).toBe(held);
    }
  });
});

describe("R-BREAK", () => {
  it("Ben comes back after 100 days away: a welcome, every ladder lower, and no long holds", () => {
    const ben = practised(150);
    const before = ben.plan(addDays(start, 149));
    const back = addDays(start, 249);
    const plan = ben.practise(back, { back: "calm", pain: 2 });
    const welcome = plan.reasons.find((r) => r.rule === "R-BREAK");
    expect(welcome?.text).toMatch(
      /^Welcome back\. It has been 100 days, so we start a little lower/,
    );
    expect(welcome?.sources).toContain("WILLY01");
    // 100 days away is seven steps lower on every ladder, never below the first.
    for (const block of plan.blocks) {
      const was = blockOf(before, block.exercise)?.step?.index;
      if (was === undefined || block.step === undefined) continue;
      expect(block.step.index, block.exercise).toBe(Math.max(0, was - 7));
    }
    for (let i = 0; i < 21; i++) {
      const day = ben.practise(addDays(back, i + 1), { back: "calm", pain: 2 });
      for (const block of day.blocks) {
        expect(block.dose.holdSeconds ?? 0, `day ${i + 1}`).toBeLessThanOrEqual(30);
      }
    }
  });

  it("starts one step lower after two weeks away, and not at all after thirteen days", () => {
    const two = practised(30);
    const was = stepsOf(two.plan(addDays(start, 29)))["strap-stretch"] as number;
    expect(stepsOf(two.practise(addDays(start, 43), { back: "calm" }))["strap-stretch"]).toBe(
      was - 1,
    );
    const thirteen = practised(30);
    const plan = thirteen.practise(addDays(start, 42), { back: "calm" });
    expect(stepsOf(plan)["strap-stretch"]).toBeGreaterThanOrEqual(was);
    expect(rulesOf(plan)).not.toContain("R-BREAK");
  });
});

describe("R-NERVE", () => {
  it("keeps the knee bent and the range small for 7 days after a brief nerve sensation", () => {
    const log = practised(60);
    log.practise(addDays(start, 60), { back: "calm" }, { nerve: "brief" });
    for (let i = 61; i <= 67; i++) {
      const plan = log.practise(addDays(start, i), { back: "calm" });
      expect(blockOf(plan, "strap-stretch")?.knee, `day ${i}`).toBe("bent");
      expect(blockOf(plan, "floss")?.variant, `day ${i}`).toBe("floss-small");
    }
    // Then the stretch climbs back from its highest bent-knee step, one step a week at most.
    const back = [68, 69, 70, 71, 72, 73, 74].map((i) =>
      blockOf(log.practise(addDays(start, i), { back: "calm" }), "strap-stretch"),
    );
    expect(back[0]?.step?.index).toBeLessThanOrEqual(4);
    expect(new Set(back.map((b) => b?.step?.index)).size).toBeLessThanOrEqual(2);
  });

  it("gives the nerve slider its own gentle dose with leg symptoms, never the floss's", () => {
    const log = practised(60);
    const plan = log.practise(addDays(start, 60), { back: "okay", leg: "one-leg" });
    const slider = blockOf(plan, "floss");
    expect(slider).toMatchObject({ variant: "floss-nerve-slider", dose: { seconds: 30 } });
    expect(variantWords("floss-nerve-slider").setup.join(" ")).toMatch(/short of a right angle/);
    expect(blockOf(plan, "strap-stretch")).toMatchObject({ knee: "bent" });
    expect(blockOf(plan, "strap-stretch")?.dose.holdSeconds).toBeLessThanOrEqual(20);
  });

  it("remembers leg symptoms of the days before, not only today's", () => {
    const log = practised(30);
    log.practise(addDays(start, 30), { back: "okay", leg: "one-leg" });
    const plan = log.practise(addDays(start, 31), { back: "calm", leg: "none" });
    expect(blockOf(plan, "floss")?.variant).toBe("floss-nerve-slider");
  });
});

describe("R-LIGHT-LOAD", () => {
  const strong = () => practised(150);
  it("takes the weight off the hinge and uses both legs on a grumpy day", () => {
    const log = strong();
    const calm = log.fork().practise(addDays(start, 150), { back: "calm" });
    expect(blockOf(calm, "hip-hinge")?.variant).toBe("hinge-weight");
    const grumpy = log.practise(addDays(start, 150), { back: "grumpy" });
    expect(blockOf(grumpy, "hip-hinge")?.variant).toBe("hinge-dowel");
    const strength = grumpy.blocks.at(-1);
    expect(strength?.side).toBe("both");
    expect(strength?.reasons.map((r) => r.rule)).toEqual(expect.arrayContaining(["R-BLEND"]));
  });

  it("does the same with leg symptoms", () => {
    const plan = strong().practise(addDays(start, 150), { back: "okay", leg: "one-leg" });
    expect(
      plan.blocks.every((b) => b.variant !== "hinge-weight" && b.variant !== "bridge-single-leg"),
    ).toBe(true);
  });
});

describe("R-SPIKE", () => {
  it("after two spikes in a week: knee bent, holds of 20 s or less and a small floss for a week", () => {
    const log = practised(40);
    for (const i of [40, 43]) {
      log.practise(addDays(start, i), { back: "okay", pain: 2 }, { painBefore: 2, painAfter: 5 });
    }
    for (let i = 44; i <= 50; i++) {
      const plan = log.practise(addDays(start, i), { back: "calm", pain: 2 });
      expect(plan.kind, `day ${i}`).toBe("light");
      expect(blockOf(plan, "strap-stretch")?.knee).toBe("bent");
      expect(blockOf(plan, "strap-stretch")?.dose.holdSeconds).toBeLessThanOrEqual(20);
      expect(blockOf(plan, "floss")?.variant).toBe("floss-small");
    }
  });
});

describe("R-BLEND", () => {
  it("keeps the hinge and the strength block after fifteen weeks, shortening holds first", () => {
    const log = practised(110);
    for (let i = 110; i < 130; i++) {
      const plan = log.practise(addDays(start, i), { back: "calm" });
      expect(
        plan.blocks.slice(-2).map((b) => b.role),
        `day ${i}`,
      ).toEqual(["hinge", "strength"]);
      expect(plan.reasons.map((r) => r.text).join(" ")).not.toMatch(/No strength block/);
    }
  });
});

describe("R-TIME", () => {
  it.each([1, 2, 3, 4])(
    "plans a short session that fits %i minutes, pauses included",
    (minutes) => {
      const log = practised(30);
      const plan = log.practise(addDays(start, 30), { back: "calm", context: { minutes } });
      expect(plan.kind).toBe("micro");
      expect(plan.totalSeconds).toBeLessThanOrEqual(minutes * 60);
      expect(plan.blocks[0]?.role).toBe("warmup");
      const said = plan.reasons.find((r) => r.rule === "R-TIME")?.text ?? "";
      expect(said).toMatch(new RegExp(`With about ${minutes} minutes?`));
    },
  );

  it("keeps a one-leg micro session's words true to its blocks", () => {
    const plan = practised(10).practise(addDays(start, 10), {
      back: "okay",
      leg: "one-leg",
      context: { minutes: 3 },
    });
    expect(plan.blocks.map((b) => b.variant)).not.toContain("desk-knee-extension");
    const caution = plan.reasons.find((r) => r.rule === "R-TRIAGE-C")?.text ?? "";
    expect(caution).not.toMatch(/knee bent/);
  });
});

describe("the session recorded as planned climbs as the plan says", () => {
  it("records the slider at its own step, so its level grows by R-PROGRESS", () => {
    const log = practised(20);
    const plan = log.practise(addDays(start, 20), { back: "okay", leg: "one-leg" });
    const session = sessionAsPlanned(plan);
    const slider = session.blocks.find((b) => b.variant === "floss-nerve-slider");
    expect(slider).toMatchObject({ seconds: 30, step: 0 });
  });
});
