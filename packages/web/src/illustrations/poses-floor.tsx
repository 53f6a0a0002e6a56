import {
  ANKLE_ON_MAT,
  type Arm,
  type FigureSpec,
  FLOOR,
  type Leg,
  LIE,
  MAT,
  type Pt,
  SEG,
  step,
} from "./body.ts";
import type { Scene } from "./draw.tsx";

// Lying on the back on a mat, head to the left. The hip rests at x; the shoulder is a torso
// length to its left and the head rests on the mat just beyond it.

const HIP_X = 122;
const hip: Pt = [HIP_X, LIE];
const shoulder: Pt = [HIP_X - SEG.torso, LIE];
/** The neck lies level, so the head rests on the mat. */
const HEAD_DOWN = 180;

function supine(legs: Leg[], arms: Arm[], more: Partial<FigureSpec> = {}): FigureSpec {
  return { hip, trunk: 180, neck: HEAD_DOWN, legs, arms, ...more };
}

/** Knee bent, foot flat on the mat; the far foot a little behind, so both legs show. */
const footFlat: Leg = { ankle: [HIP_X + 40, ANKLE_ON_MAT] };
const farFootFlat: Leg = { ankle: [HIP_X + 36, ANKLE_ON_MAT] };
/** Leg resting long on the mat, the heel on it. */
const legLong: Leg = { thigh: -3, shin: -3 };
/** Knee above the hip, bent to a right angle ("table top"). */
const tableTop: Leg = { thigh: 90, shin: 0 };
const farTableTop: Leg = { thigh: 86, shin: -4 };

/** Arm resting along the mat by the side. */
const armBySide: Arm = { upper: -5, fore: -5.5 };
const farArmBySide: Arm = { upper: -3, fore: -3 };
/** Elbow on the mat, the hand on the front of the hip. */
const handOnHip: Arm = { upper: -11.5, fore: 44 };
const armUp: Arm = { upper: 90, fore: 90 };
const farArmUp: Arm = { upper: 94, fore: 94 };

const FLOOR_UP = FLOOR - MAT;

/** Arc about the knee, from one shin angle to another. */
function kneeArc(thigh: number, from: number, to: number): Scene["arrows"][number] {
  return { arc: step(hip, SEG.thigh, thigh), r: SEG.shin + 12, from, to };
}

/** Floss: the thigh held still, the knee straightening and bending. */
function floss(thigh: number, endShin: number, more: Partial<FigureSpec> = {}): Scene {
  const hold: Arm[] = [
    { thigh: thigh > 80 ? 0.72 : 0.5, back: true },
    { thigh: thigh > 80 ? 0.62 : 0.44, back: true },
  ];
  const bent = thigh - 90;
  return {
    setup: supine([footFlat, farFootFlat], [armBySide, farArmBySide]),
    start: supine([{ thigh, shin: bent }, farFootFlat], hold, more),
    end: supine([{ thigh, shin: endShin }, farFootFlat], hold),
    arrows: [kneeArc(thigh, bent + 8, endShin - 6)],
    key: "knee",
    motion: { cycleMs: 6000 },
  };
}

/** A strap stretch: the leg rising into the stretch, the knee kept as it is. */
function strap(
  [thigh, shin]: readonly [number, number],
  rise: number,
  far: Leg,
  arrowR: number,
): Scene {
  // Arms reach up toward the foot, elbows soft; they draw in a little as the leg rises.
  const reaching: Arm[] = [
    { upper: 52, fore: 64 },
    { upper: 56, fore: 66 },
  ];
  const drawnIn: Arm[] = [
    { upper: 60, fore: 80 },
    { upper: 64, fore: 82 },
  ];
  return {
    setup: supine([{ thigh: 100, shin: 10 }, far], reaching),
    start: supine([{ thigh, shin }, far], reaching),
    end: supine([{ thigh: thigh + rise, shin: shin + rise }, far], drawnIn),
    arrows: [{ arc: hip, r: arrowR, from: shin + 2, to: shin + rise + 2 }],
    key: "knee",
  };
}

/** A bridge: the shoulders stay down, the hips lift along the arc of the torso. */
function bridgeTop(lift: number, legs: Leg[]): FigureSpec {
  return {
    hip: step(shoulder, SEG.torso, lift),
    trunk: 180 + lift,
    neck: HEAD_DOWN,
    legs,
    arms: [armBySide, farArmBySide],
  };
}

