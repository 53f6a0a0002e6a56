import { describe, expect, it } from "vitest";
import { addDays } from "../days.ts";
import { blockOf, Log, rulesOf, sessionAsPlanned } from "../testing.ts";

const start = "2026-10-01";
const ruleIdsOf = (reasons: { rule: string }[]) => reasons.map((r) => r.rule);

describe("a first calm day", () => {
  const plan = new Log().practise(start, { back: "calm" });

  it("is a standard session in domain order: warm-up, mobility, stretch, hinge, strength", () => {
    expect(plan).toMatchObject({ tier: "clear", kind: "standard" });
    expect(plan.blocks.map((b) => b.role)).toEqual([
      "warmup",
      "mobility",
      "stretch",
      "hinge",
      "strength",
    ]);
  });

  it("starts every exercise at its gentlest step (R-DOSE-HOLD: 2 × 15 s)", () => {
    expect(blockOf(plan, "strap-stretch")).toMatchObject({
      variant: "strap-knee-bent",
      dose: { holds: 2, holdSeconds: 15, perSide: true },
      step: { index: 0, count: 14 },
    });
  });

  it("takes 5 to 10 minutes, pauses included (R-DOSE-SESSION)", () => {
    expect(plan.totalSeconds).toBeGreaterThanOrEqual(300);
    expect(plan.totalSeconds).toBeLessThanOrEqual(600);
    expect(plan.totalSeconds).toBe(plan.blocks.reduce((s, b) => s + b.seconds, 0) + 4 * 10);
    expect(rulesOf(plan)).toContain("R-DOSE-SESSION");
  });

  it("warms up first and closes with hinge and strength (R-WARMUP, R-BLEND)", () => {
    expect(ruleIdsOf(plan.blocks[0]?.reasons ?? [])).toContain("R-WARMUP");
    expect(ruleIdsOf(plan.blocks.at(-1)?.reasons ?? [])).toContain("R-BLEND");
  });

  it("says range takes weeks (R-EXPECT) and suggests a walk (R-PAIR)", () => {
    expect(rulesOf(plan)).toContain("R-EXPECT");
    expect(plan.suggestions).toContainEqual(
      expect.objectContaining({ id: "walk", rule: "R-PAIR" }),
    );
  });

  it("gives every block a reason with sources", () => {
    for (const block of plan.blocks) {
      expect(block.reasons.length).toBeGreaterThan(0);
      for (const r of block.reasons) expect(r.text.length).toBeGreaterThan(10);
    }
  });
});

describe("steady progress (R-PROGRESS)", () => {
  const log = new Log();
  const plans = log.practiseDays(start, 36, { back: "calm" });
  const strapSteps = plans.map((p) => blockOf(p, "strap-stretch")?.step?.index);

  it("steps up after three comfortable sessions, then at most once a week", () => {
    expect(strapSteps.slice(0, 4)).toEqual([0, 0, 0, 1]);
    const upDays = strapSteps.flatMap((step, day) =>
      day > 0 && (step ?? 0) > (strapSteps[day - 1] ?? 0) ? [day] : [],
    );
    expect(upDays).toEqual([3, 10, 17, 24, 31]);
  });

  it("explains a step up and a wait", () => {
    expect(blockOf(plans[3], "strap-stretch")?.reasons[0]?.text).toMatch(/One step up/);
    expect(blockOf(plans[5], "strap-stretch")?.reasons[0]?.text).toMatch(/2 days ago/);
  });

  it("offers a little more on a calm day after steady practice (R-GOOD), and stops saying R-EXPECT after 6 weeks", () => {
    expect(rulesOf(plans[10])).toContain("R-GOOD");
    const later = log.practise(addDays(start, 43), { back: "calm" });
    expect(rulesOf(later)).not.toContain("R-EXPECT");
  });

  it("never steps up on a grumpy day, and a grumpy day does not lose the level", () => {
    const grumpy = new Log();
    grumpy.practiseDays(start, 3, { back: "calm" });
    const day4 = grumpy.practise(addDays(start, 3), { back: "grumpy" });
    expect(blockOf(day4, "strap-stretch")?.step?.index).toBe(0);
    const day5 = grumpy.practise(addDays(start, 4), { back: "calm" });
    expect(blockOf(day5, "strap-stretch")?.step?.index).toBe(1);
  });
});

