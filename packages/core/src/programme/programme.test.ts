import { describe, expect, it } from "vitest";
import { addDays } from "../days.ts";
import { parseEvent } from "../events/parse.ts";
import { type Programme, programmeData } from "../events/schema.ts";
import { blockOf, idFor, Log } from "../testing.ts";
import { programmeOn } from "./active.ts";
import { codeOf, crc32, decodeProgramme, encodeProgramme, programmeLink } from "./link.ts";
import { programmeLines } from "./sheet.ts";
import { programmeOwner } from "./words.ts";

const START = "2026-11-02";

/** The programme of the browser test: no strap stretch, the floss as the nerve slider only. */
const sliderOnly: Programme = {
  programmeId: "riverside-0001",
  revision: 1,
  prescriber: { name: "Sam Lee", role: "Physiotherapist", practice: "Riverside Clinic" },
  prescribedOn: START,
  exercises: [
    {
      exercise: "floss",
      variants: ["floss-nerve-slider"],
      dose: { seconds: [40, 45] },
      startStep: 2,
    },
  ],
  excluded: ["strap-stretch"],
  progression: "slow",
  daysPerWeek: 4,
  note: "Gentle and steady: stop if the leg tingles.",
};

function following(programme: Programme = sliderOnly): Log {
  const log = new Log();
  log.add("programme", START, programme, "06:00");
  return log;
}

describe("a programme's plan (docs/clinicians.md)", () => {
  it("leaves out what it excludes and uses only the variants it allows", () => {
    const plan = following().practise(START, { back: "calm", pain: 2 });
    expect(blockOf(plan, "strap-stretch")).toBeUndefined();
    const floss = blockOf(plan, "floss");
    expect(floss?.variant).toBe("floss-nerve-slider");
    // It starts at the prescribed step: the slider's 40 s, inside the 40–45 s range.
    expect(floss?.dose.seconds).toBe(40);
    expect(floss?.reasons.map((r) => r.text)).toContain(
      "Your physiotherapist's programme sets this one: Nerve slider with head nod only, 40–45 s each side.",
    );
    expect(plan.blocks.at(-2)?.role).toBe("hinge");
    expect(plan.overrides).toBeUndefined();
  });

  it("is gentler on a grumpy day, and says so", () => {
    const plan = following().practise(START, { back: "grumpy", pain: 4 });
    expect(plan.kind).toBe("light");
    const floss = blockOf(plan, "floss");
    expect(floss?.dose.seconds).toBe(30);
    const said =
      "Your physiotherapist's programme allows Nerve slider with head nod, 40 s each side; today is gentler because your back is grumpy today.";
    expect(floss?.reasons.map((r) => r.text)).toContain(said);
    expect(plan.overrides).toEqual([
      { exercise: "floss", rule: "R-GRUMPY", text: said, leftOut: false },
    ]);
  });

  it("never brings back a straight-knee hold on a grumpy day: the stretch is left out", () => {
    const straight: Programme = {
      ...sliderOnly,
      exercises: [{ exercise: "strap-stretch", variants: ["strap-knee-straight"] }],
      excluded: [],
    };
    const log = following(straight);
    const calm = log.practise(START, { back: "calm" });
    expect(blockOf(calm, "strap-stretch")?.variant).toBe("strap-knee-straight");
    const grumpy = log.practise(addDays(START, 1), { back: "grumpy" });
    expect(grumpy.blocks.some((b) => b.knee === "straight")).toBe(false);
    expect(blockOf(grumpy, "strap-stretch")).toBeUndefined();
    const text =
      "The strap-supported hamstring stretch is left out today: because your back is grumpy today, it needs a bent knee, and your physiotherapist's programme allows only Strap stretch, knee straight.";
    expect(grumpy.reasons.map((r) => r.text)).toContain(text);
    expect(grumpy.overrides).toEqual([
      { exercise: "strap-stretch", rule: "R-GRUMPY", text, leftOut: true },
    ]);
  });

  it("leaves out the floss on a leg-symptom day when it allows neither the slider nor a small range", () => {
    const full: Programme = {
      ...sliderOnly,
      exercises: [{ exercise: "floss", variants: ["floss-full"] }],
    };
    const plan = following(full).practise(START, { back: "okay", leg: "one-leg" });
    expect(plan.tier).toBe("caution");
    expect(blockOf(plan, "floss")).toBeUndefined();
    expect(plan.overrides?.[0]).toMatchObject({
      exercise: "floss",
      rule: "R-NERVE",
      leftOut: true,
    });
  });

  it("plans no session on a paused or emergency day, whatever it prescribes", () => {
    const log = following();
    const paused = log.practise(START, { back: "calm", signs: ["night-pain"] });
    expect(paused.kind).toBe("walk-only");
    expect(paused.blocks.map((b) => b.variant)).toEqual(["hip-rolls-breath", "walk-easy"]);
    const emergency = following().practise(START, { back: "calm", signs: ["saddle-numbness"] });
    expect(emergency).toMatchObject({ kind: "none", blocks: [] });
  });

  it("uses a prescription's weighted hinge only when the day allows weight (R-LIGHT-LOAD)", () => {
    const weighted: Programme = {
      ...sliderOnly,
      exercises: [{ exercise: "hip-hinge", variants: ["hinge-weight"] }],
      excluded: [],
    };
    const log = following(weighted);
    expect(blockOf(log.practise(START, { back: "calm" }), "hip-hinge")?.variant).toBe(
      "hinge-weight",
    );
    const light = log.practise(addDays(START, 1), { back: "grumpy" });
    expect(blockOf(light, "hip-hinge")).toBeUndefined();
    expect(light.overrides?.[0]).toMatchObject({ rule: "R-LIGHT-LOAD", leftOut: true });
  });

  it("warms up with knee bends when the hip rolls are left out (R-WARMUP)", () => {
    const plan = following({ ...sliderOnly, excluded: ["hip-rolls"] }).practise(START, {
      back: "calm",
    });
    expect(plan.blocks[0]?.variant).toBe("warmup-knee-bends");
    expect(plan.blocks[0]?.reasons[0]?.rule).toBe("R-WARMUP");
  });
});