const liftArrow = (lift: number) => ({
  from: [HIP_X - 2, LIE - 20] as Pt,
  to: [HIP_X - 4, LIE - 26 - lift] as Pt,
});

export const FLOOR_SCENES: Record<string, Scene> = {
  "hip-rolls-breath": {
    start: supine([footFlat, farFootFlat], [armBySide, farArmBySide]),
    end: supine([footFlat, farFootFlat], [armBySide, farArmBySide], { breath: 1 }),
    arrows: [{ from: [HIP_X - 26, LIE - 16], to: [HIP_X - 26, LIE - 32], twoWay: true }],
    motion: { breathIn: "end" },
  },
  "hip-rolls-tilt": {
    start: supine([footFlat, farFootFlat], [handOnHip, farArmBySide], {
      arch: [6, 0.3],
      breath: 0.5,
    }),
    end: supine([footFlat, farFootFlat], [handOnHip, farArmBySide], { arch: [-1.7, 0.3] }),
    arrows: [{ from: [HIP_X - 24, LIE - 22], to: [HIP_X - 24, LIE - 10] }],
    key: "low-back",
    motion: { breathIn: "start" },
  },
  "floss-small": floss(90, 40),
  "floss-full": floss(90, 78),
  "floss-nerve-slider": {
    ...floss(66, 54, { nod: 22 }),
    end: {
      ...floss(66, 54).end,
      nod: -18,
    },
    arrows: [kneeArc(66, -16, 48), { arc: [67, LIE], r: 17, from: 74, to: 118 }],
  },
  "strap-knee-bent": strap([72, 22], 16, farFootFlat, 70),
  "strap-knee-soft": strap([62, 44], 14, farFootFlat, 78),
  "strap-knee-straight": strap([56, 52], 14, legLong, 82),
  bridge: {
    start: supine([footFlat, farFootFlat], [armBySide, farArmBySide]),
    end: bridgeTop(20, [footFlat, farFootFlat]),
    arrows: [liftArrow(6)],
  },
  "bridge-hold": {
    start: supine([footFlat, farFootFlat], [armBySide, farArmBySide]),
    end: bridgeTop(28, [footFlat, farFootFlat]),
    arrows: [liftArrow(12), { hold: [HIP_X + 12, LIE - 46] }],
    motion: { moveShare: 0.35 },
  },
  "bridge-single-leg": {
    setup: supine([footFlat, farFootFlat], [armBySide, farArmBySide]),
    start: supine([footFlat, { thigh: 92, shin: 2 }], [armBySide, farArmBySide]),
    end: bridgeTop(22, [footFlat, { thigh: 98, shin: 8 }]),
    arrows: [liftArrow(8)],
  },
  "dead-bug-heel-taps": {
    setup: supine([footFlat, farFootFlat], [armUp, farArmUp]),
    start: supine([tableTop, farTableTop], [armUp, farArmUp]),
    end: supine([{ thigh: 38, shin: -53 }, farTableTop], [armUp, farArmUp]),
    arrows: [{ arc: hip, r: 58, from: 80, to: 26 }],
    motion: { alternate: true },
  },
  "dead-bug-alternating": {
    setup: supine([footFlat, farFootFlat], [armUp, farArmUp]),
    start: supine([tableTop, farTableTop], [armUp, farArmUp]),
    end: supine([{ thigh: 14, shin: 8 }, farTableTop], [armUp, { upper: 158, fore: 164 }]),
    arrows: [
      { arc: hip, r: 62, from: 78, to: 22 },
      { arc: shoulder, r: 58, from: 100, to: 150 },
    ],
    motion: { alternate: true },
  },
  "warmup-ankle-pumps": {
    setup: supine([legLong, legLong], [armBySide, farArmBySide]),
    start: supine(
      [
        { ...legLong, foot: 28 },
        { ...legLong, foot: 30 },
      ],
      [armBySide, farArmBySide],
    ),
    end: supine(
      [
        { ...legLong, foot: 104 },
        { ...legLong, foot: 102 },
      ],
      [armBySide, farArmBySide],
    ),
    arrows: [{ arc: step(hip, SEG.thigh + SEG.shin - 2, -2), r: 20, from: 28, to: 100 }],
    key: "ankle",
    motion: { cycleMs: 2400 },
  },
};

/** The mat's top, where a lying body rests. */
export const MAT_TOP = FLOOR_UP;