describe("a grumpy week (R-GRUMPY)", () => {
  const log = new Log();
  log.practiseDays(start, 60, { back: "calm" });
  const week = log.practiseDays(addDays(start, 60), 7, { back: "grumpy", pain: 5 });

  it("uses bent-knee, short-hold, one-set variations every day of it", () => {
    for (const plan of week) {
      expect(plan.kind).toBe("light");
      expect(blockOf(plan, "strap-stretch")).toMatchObject({
        knee: "bent",
        dose: { holdSeconds: 15 },
      });
      for (const block of plan.blocks) {
        if (block.dose.sets) expect(block.dose.sets).toBe(1);
        if (block.mode === "hold") expect(block.dose.holdSeconds).toBeLessThanOrEqual(20);
      }
      expect(rulesOf(plan)).toContain("R-GRUMPY");
      expect(plan.suggestions.map((s) => s.id)).toEqual(["walk", "heat"]);
    }
  });

  it("returns to the earlier level once the back calms", () => {
    const before = new Log();
    before.practiseDays(start, 60, { back: "calm" });
    const levelBefore = blockOf(before.plan(addDays(start, 59)), "strap-stretch");
    const after = log.practise(addDays(start, 67), { back: "calm" });
    expect(blockOf(after, "strap-stretch")?.variant).toBe(levelBefore?.variant);
    expect(after.kind).toBe("standard");
  });
});

describe("one-leg nerve symptoms (R-NERVE, R-TRIAGE-C)", () => {
  const log = new Log();
  log.practiseDays(start, 40, { back: "calm" });
  const plan = log.practise(addDays(start, 40), { back: "okay", leg: "one-leg" });

  it("practises with caution, a nerve slider and the knee bent", () => {
    expect(plan).toMatchObject({ tier: "caution", kind: "standard" });
    expect(rulesOf(plan)).toContain("R-TRIAGE-C");
    expect(blockOf(plan, "floss")?.variant).toBe("floss-nerve-slider");
    expect(blockOf(plan, "strap-stretch")).toMatchObject({
      variant: "strap-knee-bent",
      knee: "bent",
    });
    expect(blockOf(plan, "strap-stretch")?.dose.holdSeconds).toBeLessThanOrEqual(20);
    expect(ruleIdsOf(blockOf(plan, "floss")?.reasons ?? [])).toContain("R-NERVE");
  });

  it("keeps the range small the day after brief nerve sensations", () => {
    const next = new Log();
    next.practiseDays(start, 40, { back: "calm" });
    next.practise(addDays(start, 40), { back: "calm" }, { nerve: "brief" });
    const plan = next.practise(addDays(start, 41), { back: "calm" });
    expect(blockOf(plan, "floss")?.variant).toBe("floss-small");
    expect(blockOf(plan, "strap-stretch")?.knee).toBe("bent");
  });
});

describe("two pain spikes in a week (R-SPIKE)", () => {
  const log = new Log();
  log.practiseDays(start, 20, { back: "calm", pain: 2 });
  log.practise(addDays(start, 20), { back: "okay", pain: 2 }, { painAfter: 5 });
  log.practise(addDays(start, 23), { back: "okay", pain: 2 }, { painAfter: 4 });

  it("switches to light, moving work with short holds for a week, with caution", () => {
    const plan = log.practise(addDays(start, 24), { back: "calm", pain: 2 });
    expect(plan).toMatchObject({ tier: "caution", kind: "light" });
    expect(rulesOf(plan)).toEqual(expect.arrayContaining(["R-TRIAGE-C", "R-SPIKE"]));
    expect(blockOf(plan, "strap-stretch")).toMatchObject({
      knee: "bent",
      dose: { holdSeconds: 15 },
    });
  });

  it("suggests a clinician after a third spike", () => {
    const third = log.fork();
    const plan = third.practise(addDays(start, 25), { back: "okay", pain: 2 }, { painAfter: 5 });
    third.checkIn(addDays(start, 26), { back: "okay" });
    expect(
      third.plan(addDays(start, 26)).reasons.find((r) => r.rule === "R-TRIAGE-C")?.text,
    ).toMatch(/three recent sessions/);
    expect(plan.kind).toBe("light");
  });

  it("ends the back-off a week after the second spike", () => {
    const later = log.fork();
    later.checkIn(addDays(start, 31), { back: "calm", pain: 2 });
    expect(later.plan(addDays(start, 31))).toMatchObject({ tier: "clear", kind: "standard" });
  });
});

