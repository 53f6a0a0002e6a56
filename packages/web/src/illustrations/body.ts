/**
 * The geometry behind every illustration: one side-view stick body with fixed segment lengths,
 * posed by joint angles (forward kinematics) or by where a foot or hand must land (two-bone
 * reach), so a limb never stretches between the start and the end of a movement.
 *
 * Angles are in degrees, 0 pointing right and 90 pointing up (y is flipped into SVG space).
 * Every figure faces right: standing figures look right, lying figures have their head on the
 * left. With that convention a knee bends the right way when the shin angle is below the thigh
 * angle, and an elbow when the forearm angle is above the upper-arm angle.
 */

export type Pt = readonly [number, number];

/** The drawing area shared by every illustration. */
export const VIEW = { width: 240, height: 160 } as const;
/** The floor line. */
export const FLOOR = 146;
/** Height of the spine line of a body lying on the floor. */
export const LIE = FLOOR - 5;
/** Height of an ankle whose foot rests flat on the floor. */
export const ANKLE = FLOOR - 4;

/** Segment lengths, shared by every figure so the catalog reads as one person. */
export const SEG = {
  head: 9,
  neck: 15,
  torso: 40,
  thigh: 34,
  shin: 32,
  foot: 12,
  upperArm: 27,
  forearm: 25,
} as const;

const RAD = Math.PI / 180;

/** The point `length` away from `from` in direction `deg`. */
export function step(from: Pt, length: number, deg: number): Pt {
  return [from[0] + length * Math.cos(deg * RAD), from[1] - length * Math.sin(deg * RAD)];
}

/** Direction from `a` to `b`, in degrees. */
export function angleOf(a: Pt, b: Pt): number {
  return Math.atan2(a[1] - b[1], b[0] - a[0]) / RAD;
}

export function dist(a: Pt, b: Pt): number {
  return Math.hypot(b[0] - a[0], b[1] - a[1]);
}