describe("revisions, withdrawal and the end date", () => {
  it("follows a later revision of the same programme, and not an older link opened again", () => {
    const log = following();
    const revised = {
      ...sliderOnly,
      revision: 2,
      exercises: [{ ...sliderOnly.exercises[0], dose: { seconds: [30, 35] } }],
    } as Programme;
    log.add("programme", START, revised, "06:30");
    log.add("programme", START, sliderOnly, "06:40");
    expect(programmeOn(log.state(), START)?.data.revision).toBe(2);
    expect(blockOf(log.practise(START, { back: "calm" }), "floss")?.dose.seconds).toBe(35);
  });

  it("is coached as if it never was once withdrawn, and after its end date", () => {
    const log = following();
    log.add("retract", START, { target: idFor(1) }, "06:10");
    const plan = log.practise(START, { back: "calm" });
    expect(blockOf(plan, "strap-stretch")).toBeDefined();
    expect(blockOf(plan, "floss")?.variant).toBe("floss-small");

    const ended = following({ ...sliderOnly, endsOn: addDays(START, 3) });
    expect(programmeOn(ended.state(), addDays(START, 3))).toBeDefined();
    expect(programmeOn(ended.state(), addDays(START, 4))).toBeUndefined();
  });
});

describe("the programme's schema", () => {
  const fails = (programme: unknown) =>
    programmeData.safeParse(programme).error?.issues[0]?.message;
  it("refuses what no plan could follow", () => {
    expect(
      fails({ ...sliderOnly, exercises: [{ exercise: "floss", variants: ["strap-knee-bent"] }] }),
    ).toBe("strap-knee-bent is not a variant of floss");
    expect(
      fails({
        ...sliderOnly,
        exercises: [
          {
            exercise: "strap-stretch",
            dose: { holdSeconds: [20, 40] },
            variants: ["strap-knee-bent"],
          },
        ],
      }),
    ).toBe("the high end passes the catalog's ceiling of 30 for these variants");
    expect(
      fails({ ...sliderOnly, exercises: [{ exercise: "floss", dose: { seconds: [60, 90] } }] }),
    ).toBe("the range leaves out every dose of Nerve slider with head nod (30–45)");
    expect(
      fails({
        ...sliderOnly,
        exercises: [{ exercise: "floss", variants: ["floss-nerve-slider"], startStep: 4 }],
      }),
    ).toBe("the allowed variants leave 4 steps, numbered from 0");
    expect(fails({ ...sliderOnly, excluded: ["floss"] })).toBe(
      "floss is both prescribed and left out",
    );
    expect(fails({ ...sliderOnly, endsOn: "2026-10-01" })).toBe(
      "the programme ends before it starts",
    );
  });

  it("is an event of the log like any other", () => {
    const event = {
      id: idFor(7),
      type: "programme",
      v: 1,
      day: START,
      at: `${START}T06:00:00Z`,
      data: sliderOnly,
    };
    expect(parseEvent(event).ok).toBe(true);
    expect(parseEvent({ ...event, v: 2 })).toMatchObject({ ok: false });
  });
});