describe("desk days with 3 minutes (R-TIME, R-DESK)", () => {
  const log = new Log();
  const plans = log.practiseDays(start, 3, {
    back: "okay",
    context: { deskDay: true, minutes: 3 },
  });

  it("plans a micro session of warm-up, one mobility step and one hinge step", () => {
    for (const plan of plans) {
      expect(plan.kind).toBe("micro");
      expect(plan.blocks.map((b) => b.role)).toEqual(["warmup", "mobility", "hinge"]);
      expect(plan.totalSeconds).toBeLessThanOrEqual(180);
      expect(rulesOf(plan)).toContain("R-TIME");
    }
  });

  it("offers desk snacks that each count toward the day", () => {
    expect(plans[0]?.suggestions).toContainEqual(
      expect.objectContaining({
        id: "desk-snacks",
        rule: "R-DESK",
        variants: ["desk-knee-extension", "desk-stool-fold"],
      }),
    );
  });

  it("holds a due step up that would not fit the minutes, and says so (R-PROGRESS, R-DOSE-SESSION)", () => {
    const log = new Log();
    log.practiseDays(start, 30, { back: "calm" });
    const roomy = log.fork().practise(addDays(start, 30), { back: "calm" });
    const rushed = log
      .fork()
      .practise(addDays(start, 30), { back: "calm", context: { minutes: 7 } });
    expect(roomy.totalSeconds).toBeGreaterThan(420);
    expect(rushed.totalSeconds).toBeLessThanOrEqual(420);
    const texts = rushed.blocks.flatMap((b) => b.reasons.map((r) => r.text)).join(" ");
    expect(texts).toMatch(
      /Ready for a step up, but a longer one would not fit|Shorter today to fit/,
    );
  });

  it("fits a full session into 7 minutes by trimming, keeping the hinge last", () => {
    const plan = new Log().practise(start, { back: "calm", context: { minutes: 7 } });
    expect(plan.kind).toBe("standard");
    expect(plan.totalSeconds).toBeLessThanOrEqual(420);
    expect(["hinge", "strength"]).toContain(plan.blocks.at(-1)?.role);
  });
});

describe("after a hard day (R-RECOVERY)", () => {
  it("goes lighter when the person says yesterday was hard", () => {
    const plan = new Log().practise(start, { back: "calm", context: { hardDayYesterday: true } });
    expect(plan.kind).toBe("light");
    expect(rulesOf(plan)).toContain("R-RECOVERY");
    expect(plan.reasons.find((r) => r.rule === "R-RECOVERY")?.text).toMatch(/R-RECOVERY-RESPECT/);
  });

  it("goes lighter the day after a session rated too much", () => {
    const log = new Log();
    log.practise(start, { back: "calm" }, { feel: "too-much" });
    expect(log.practise(addDays(start, 1), { back: "calm" }).kind).toBe("light");
  });
});

describe("softening (R-BREATH)", () => {
  it("starts the next session of a softened exercise one step lower", () => {
    const log = new Log();
    const plans = log.practiseDays(start, 11, { back: "calm" });
    expect(blockOf(plans[10], "strap-stretch")?.step?.index).toBe(2);
    const today = log.practise(addDays(start, 11), { back: "calm" });
    const session = log.events.at(-1);
    if (session?.type !== "session") throw new Error("expected a session");
    session.data.blocks = session.data.blocks.map((b) =>
      b.exercise === "strap-stretch" ? { ...b, softened: true } : b,
    );
    const next = log.practise(addDays(start, 12), { back: "calm" });
    expect(blockOf(today, "strap-stretch")?.step?.index).toBe(2);
    expect(blockOf(next, "strap-stretch")?.step?.index).toBe(1);
    expect(ruleIdsOf(blockOf(next, "strap-stretch")?.reasons ?? [])).toContain("R-BREATH");
  });
});

