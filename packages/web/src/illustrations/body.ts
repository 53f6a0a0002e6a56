/**
 * The geometry behind every illustration: one side-view body with fixed segment lengths, posed
 * by joint angles (forward kinematics) or by where a foot or hand must land (two-bone reach), so
 * a limb never stretches between the start and the end of a movement, nor anywhere between.
 *
 * Angles are in degrees, 0 pointing right and 90 pointing up (y is flipped into SVG space).
 * Every figure faces right: standing figures look right, lying figures have their head on the
 * left. With that convention a knee bends the right way when the shin angle is below the thigh
 * angle, and an elbow when the forearm angle is above the upper-arm angle. Seen this way the
 * person's right side is toward the viewer: the first leg and arm of a spec are the near ones.
 */

export type Pt = readonly [number, number];

/** The drawing area shared by every illustration. */
export const VIEW = { width: 240, height: 160 } as const;
/** The floor line. */
export const FLOOR = 146;
/** The mat's thickness; lying and kneeling figures rest on it. */
export const MAT = 3;
/** Half the depth of the back at the shoulder blades and the sacrum: a dowel laid on the back touches both, and the head. */
export const BACK = 9;
/** Height of the spine line of a body lying on its back on the mat. */
export const LIE = FLOOR - MAT - BACK;
/** Height of an ankle whose foot rests flat on the floor, and on the mat. */
export const ANKLE = FLOOR - 4;
export const ANKLE_ON_MAT = ANKLE - MAT;

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

const mix = (a: number, b: number, t: number) => a + (b - a) * t;

/** An angle folded into (-180, 180]. */
export function norm(deg: number): number {
  const d = ((((deg + 180) % 360) + 360) % 360) - 180;
  return d === -180 ? 180 : d;
}

/** From angle `a` toward angle `b` the short way round. */
function turn(a: number, b: number, t: number): number {
  return a + norm(b - a) * t;
}

/**
 * Two segments from `root` reaching for `target`. `bend` +1 puts the middle joint
 * counter-clockwise of the line (a knee), -1 clockwise (an elbow). Out-of-reach targets are
 * approached as closely as the segments allow; the segments keep their lengths either way.
 */
function reach(root: Pt, target: Pt, a: number, b: number, bend: 1 | -1): [Pt, Pt] {
  const d = Math.min(Math.max(dist(root, target), Math.abs(a - b) + 0.01), a + b - 0.01);
  const cos = (a * a + d * d - b * b) / (2 * a * d);
  const joint = step(root, a, angleOf(root, target) + bend * (Math.acos(cos) / RAD));
  return [joint, step(joint, b, angleOf(joint, target))];
}

/**
 * A leg by absolute thigh and shin angles, or by where its ankle rests. `foot` defaults to flat
 * on the floor (or the mat) for an ankle at that height, and to a neutral ankle elsewhere.
 */
export type Leg = { thigh: number; shin: number; foot?: number } | { ankle: Pt; foot?: number };

/**
 * An arm by angles, by where its hand rests, holding a strap running to the first leg's foot,
 * holding the first leg's thigh (`at` 0 at the hip, 1 at the knee; on its front or its back), or
 * resting on the body (`torso` 0 at the hip, 1 at the shoulder, past 1 above it; at its side, on
 * its front, or a back's depth behind the spine, where a dowel lies).
 */
export type Arm =
  | { upper: number; fore: number }
  | { hand: Pt }
  | { strap: number }
  | { thigh: number; back?: boolean }
  | { torso: number; on?: "front" | "back" };

export interface FigureSpec {
  /** The hip joint. */
  hip: Pt;
  /** Direction from hip to shoulder. */
  trunk: number;
  /** Direction from shoulder to head centre; defaults to the trunk's. */
  neck?: number;
  /** The head's nod on the neck, in degrees: positive brings the chin toward the chest. */
  nod?: number;
  /** Bend of the spine: how far it bulges toward the front, and where (0 at the hip, 1 at the shoulder). */
  arch?: readonly [by: number, at: number];
  /** How full the breath is, 0 (out) to 1 (in): the belly and ribs rise with it. */
  breath?: number;
  /** The near leg first (it moves, and wears the strap), then the far one. */
  legs: Leg[];
  /** The near arm first, then the far one. */
  arms: Arm[];
}

/** A posed body: every joint as a point. Legs run hip, knee, ankle, toe; arms shoulder, elbow, hand. */
export interface Body {
  head: Pt;
  /** The direction the face looks. */
  face: number;
  shoulder: Pt;
  hip: Pt;
  trunk: number;
  /** Control point of the spine curve, when it bends. */
  arch: Pt | null;
  breath: number;
  legs: Pt[][];
  arms: Pt[][];
}

