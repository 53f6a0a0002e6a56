import { VARIANTS, variantById } from "@limber/core";
import { howToSteps } from "@limber/core/words";
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import {
  ANKLE,
  BACK,
  type Body,
  dist,
  FLOOR,
  flexion,
  MAT,
  midfoot,
  type Pt,
  pose,
  SEG,
  spineAt,
} from "./body.ts";
import { cropOf, dowelLine, HEAD_R, heelOf, positions, strapLines, weightAt } from "./draw.tsx";
import { SCENES, sceneOf } from "./figures.tsx";
import { Illustration, StartAndEnd, specAt, viewBoxOf } from "./illustration.tsx";
import { backDepth } from "./outline.ts";

const ids = VARIANTS.map((variant) => variant.id);
const count = (html: string, needle: string) => html.split(needle).length - 1;
const scene = (id: string) => {
  const found = sceneOf(id);
  if (!found) throw new Error(`no scene for ${id}`);
  return found;
};

/** Moments through a movement, the far side's turn included where the limbs take turns. */
const MOMENTS = [0, 0.1, 0.25, 0.4, 0.5, 0.6, 0.75, 0.9, 1].flatMap((t) => [
  { t, swap: false },
  { t, swap: true },
]);
const bodiesOf = (id: string): [string, Body][] => {
  const s = scene(id);
  const moving = MOMENTS.filter((m) => !m.swap || s.motion?.alternate).map((m): [string, Body] => [
    `t=${m.t}${m.swap ? " far" : ""}`,
    pose(specAt(s, m)),
  ]);
  return [...(s.setup ? [["setup", pose(s.setup)] as [string, Body]] : []), ...moving];
};

/** A pose as numbers, to tell two pictures apart. */
const reading = (body: Body) =>
  [body.head, body.hip, body.arch ?? [0, 0], ...body.legs.flat(), ...body.arms.flat()]
    .flat()
    .concat(body.breath, body.face)
    .map((n) => n.toFixed(1))
    .join(" ");

describe("every variant has its own drawing", () => {
  it("draws exactly the catalog's variants", () => {
    expect(Object.keys(SCENES).sort()).toEqual([...ids].sort());
  });

  it.each(ids)("%s starts and ends in different positions", (id) => {
    const s = scene(id);
    expect(reading(pose(s.start))).not.toBe(reading(pose(s.end)));
  });

  it("never gives two variants the same start and end", () => {
    const pictures = ids.map(
      (id) => `${reading(pose(scene(id).start))} | ${reading(pose(scene(id).end))}`,
    );
    expect(new Set(pictures).size).toBe(ids.length);
    expect(new Set(ids.map((id) => scene(id))).size).toBe(ids.length);
  });

  it.each(ids)("%s has a picture for every one of its how-to steps", (id) => {
    for (const step of howToSteps(variantById(id))) {
      if (step.shows === "setup") expect(scene(id).setup, `${id} setup`).toBeDefined();
      const html = renderToString(<Illustration variant={id} label="step" picture={step.shows} />);
      expect(count(html, 'class="person')).toBe(step.shows === "move" ? 2 : 1);
    }
  });

  it.each(ids)("%s renders an accessible picture of its movement", (id) => {
    const html = renderToString(<Illustration variant={id} label={`${id} picture`} />);
    expect(html).toMatch(/^<svg /);
    expect(html).toContain('role="img"');
    expect(html).toContain(`aria-label="${id} picture"`);
    expect(html).toContain(`viewBox="${viewBoxOf(id)}"`);
    expect(html).toContain(`data-drawing="${id}"`);
    expect(count(html, 'class="person ghost"')).toBe(1);
    expect(count(html, 'class="person"')).toBe(1);
    expect(count(html, 'class="arrow"')).toBe(1);
  });

  it("shows the start and end side by side, labelled, mirrored for the left side", () => {
    const html = renderToString(
      <StartAndEnd variant="strap-knee-bent" label="Strap stretch" side="left" />,
    );
    expect(count(html, 'role="img"')).toBe(1);
    expect(html).toContain('aria-label="Strap stretch: start and end, side by side"');
    expect(count(html, "<svg")).toBe(2);
    expect(html).toContain(">Start<");
    expect(html).toContain(">End<");
    expect(count(html, "scale(-1 1)")).toBe(2);
  });

  it("draws an empty frame, not a stranger's picture, for an unknown variant", () => {
    const html = renderToString(<Illustration variant="toString" label="Exercise" />);
    expect(html).toContain('aria-label="Exercise"');
    expect(html).not.toContain("person");
  });
});