describe("the link", () => {
  it("carries the programme whole, after the #, and reads back the same", () => {
    const link = programmeLink("https://limber.example/app/", sliderOnly);
    expect(link).toMatch(
      /^https:\/\/limber\.example\/app\/#\/programme\?p=1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/,
    );
    expect(decodeProgramme(codeOf(link))).toEqual({ ok: true, programme: sliderOnly });
    // Compact enough for a QR code a phone reads at a glance.
    expect(link.length).toBeLessThan(600);
  });

  it("refuses a link cut short, changed by hand, from a newer Limber, or holding a bad programme", () => {
    const code = encodeProgramme(sliderOnly);
    const broken =
      "This programme link is incomplete or was changed after it was made, so Limber cannot use it; please ask for the link again.";
    expect(decodeProgramme(code.slice(0, -12))).toEqual({ ok: false, problem: broken });
    const [v, payload = "", check] = code.split(".");
    const flipped = payload.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    expect(decodeProgramme(`${v}.${flipped}.${check}`)).toEqual({ ok: false, problem: broken });
    expect(decodeProgramme(undefined)).toEqual({ ok: false, problem: broken });
    expect(decodeProgramme(`2.${payload}.${check}`).ok).toBe(false);
    expect(decodeProgramme(`2.${payload}.${check}`)).toMatchObject({ problem: /newer Limber/ });
    // A well-formed link whose programme fails the schema: a daily dose past the catalog's.
    const json = JSON.stringify({
      i: "riverside-0001",
      r: 1,
      b: { n: "Sam" },
      d: START,
      x: [{ e: "floss", q: { T: [10, 900] } }],
      z: [],
      g: "limber",
      w: 9,
    });
    const bytes = Buffer.from(json).toString("base64url");
    expect(decodeProgramme(`1.${bytes}.${crc32(bytes)}`)).toMatchObject({
      ok: false,
      problem: /cannot follow/,
    });
  });

  it("is CRC-32 checked (IEEE 802.3)", () => {
    expect(crc32("123456789")).toBe("cbf43926");
  });
});

describe("the programme in words", () => {
  it("names the prescriber plainly and every exercise in session order", () => {
    expect(programmeOwner(sliderOnly)).toBe("Your physiotherapist's programme");
    expect(programmeOwner({ ...sliderOnly, prescriber: { name: "Dr Ada Ng", role: "GP" } })).toBe(
      "Your GP's programme",
    );
    expect(programmeOwner({ ...sliderOnly, prescriber: { name: "Sam Lee" } })).toBe(
      "Sam Lee's programme",
    );
    expect(programmeLines(sliderOnly)).toEqual([
      "Sliding hamstring floss: Nerve slider with head nod only; 40–45 s each side; starting at Nerve slider with head nod, 40 s each side.",
      "Strap-supported hamstring stretch: left out.",
      "Box-breath hip rolls, Hip hinge practice, Glute bridge, Dead bug: as Limber decides.",
      "Progression: slower: at most one step up a fortnight, after three comfortable sessions.",
      "Practice: 4 days a week.",
      "From 2 Nov 2026, with no end date.",
    ]);
  });
});