/** The surface lies within a hair of the floor or the mat: the foot there rests flat. */
function restsFlat(ankle: Pt): boolean {
  return Math.abs(ankle[1] - ANKLE) < 1 || Math.abs(ankle[1] - ANKLE_ON_MAT) < 1;
}

function poseLeg(hip: Pt, leg: Leg): Pt[] {
  let knee: Pt;
  let ankle: Pt;
  if ("ankle" in leg) [knee, ankle] = reach(hip, leg.ankle, SEG.thigh, SEG.shin, 1);
  else {
    knee = step(hip, SEG.thigh, leg.thigh);
    ankle = step(knee, SEG.shin, leg.shin);
  }
  const foot = leg.foot ?? (restsFlat(ankle) ? 0 : angleOf(knee, ankle) + 90);
  return [hip, knee, ankle, step(ankle, SEG.foot, foot)];
}

/** The middle of the sole of a leg (where a strap loops). */
export function midfoot(leg: readonly Pt[]): Pt {
  const [, , ankle, toe] = leg;
  if (!ankle || !toe) return [0, 0];
  return step(lerp(ankle, toe, 0.45), SOLE, angleOf(ankle, toe) - 90);
}

/** From the line of the foot (ankle to toe) to its sole. */
export const SOLE = 4;

/**
 * The front of the body at `s` along the spine (0 at the hip, 1 at the shoulder): how far in
 * front of the spine line the belly, ribs and chest sit, breathing included.
 */
export function frontDepth(s: number, breath: number): number {
  const belly = Math.max(0, 1 - Math.abs(s - 0.35) / 0.3);
  const chest = Math.max(0, 1 - Math.abs(s - 0.75) / 0.25);
  return 8 + 1.5 * chest + breath * (4.5 * belly + 2 * chest);
}

/** A point on the spine curve at `s` (0 hip, 1 shoulder), and the curve's direction there. */
export function spineAt(body: Pick<Body, "hip" | "shoulder" | "arch">, s: number): [Pt, number] {
  const { hip, shoulder, arch } = body;
  if (!arch || s < 0 || s > 1) {
    const dir = angleOf(hip, shoulder);
    return [step(hip, SEG.torso * s, dir), dir];
  }
  const a = lerp(lerp(hip, arch, s), lerp(arch, shoulder, s), s);
  const tangent = angleOf(lerp(hip, arch, s), lerp(arch, shoulder, s));
  return [a, tangent];
}

function poseArm(body: Omit<Body, "arms">, arm: Arm): Pt[] {
  const { upperArm: a, forearm: b } = SEG;
  const { shoulder } = body;
  const first = body.legs[0] ?? [];
  if ("upper" in arm) {
    const elbow = step(shoulder, a, arm.upper);
    return [shoulder, elbow, step(elbow, b, arm.fore)];
  }
  let target: Pt;
  if ("hand" in arm) target = arm.hand;
  else if ("strap" in arm) target = step(shoulder, arm.strap, angleOf(shoulder, midfoot(first)));
  else if ("torso" in arm) {
    const [on, dir] = spineAt(body, arm.torso);
    if (arm.on === "front") target = step(on, frontDepth(arm.torso, body.breath) + 2, dir - 90);
    else if (arm.on === "back") target = step(on, BACK, dir + 90);
    else target = on;
  } else {
    const [hip = shoulder, knee = shoulder] = first;
    // On the thigh's front, or wrapped round its back.
    const along = angleOf(hip, knee);
    target = step(lerp(hip, knee, arm.thigh), 3, along + (arm.back ? -90 : 90));
  }
  return [shoulder, ...reach(shoulder, target, a, b, -1)];
}

/** Pose a body from its spec. */
export function pose(spec: FigureSpec): Body {
  const shoulder = step(spec.hip, SEG.torso, spec.trunk);
  const neck = spec.neck ?? spec.trunk;
  const head = step(shoulder, SEG.neck, neck);
  const legs = spec.legs.map((leg) => poseLeg(spec.hip, leg));
  let arch: Pt | null = null;
  if (spec.arch && spec.arch[0] !== 0) {
    const [by, at] = spec.arch;
    // A quadratic curve peaks at half its control point's offset.
    arch = step(lerp(spec.hip, shoulder, at), 2 * by, spec.trunk - 90);
  }
  const torso = {
    head,
    face: neck - 90 - (spec.nod ?? 0),
    shoulder,
    hip: spec.hip,
    trunk: spec.trunk,
    arch,
    breath: spec.breath ?? 0,
    legs,
  };
  return { ...torso, arms: spec.arms.map((arm) => poseArm(torso, arm)) };
}