describe("every prop a variant lists is drawn where it is used", () => {
  it.each(ids)("%s draws its props", (id) => {
    const html = renderToString(<Illustration variant={id} label={id} picture="end" />);
    const props = variantById(id).props;
    for (const prop of props) expect(html, prop).toContain(`data-prop="${prop}"`);
    expect(count(html, "data-prop=")).toBe(
      props.length + (props.includes("strap") ? 1 : 0), // a strap has a strand for each hand
    );
  });

  const using = (prop: string) => ids.filter((id) => variantById(id).props.includes(prop as never));

  it.each(using("strap"))("%s: the strap runs from both hands to the middle of the foot", (id) => {
    for (const [, body] of bodiesOf(id)) {
      const lines = strapLines(body);
      expect(lines).toHaveLength(2);
      const sole = midfoot(body.legs[0] ?? []);
      for (const [i, line] of lines.entries()) {
        const hand = body.arms[i]?.[2] as Pt;
        expect(line).toContainEqual(hand);
        expect(dist(line.at(-1) as Pt, sole)).toBeLessThan(4);
      }
    }
  });

  it.each(using("dowel"))("%s: the dowel touches the head, the upper back and the sacrum", (id) => {
    for (const [, body] of bodiesOf(id)) {
      const [a, b] = dowelLine(body);
      const off = (p: Pt) => {
        // Distance from the dowel's line, positive on the body's side.
        const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
        return ((p[0] - a[0]) * dy - (p[1] - a[1]) * dx) / Math.hypot(dx, dy);
      };
      expect(Math.abs(Math.abs(off(body.head)) - HEAD_R)).toBeLessThan(0.6);
      for (const s of [0.78, 0.12]) {
        const [spine] = spineAt(body, s);
        expect(Math.abs(Math.abs(off(spine)) - backDepth(s))).toBeLessThan(0.6);
        expect(backDepth(s)).toBe(BACK);
      }
      // Held: the near hand at the small of the back grips it.
      expect(Math.abs(off(body.arms[0]?.[2] as Pt))).toBeLessThan(0.6);
    }
  });

  it.each(using("light-weight"))("%s: the weight hangs from the hands", (id) => {
    for (const [, body] of bodiesOf(id)) {
      const { handle, bell } = weightAt(body);
      expect(handle).toEqual(body.arms[0]?.[2]);
      // Both hands are on the handle.
      expect(dist(body.arms[1]?.[2] as Pt, handle)).toBeLessThan(4);
      expect(bell[1]).toBeGreaterThan(handle[1]);
      expect(bell[1] + 6.5).toBeLessThan(FLOOR);
    }
  });

  it.each(using("stool"))("%s: the raised heel rests on the stool", (id) => {
    const [x1, x2, top] = scene(id).stool ?? [0, 0, 0];
    for (const [name, body] of bodiesOf(id)) {
      if (name === "setup") continue;
      const [x, y] = heelOf(body.legs[0] ?? []);
      expect(y).toBeCloseTo(top, 1);
      expect(x).toBeGreaterThan(x1);
      expect(x).toBeLessThan(x2);
    }
  });

  it.each(using("chair"))("%s: the seat is under the hips", (id) => {
    const [x, seat] = scene(id).chair ?? [0, 0];
    for (const [, body] of bodiesOf(id)) {
      expect(body.hip[0]).toBeGreaterThan(x);
      expect(body.hip[0]).toBeLessThan(x + 42);
      // The buttocks, a back's depth below the hip, sit on it.
      expect(body.hip[1] + 8).toBeCloseTo(seat, 0);
    }
  });

  it.each(using("mat").filter((id) => variantById(id).position === "supine"))(
    "%s: the back rests on the mat",
    (id) => {
      for (const [, body] of bodiesOf(id)) {
        const [shoulderBlades, dir] = spineAt(body, 0.95);
        // The upper back always rests; the head too.
        const below =
          shoulderBlades[1] + backDepth(0.95) * Math.abs(Math.sin(((dir + 90) * Math.PI) / 180));
        expect(below).toBeGreaterThan(FLOOR - MAT - 3);
        expect(body.head[1] + HEAD_R).toBeCloseTo(FLOOR - MAT, 0);
      }
    },
  );
});

