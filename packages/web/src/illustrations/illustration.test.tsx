import { VARIANTS } from "@limber/core";
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { ANKLE, dist, FLOOR, flexion, pose, SEG, VIEW } from "./body.ts";
import { SCENES } from "./figures.tsx";
import { Illustration, viewBoxOf } from "./illustration.tsx";

const ids = VARIANTS.map((variant) => variant.id);
const count = (html: string, needle: string) => html.split(needle).length - 1;

describe("Illustration", () => {
  it("renders an accessible image, cropped to the floor band for a lying pose", () => {
    const html = renderToString(<Illustration variant="bridge" label="Glute bridge" />);
    expect(html).toMatch(/^<svg /);
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="Glute bridge"');
    expect(html).toContain('viewBox="0 56 240 104"');
    expect(html).toContain('class="illustration"');
    const standing = renderToString(<Illustration variant="hinge-dowel" label="Hip hinge" />);
    expect(standing).toContain('viewBox="0 0 240 160"');
  });

  it.each(ids)("draws %s with a start pose, an end pose and an arrow", (id) => {
    const html = renderToString(<Illustration variant={id} label={id} />);
    expect(html).toContain(`data-drawing="${id}"`);
    expect(count(html, 'class="start"')).toBe(1);
    expect(count(html, 'class="end"')).toBe(1);
    expect(count(html, 'class="arrow"')).toBe(1);
    expect(html).toMatch(/<g class="end" opacity="0.45" stroke-dasharray="[\d ]+">/);
    // Both poses have a head.
    expect(count(html, `r="${SEG.head}"`)).toBeGreaterThanOrEqual(2);
  });

  it("draws a plain figure for an unknown variant", () => {
    const html = renderToString(<Illustration variant="no-such-variant" label="Exercise" />);
    expect(html).toContain('data-drawing="fallback"');
    expect(html).toContain('aria-label="Exercise"');
    expect(html).not.toContain('class="end"');
    expect(renderToString(<Illustration variant="toString" label="x" />)).toContain(
      'data-drawing="fallback"',
    );
  });

  it("marks the animated variant for the stylesheet", () => {
    const html = renderToString(<Illustration variant="bridge" label="Bridge" animated />);
    expect(html).toContain('class="illustration animated"');
  });

  it("draws only catalog variants", () => {
    expect(Object.keys(SCENES).sort()).toEqual([...ids].sort());
  });
});

describe("poses", () => {
  const bodies = Object.entries(SCENES).flatMap(([id, scene]) => [
    [`${id} start`, pose(scene.start), scene.setting !== undefined] as const,
    [`${id} end`, pose(scene.end), scene.setting !== undefined] as const,
  ]);

  it.each(bodies)("%s bends every knee and elbow the right way", (_, body) => {
    for (const leg of body.legs) {
      expect(flexion(leg, "knee")).toBeGreaterThanOrEqual(-1);
      expect(flexion(leg, "knee")).toBeLessThanOrEqual(150);
    }
    for (const arm of body.arms) {
      expect(flexion(arm, "elbow")).toBeGreaterThanOrEqual(-1);
      expect(flexion(arm, "elbow")).toBeLessThanOrEqual(160);
    }
  });

  it.each(bodies)("%s keeps its limb lengths and stays in the picture", (_, body) => {
    for (const [hip, knee, ankle] of body.legs) {
      if (!hip || !knee || !ankle) throw new Error("a leg needs a hip, a knee and an ankle");
      expect(dist(hip, knee)).toBeCloseTo(SEG.thigh, 0);
      expect(dist(knee, ankle)).toBeCloseTo(SEG.shin, 0);
    }
    for (const [x, y] of [
      body.head,
      body.shoulder,
      body.hip,
      ...body.legs.flat(),
      ...body.arms.flat(),
    ]) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(VIEW.width);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(FLOOR);
    }
    expect(body.head[1] + SEG.head).toBeLessThanOrEqual(FLOOR);
  });

  const lying = new Set(VARIANTS.filter((v) => v.position === "supine").map((v) => `${v.id}`));
  it.each(bodies.filter(([name]) => lying.has(name.split(" ")[0] ?? "")))(
    "%s stays inside the lower band its picture shows",
    (_, body) => {
      const [, top] = viewBoxOf(_.split(" ")[0] ?? "")
        .split(" ")
        .map(Number);
      for (const [, y] of [body.head, ...body.legs.flat(), ...body.arms.flat()]) {
        // Room above the highest joint for the arrow that shows the movement.
        expect(y).toBeGreaterThanOrEqual((top ?? 0) + 12);
      }
    },
  );

  it.each(bodies)("%s rests on the floor unless it sits on furniture", (_, body, furnished) => {
    const points = [body.hip, ...body.legs.flatMap((leg) => leg.slice(1))];
    const lowest = Math.max(...points.map(([, y]) => y));
    if (!furnished) expect(lowest).toBeGreaterThanOrEqual(ANKLE - 6);
  });
});