/** A point `along` the back of a spine (from the hip toward the head) and `behind` it. */
export function behindBack(hip: Pt, trunk: number, along: number, behind: number): Pt {
  return step(step(hip, along, trunk), behind, trunk + 90);
}

/** Flexion of the middle joint of a limb (knee or elbow), in degrees; negative bends backwards. */
export function flexion(limb: readonly Pt[], kind: "knee" | "elbow"): number {
  const [a, b, c] = limb;
  if (!a || !b || !c) return 0;
  const bend = norm(angleOf(a, b) - angleOf(b, c));
  return kind === "knee" ? bend : -bend;
}

/** A leg as angles, whatever way its spec gave it, read back from its posed joints. */
function legAngles(leg: readonly Pt[]): { thigh: number; shin: number; foot: number } {
  const [hip = [0, 0], knee = hip, ankle = knee, toe = ankle] = leg;
  return { thigh: angleOf(hip, knee), shin: angleOf(knee, ankle), foot: angleOf(ankle, toe) };
}

function armAngles(arm: readonly Pt[]): { upper: number; fore: number } {
  const [shoulder = [0, 0], elbow = shoulder, hand = elbow] = arm;
  return { upper: angleOf(shoulder, elbow), fore: angleOf(elbow, hand) };
}

function tweenLeg(a: Leg, b: Leg, posedA: readonly Pt[], posedB: readonly Pt[], t: number): Leg {
  const [angA, angB] = [legAngles(posedA), legAngles(posedB)];
  const foot = turn(a.foot ?? angA.foot, b.foot ?? angB.foot, t);
  // An ankle resting somewhere slides from place to place; otherwise the joints turn.
  if ("ankle" in a && "ankle" in b) return { ankle: lerp(a.ankle, b.ankle, t), foot };
  return { thigh: turn(angA.thigh, angB.thigh, t), shin: turn(angA.shin, angB.shin, t), foot };
}

function tweenArm(a: Arm, b: Arm, posedA: readonly Pt[], posedB: readonly Pt[], t: number): Arm {
  // A hand on the strap, the thigh or the body stays there as it moves; otherwise the joints turn.
  if ("strap" in a && "strap" in b) return { strap: mix(a.strap, b.strap, t) };
  if ("thigh" in a && "thigh" in b && a.back === b.back)
    return { thigh: mix(a.thigh, b.thigh, t), ...(a.back ? { back: true } : {}) };
  if ("torso" in a && "torso" in b && a.on === b.on)
    return { torso: mix(a.torso, b.torso, t), ...(a.on ? { on: a.on } : {}) };
  if ("hand" in a && "hand" in b) return { hand: lerp(a.hand, b.hand, t) };
  const [angA, angB] = [armAngles(posedA), armAngles(posedB)];
  return { upper: turn(angA.upper, angB.upper, t), fore: turn(angA.fore, angB.fore, t) };
}

/**
 * The body `t` of the way from one spec to another (0 the first, 1 the second): joint angles
 * turn, resting points slide, and every segment keeps its length because the result is posed
 * from scratch.
 */
export function tween(a: FigureSpec, b: FigureSpec, t: number): FigureSpec {
  if (t <= 0) return a;
  if (t >= 1) return b;
  const [posedA, posedB] = [pose(a), pose(b)];
  const legs = a.legs.map((leg, i) =>
    tweenLeg(leg, b.legs[i] ?? leg, posedA.legs[i] ?? [], posedB.legs[i] ?? [], t),
  );
  const arms = a.arms.map((arm, i) =>
    tweenArm(arm, b.arms[i] ?? arm, posedA.arms[i] ?? [], posedB.arms[i] ?? [], t),
  );
  const archA = a.arch ?? [0, b.arch?.[1] ?? 0.5];
  const archB = b.arch ?? [0, archA[1]];
  return {
    hip: lerp(a.hip, b.hip, t),
    trunk: turn(a.trunk, b.trunk, t),
    neck: turn(a.neck ?? a.trunk, b.neck ?? b.trunk, t),
    nod: mix(a.nod ?? 0, b.nod ?? 0, t),
    arch: [mix(archA[0], archB[0], t), mix(archA[1], archB[1], t)],
    breath: mix(a.breath ?? 0, b.breath ?? 0, t),
    legs,
    arms,
  };
}
