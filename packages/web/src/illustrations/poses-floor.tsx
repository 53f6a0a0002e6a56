import { ANKLE, type Arm, type FigureSpec, type Leg, LIE, type Pt, SEG, step } from "./body.ts";
import type { Scene } from "./draw.tsx";

// Lying on the back, head to the left. The hip sits on the floor at x; the shoulder is a torso
// length to its left and the head rests on the floor just beyond it.

const HIP_X = 122;
const hip: Pt = [HIP_X, LIE];
const shoulder: Pt = [HIP_X - SEG.torso, LIE];
/** Neck direction that lets the head rest on the floor. */
const HEAD_DOWN = 152;

function supine(legs: Leg[], arms: Arm[], more: Partial<FigureSpec> = {}): FigureSpec {
  return { hip, trunk: 180, neck: HEAD_DOWN, legs, arms, ...more };
}

/** Knee bent, foot flat on the floor. */
const footFlat: Leg = { ankle: [HIP_X + 40, ANKLE], foot: 0 };
/** Leg resting long on the floor. */
const legLong: Leg = { thigh: 0, shin: 0 };
/** Knee above the hip, bent to a right angle ("table top"). */
const tableTop: Leg = { thigh: 90, shin: 0 };

/** Arm resting along the floor by the side. */
const armBySide: Arm = { upper: 0, fore: 0 };
/** Hands holding the back of the raised thigh, close to the knee. */
const holdThigh: Arm = { hand: [HIP_X + 1, LIE - 22] };
/** Hands holding the strap with relaxed arms. */
const holdStrap: Arm = { strap: 46 };
const armUp: Arm = { upper: 90, fore: 90 };

/** Arc about the knee of a thigh pointing straight up, from one shin angle to another. */
function kneeArc(from: number, to: number): Scene["arrows"][number] {
  return { arc: step(hip, SEG.thigh, 90), r: SEG.shin + 16, from, to };
}

function floss(endShin: number): Scene {
  return {
    start: supine([{ thigh: 90, shin: 0 }, footFlat], [holdThigh]),
    end: supine([{ thigh: 90, shin: endShin }, footFlat], [holdThigh]),
    arrows: [kneeArc(8, endShin - 6)],
  };
}

function bridgeTop(legs: Leg[]): FigureSpec {
  // Shoulders stay down; the hips lift along the arc of the torso.
  return {
    hip: step(shoulder, SEG.torso, 30),
    trunk: 210,
    neck: HEAD_DOWN,
    legs,
    arms: [armBySide],
  };
}

const bridgeLift = { from: [HIP_X - 16, LIE - 24], to: [HIP_X - 16, LIE - 44] } as const;

export const FLOOR_SCENES: Record<string, Scene> = {
  "hip-rolls-breath": {
    start: supine([footFlat], [armBySide]),
    end: supine([footFlat], [armBySide], { arch: [7, 0.6] }),
    arrows: [{ from: [HIP_X - 16, LIE - 22], to: [HIP_X - 16, LIE - 44], twoWay: true }],
  },
  "hip-rolls-tilt": {
    start: supine([footFlat], [armBySide], { arch: [6, 0.3] }),
    end: supine([footFlat], [armBySide]),
    arrows: [{ from: [HIP_X - 10, LIE - 30], to: [HIP_X - 10, LIE - 14] }],
  },
  "floss-small": floss(40),
  "floss-full": floss(78),
  "floss-nerve-slider": {
    start: supine([{ thigh: 90, shin: 0 }, footFlat], [holdThigh], { neck: 128 }),
    end: supine([{ thigh: 90, shin: 78 }, footFlat], [holdThigh], { neck: 158 }),
    arrows: [kneeArc(8, 72), { arc: shoulder, r: 31, from: 122, to: 160 }],
  },
  "strap-knee-bent": {
    start: supine([{ thigh: 84, shin: 30 }, footFlat], [holdStrap]),
    end: supine([{ thigh: 98, shin: 44 }, footFlat], [holdStrap]),
    arrows: [{ arc: hip, r: 76, from: 50, to: 74 }],
    props: ["strap"],
  },
  "strap-knee-soft": {
    start: supine([{ thigh: 72, shin: 58 }, footFlat], [holdStrap]),
    end: supine([{ thigh: 84, shin: 70 }, footFlat], [holdStrap]),
    arrows: [{ arc: hip, r: 80, from: 50, to: 70 }],
    props: ["strap"],
  },
  "strap-knee-straight": {
    start: supine([{ thigh: 66, shin: 63 }, legLong], [holdStrap]),
    end: supine([{ thigh: 78, shin: 75 }, legLong], [holdStrap]),
    arrows: [{ arc: hip, r: 82, from: 52, to: 68 }],
    props: ["strap"],
  },
  bridge: {
    start: supine([footFlat], [armBySide]),
    end: bridgeTop([footFlat]),
    arrows: [bridgeLift],
  },
  "bridge-hold": {
    start: supine([footFlat], [armBySide]),
    end: bridgeTop([footFlat]),
    arrows: [bridgeLift, { hold: [HIP_X - 2, LIE - 36] }],
  },
  "bridge-single-leg": {
    start: supine([footFlat, tableTop], [armBySide]),
    end: bridgeTop([footFlat, { thigh: 80, shin: -6 }]),
    arrows: [bridgeLift],
  },
  "dead-bug-heel-taps": {
    start: supine([tableTop, tableTop], [armUp]),
    end: supine([{ thigh: 43, shin: -47 }, tableTop], [armUp]),
    arrows: [{ arc: hip, r: 60, from: 44, to: 6 }],
  },
  "dead-bug-alternating": {
    start: supine([tableTop, tableTop], [armUp]),
    end: supine([{ thigh: 14, shin: 8 }, tableTop], [{ upper: 125, fore: 130 }]),
    arrows: [
      { arc: hip, r: 62, from: 42, to: 16 },
      { arc: shoulder, r: 58, from: 96, to: 120 },
    ],
  },
  "warmup-ankle-pumps": {
    start: supine([{ thigh: 0, shin: 0, foot: 40 }], [armBySide]),
    end: supine([{ thigh: 0, shin: 0, foot: 100 }], [armBySide]),
    arrows: [{ arc: step(hip, SEG.thigh + SEG.shin, 0), r: 20, from: 30, to: 96 }],
  },
};
