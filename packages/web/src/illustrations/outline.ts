import {
  angleOf,
  BACK,
  type Body,
  dist,
  frontDepth,
  lerp,
  type Pt,
  SOLE,
  spineAt,
  step,
} from "./body.ts";

/**
 * The body's flesh around its skeleton, as SVG path data: limbs as tapered capsules, the torso
 * and pelvis as one smooth outline, a head with a nose to show which way the face looks, hands
 * and feet. Every shape is drawn clockwise, so shapes joined in one path fill as their union.
 */

const f = (n: number) => Math.round(n * 10) / 10;
const xy = (p: Pt) => `${f(p[0])} ${f(p[1])}`;

/** Limb widths (radii) at each joint: thick at the hip and shoulder, thinner toward hand and foot. */
export const WIDTH = {
  hip: 8,
  knee: 5.4,
  ankle: 3.4,
  shoulder: 4.6,
  elbow: 3.6,
  wrist: 2.8,
  hand: 3.6,
  neck: 4,
} as const;

/** A circle, drawn clockwise. */
export function circle(c: Pt, r: number): string {
  const a: Pt = [c[0] + r, c[1]];
  const b: Pt = [c[0] - r, c[1]];
  return `M${xy(a)}A${f(r)} ${f(r)} 0 0 1 ${xy(b)}A${f(r)} ${f(r)} 0 0 1 ${xy(a)}Z`;
}

/** Two circles and the outer tangents between them: a limb segment, round at both ends. */
export function capsule(a: Pt, ra: number, b: Pt, rb: number): string {
  const d = dist(a, b);
  if (d <= Math.abs(ra - rb) + 0.01) return circle(ra >= rb ? a : b, Math.max(ra, rb));
  // In screen space (y down), angles grow clockwise.
  const theta = Math.atan2(b[1] - a[1], b[0] - a[0]);
  const alpha = Math.acos((ra - rb) / d);
  const at = (c: Pt, r: number, angle: number): Pt => [
    c[0] + r * Math.cos(angle),
    c[1] + r * Math.sin(angle),
  ];
  const a1 = at(a, ra, theta - alpha);
  const b1 = at(b, rb, theta - alpha);
  const b2 = at(b, rb, theta + alpha);
  const a2 = at(a, ra, theta + alpha);
  return `M${xy(a1)}L${xy(b1)}A${f(rb)} ${f(rb)} 0 0 1 ${xy(b2)}L${xy(a2)}A${f(ra)} ${f(ra)} 0 1 1 ${xy(a1)}Z`;
}

/** A closed smooth curve through the points (Catmull-Rom as cubic Béziers). */
export function smooth(points: readonly Pt[]): string {
  const n = points.length;
  const p = (i: number) => points[((i % n) + n) % n] as Pt;
  let d = `M${xy(p(0))}`;
  for (let i = 0; i < n; i++) {
    const [p0, p1, p2, p3] = [p(i - 1), p(i), p(i + 1), p(i + 2)];
    const c1: Pt = [p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6];
    const c2: Pt = [p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6];
    d += `C${xy(c1)} ${xy(c2)} ${xy(p2)}`;
  }
  return `${d}Z`;
}

/** Signed area (screen space): positive for a clockwise outline. */
function area(points: readonly Pt[]): number {
  let sum = 0;
  for (const [i, a] of points.entries()) {
    const b = points[(i + 1) % points.length] as Pt;
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return sum / 2;
}

/**
 * The back's depth behind the spine line along its length (s 0 at the hip, 1 at the shoulder):
 * full at the sacrum and the shoulder blades, a little less at the small of the back, so a
 * straight dowel laid along it touches those two and the back of the head.
 */
const BACK_PROFILE: readonly [number, number, number][] = [
  // s, back, front (NaN: the breathing front, frontDepth)
  [-0.26, 2.5, 2],
  [-0.17, 6.6, 5.6],
  [-0.05, BACK - 0.4, 7.4],
  [0.12, BACK, Number.NaN],
  [0.35, BACK - 1.7, Number.NaN],
  [0.56, BACK - 1, Number.NaN],
  [0.78, BACK, Number.NaN],
  [0.95, BACK - 0.8, Number.NaN],
  [1.07, 5.6, 5],
  [1.13, 2, 2],
];

/** How deep the back is behind the spine line at `s`, read from the profile. */
export function backDepth(s: number): number {
  for (const [i, [s1, b1]] of BACK_PROFILE.entries()) {
    const next = BACK_PROFILE[i + 1];
    if (!next) return b1;
    const [s2, b2] = next;
    if (s <= s2) return s <= s1 ? b1 : b1 + ((b2 - b1) * (s - s1)) / (s2 - s1);
  }
  return BACK;
}

/** The torso and pelvis as one outline around the (possibly arched) spine. */
export function torsoOutline(body: Body): Pt[] {
  const front: Pt[] = [];
  const back: Pt[] = [];
  for (const [s, behind, ahead] of BACK_PROFILE) {
    const [p, dir] = spineAt(body, s);
    const forward = Number.isNaN(ahead) ? frontDepth(s, body.breath) : ahead;
    front.push(step(p, forward, dir - 90));
    back.push(step(p, behind, dir + 90));
  }
  const points = [...front, ...back.reverse()];
  return area(points) >= 0 ? points : points.reverse();
}

/** The head: a round skull and a small nose on the side the face looks toward. */
export function headPath(body: Body, r: number): string {
  const nose = step(body.head, r - 0.2, body.face + 4);
  return `${circle(body.head, r)}${circle(nose, 1.9)}`;
}

/** Where the eye sits, for a dot in the background colour. */
export function eyeAt(body: Body, r: number): Pt {
  return step(body.head, r * 0.5, body.face + 32);
}

/** The torso, neck and head, as one path. */
export function trunkPath(body: Body, headR: number): string {
  const [neckBase] = spineAt(body, 1);
  const neck = capsule(neckBase, WIDTH.neck, lerp(neckBase, body.head, 0.8), WIDTH.neck - 0.5);
  return `${smooth(torsoOutline(body))}${neck}${headPath(body, headR)}`;
}

export const HEEL_R = 3.4;

/** The centre of the heel's round, for an ankle and the direction its foot points. */
export function heelCentre(ankle: Pt, dir: number): Pt {
  return step(step(ankle, -2.4, dir), SOLE - HEEL_R, dir - 90);
}

/** A leg, hip to toe: thigh, shin and a foot with a heel. */
export function legPath(leg: readonly Pt[]): string {
  const [hip, knee, ankle, toe] = leg;
  if (!hip || !knee || !ankle || !toe) return "";
  const dir = angleOf(ankle, toe);
  // The ball of the foot sits, like the heel, so that the sole is SOLE below the ankle-to-toe line.
  const ball = step(step(ankle, 10.6, dir), SOLE - 2.2, dir - 90);
  return [
    capsule(hip, WIDTH.hip, knee, WIDTH.knee),
    capsule(knee, WIDTH.knee, ankle, WIDTH.ankle),
    capsule(heelCentre(ankle, dir), HEEL_R, ball, 2.2),
  ].join("");
}

/** An arm, shoulder to hand, the hand a little rounder than the wrist. */
export function armPath(arm: readonly Pt[]): string {
  const [shoulder, elbow, hand] = arm;
  if (!shoulder || !elbow || !hand) return "";
  return [
    capsule(shoulder, WIDTH.shoulder, elbow, WIDTH.elbow),
    capsule(elbow, WIDTH.elbow, hand, WIDTH.wrist),
    circle(hand, WIDTH.hand),
  ].join("");
}