describe("a session kept without its answers (R-PROGRESS, R-BREATH, R-NERVE)", () => {
  /** Checks in and keeps the session as Finish does, before any after-session answer. */
  const practiseUnrated = (log: Log, day: string) => {
    log.checkIn(day, { back: "calm" });
    const plan = log.plan(day);
    const { feel: _, breathChat: __, nerve: ___, ...unrated } = sessionAsPlanned(plan);
    log.add("session", day, unrated, "07:20");
    return plan;
  };

  it("does not count toward the three comfortable sessions a step up needs", () => {
    const log = new Log();
    for (let i = 0; i < 3; i++) practiseUnrated(log, addDays(start, i));
    const day4 = log.practise(addDays(start, 3), { back: "calm" });
    expect(blockOf(day4, "strap-stretch")?.step?.index).toBe(0);
  });

  it("reports neither a lost breath nor nerve sensations: nothing steps down", () => {
    const log = new Log();
    log.practiseDays(start, 11, { back: "calm" });
    const today = practiseUnrated(log, addDays(start, 11));
    const next = log.practise(addDays(start, 12), { back: "calm" });
    expect(blockOf(next, "strap-stretch")?.step?.index).toBe(
      blockOf(today, "strap-stretch")?.step?.index,
    );
    expect(blockOf(next, "floss")?.variant).toBe(blockOf(today, "floss")?.variant);
    expect(ruleIdsOf(blockOf(next, "floss")?.reasons ?? [])).not.toContain("R-NERVE");
  });
});

describe("the top of the ladders within ten minutes (R-BLEND, R-DOSE-HOLD)", () => {
  const log = new Log();
  log.practiseDays(start, 120, { back: "calm" });

  it("reaches the straight-knee stretch's top step after months, held at 30 s to fit the time", () => {
    const calm = log.practise(addDays(start, 120), { back: "calm" });
    const strap = blockOf(calm, "strap-stretch");
    expect(strap).toMatchObject({ variant: "strap-knee-straight", step: { index: 13, count: 14 } });
    expect(strap?.dose.holdSeconds).toBe(30);
    expect(strap?.reasons.map((r) => r.text).join(" ")).not.toMatch(/45/);
    expect(calm.blocks.map((b) => b.role)).toEqual([
      "warmup",
      "mobility",
      "stretch",
      "hinge",
      "strength",
    ]);
    expect(calm.totalSeconds).toBeLessThanOrEqual(600);
  });

  it("never holds past 30 s on a day that is only okay", () => {
    const okay = log.practise(addDays(start, 121), { back: "okay" });
    expect(blockOf(okay, "strap-stretch")?.dose.holdSeconds).toBeLessThanOrEqual(30);
  });
});

describe("no improvement after four weeks (R-TRIAGE-C)", () => {
  it("suggests a clinician check without blocking", () => {
    const log = new Log();
    log.practiseDays(start, 30, { back: "okay", pain: 5 });
    const plan = log.practise(addDays(start, 30), { back: "okay", pain: 5 });
    expect(plan.tier).toBe("caution");
    expect(plan.reasons.find((r) => r.rule === "R-TRIAGE-C")?.text).toMatch(/four weeks/);
    expect(plan.blocks.length).toBeGreaterThan(0);
  });

  it("says nothing when pain fell by 2 points", () => {
    const log = new Log();
    log.practiseDays(start, 15, { back: "okay", pain: 5 });
    log.practiseDays(addDays(start, 15), 16, { back: "okay", pain: 3 });
    expect(log.plan(addDays(start, 30)).tier).toBe("clear");
  });
});