export function lerp(a: Pt, b: Pt, t: number): Pt {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

/** An angle folded into (-180, 180]. */
export function norm(deg: number): number {
  const d = ((((deg + 180) % 360) + 360) % 360) - 180;
  return d === -180 ? 180 : d;
}

/**
 * Two segments from `root` reaching for `target`. `bend` +1 puts the middle joint
 * counter-clockwise of the line (a knee), -1 clockwise (an elbow). Out-of-reach targets are
 * approached as closely as the segments allow.
 */
function reach(root: Pt, target: Pt, a: number, b: number, bend: 1 | -1): [Pt, Pt] {
  const d = Math.min(Math.max(dist(root, target), Math.abs(a - b) + 0.01), a + b - 0.01);
  const cos = (a * a + d * d - b * b) / (2 * a * d);
  const joint = step(root, a, angleOf(root, target) + bend * (Math.acos(cos) / RAD));
  return [joint, step(joint, b, angleOf(joint, target))];
}

/**
 * A leg by absolute thigh and shin angles, or by where its ankle rests. `foot` defaults to flat
 * on the floor for an ankle at floor height, and to a neutral ankle elsewhere.
 */
export type Leg = { thigh: number; shin: number; foot?: number } | { ankle: Pt; foot?: number };

/**
 * An arm by angles, by where its hand rests, by both joints (for an arm seen foreshortened, e.g.
 * an elbow resting on the floor beside the body), holding a strap running to the first leg's
 * foot, or resting on the first leg's thigh (`at` 0 at the hip, 1 at the knee).
 */
export type Arm =
  | { upper: number; fore: number }
  | { hand: Pt }
  | { elbow: Pt; hand: Pt }
  | { strap: number }
  | { thigh: number };

export interface FigureSpec {
  /** The hip joint. */
  hip: Pt;
  /** Direction from hip to shoulder. */
  trunk: number;
  /** Direction from shoulder to head centre; defaults to the trunk's. */
  neck?: number;
  /** Bend of the spine: how far it bulges toward the front, and where (0 at the hip, 1 at the shoulder). */
  arch?: readonly [by: number, at: number];
  /** The first leg is the one that moves (and wears the strap). */
  legs: Leg[];
  arms: Arm[];
}

/** A posed body: every joint as a point. Legs run hip, knee, ankle, toe; arms shoulder, elbow, hand. */
export interface Body {
  head: Pt;
  shoulder: Pt;
  hip: Pt;
  trunk: number;
  /** Control point of the spine curve, when it bends. */
  arch: Pt | null;
  legs: Pt[][];
  arms: Pt[][];
}

function poseLeg(hip: Pt, leg: Leg): Pt[] {
  let knee: Pt;
  let ankle: Pt;
  if ("ankle" in leg) [knee, ankle] = reach(hip, leg.ankle, SEG.thigh, SEG.shin, 1);
  else {
    knee = step(hip, SEG.thigh, leg.thigh);
    ankle = step(knee, SEG.shin, leg.shin);
  }
  // A foot with its ankle at floor height lies flat; otherwise the ankle is neutral.
  const foot = leg.foot ?? (ankle[1] >= ANKLE - 1 ? 0 : angleOf(knee, ankle) + 90);
  return [hip, knee, ankle, step(ankle, SEG.foot, foot)];
}

/** The middle of the sole of a leg (where a strap loops). */
export function midfoot(leg: Pt[]): Pt {
  const [, , ankle, toe] = leg;
  return ankle && toe ? lerp(ankle, toe, 0.5) : [0, 0];
}

function poseArm(shoulder: Pt, arm: Arm, legs: Pt[][]): Pt[] {
  const { upperArm: a, forearm: b } = SEG;
  const first = legs[0] ?? [];
  if ("upper" in arm) {
    const elbow = step(shoulder, a, arm.upper);
    return [shoulder, elbow, step(elbow, b, arm.fore)];
  }
  if ("elbow" in arm) return [shoulder, arm.elbow, arm.hand];
  let target: Pt;
  if ("hand" in arm) target = arm.hand;
  else if ("strap" in arm) target = step(shoulder, arm.strap, angleOf(shoulder, midfoot(first)));
  else {
    const [hip = shoulder, knee = shoulder] = first;
    // Resting on the top of the thigh: a little toward the front of the leg.
    target = step(lerp(hip, knee, arm.thigh), 3, angleOf(hip, knee) + 90);
  }
  return [shoulder, ...reach(shoulder, target, a, b, -1)];
}

/** Pose a body from its spec. */
export function pose(spec: FigureSpec): Body {
  const shoulder = step(spec.hip, SEG.torso, spec.trunk);
  const head = step(shoulder, SEG.neck, spec.neck ?? spec.trunk);
  const legs = spec.legs.map((leg) => poseLeg(spec.hip, leg));
  const arms = spec.arms.map((arm) => poseArm(shoulder, arm, legs));
  let arch: Pt | null = null;
  if (spec.arch) {
    const [by, at] = spec.arch;
    // A quadratic curve peaks at half its control point's offset.
    arch = step(lerp(spec.hip, shoulder, at), 2 * by, spec.trunk - 90);
  }
  return { head, shoulder, hip: spec.hip, trunk: spec.trunk, arch, legs, arms };
}

/** A point `along` the back of a spine (from the hip toward the head) and `behind` it. */
export function behindBack(hip: Pt, trunk: number, along: number, behind: number): Pt {
  return step(step(hip, along, trunk), behind, trunk + 90);
}

/** Flexion of the middle joint of a limb (knee or elbow), in degrees; negative bends backwards. */
export function flexion(limb: Pt[], kind: "knee" | "elbow"): number {
  const [a, b, c] = limb;
  if (!a || !b || !c) return 0;
  const bend = norm(angleOf(a, b) - angleOf(b, c));
  return kind === "knee" ? bend : -bend;
}