describe("the geometry holds through the whole movement", () => {
  it.each(ids)("%s keeps every limb its length, at every moment", (id) => {
    for (const [moment, body] of bodiesOf(id)) {
      const label = `${id} ${moment}`;
      expect(dist(body.hip, body.shoulder), label).toBeCloseTo(SEG.torso, 5);
      for (const [hip, knee, ankle, toe] of body.legs) {
        expect(dist(hip as Pt, knee as Pt), label).toBeCloseTo(SEG.thigh, 5);
        expect(dist(knee as Pt, ankle as Pt), label).toBeCloseTo(SEG.shin, 5);
        expect(dist(ankle as Pt, toe as Pt), label).toBeCloseTo(SEG.foot, 5);
      }
      for (const [shoulder, elbow, hand] of body.arms) {
        expect(dist(shoulder as Pt, elbow as Pt), label).toBeCloseTo(SEG.upperArm, 5);
        expect(dist(elbow as Pt, hand as Pt), label).toBeCloseTo(SEG.forearm, 5);
      }
    }
  });

  it.each(ids)("%s bends every knee and elbow the right way, at every moment", (id) => {
    for (const [moment, body] of bodiesOf(id)) {
      for (const leg of body.legs) {
        expect(flexion(leg, "knee"), `${id} ${moment} knee`).toBeGreaterThanOrEqual(-1);
        expect(flexion(leg, "knee"), `${id} ${moment} knee`).toBeLessThanOrEqual(150);
      }
      for (const arm of body.arms) {
        expect(flexion(arm, "elbow"), `${id} ${moment} elbow`).toBeGreaterThanOrEqual(-1);
        expect(flexion(arm, "elbow"), `${id} ${moment} elbow`).toBeLessThanOrEqual(160);
      }
    }
  });

  it.each(ids)("%s stays inside its picture and above the floor", (id) => {
    const [x, y, width] = cropOf(scene(id));
    for (const spec of positions(scene(id))) {
      const body = pose(spec);
      for (const [px, py] of [body.head, body.hip, ...body.legs.flat(), ...body.arms.flat()]) {
        expect(px).toBeGreaterThanOrEqual(x);
        expect(px).toBeLessThanOrEqual(x + width);
        expect(py).toBeGreaterThanOrEqual(y);
        expect(py).toBeLessThanOrEqual(FLOOR);
      }
    }
  });

  it.each(ids.filter((id) => variantById(id).position === "standing"))(
    "%s stands on the floor",
    (id) => {
      for (const [, body] of bodiesOf(id)) {
        const feet = body.legs.map((leg) => leg[2]?.[1] ?? 0);
        expect(Math.max(...feet)).toBeGreaterThanOrEqual(ANKLE - 6);
        expect(Math.max(...feet)).toBeLessThanOrEqual(ANKLE + 0.5);
      }
    },
  );
});
