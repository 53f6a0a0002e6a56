import { ANKLE, type Arm, behindBack, type FigureSpec, FLOOR, type Leg, type Pt } from "./body.ts";
import { chair, DOWEL, type Scene, stool, tree } from "./draw.tsx";

// Kneeling, sitting and standing, facing right.

/** A hip `drop` below standing height above an ankle at x (0 leaves the knee just soft). */
function standHip(x: number, drop = 0): Pt {
  return [x, ANKLE - 64 + drop];
}

const armsLoose: Arm = { upper: -94, fore: -84 };

/** Hip hinge about a fixed ankle: upright to a long-spined lean, the hips travelling back. */
function hinge(arms: (trunk: number, hip: Pt) => Arm[]): Pick<Scene, "start" | "end" | "arrows"> {
  const ankle: Leg = { ankle: [118, ANKLE] };
  const up: FigureSpec = { hip: standHip(114), trunk: 88, legs: [ankle], arms: [] };
  const down: FigureSpec = { hip: [98, ANKLE - 58], trunk: 38, legs: [ankle], arms: [] };
  return {
    start: { ...up, arms: arms(up.trunk, up.hip) },
    end: { ...down, arms: arms(down.trunk, down.hip) },
    arrows: [{ from: [100, ANKLE - 74], to: [82, ANKLE - 66], bend: 4 }],
  };
}

/** One stride: the front heel landing, the back foot rolling onto its toes, arms swinging. */
function stride(x: number): FigureSpec {
  return {
    hip: [x, ANKLE - 61],
    trunk: 86,
    legs: [
      { ankle: [x + 24, ANKLE - 1], foot: 18 },
      { ankle: [x - 26, ANKLE - 6], foot: -30 },
    ],
    arms: [
      { upper: -70, fore: -38 },
      { upper: -114, fore: -100 },
    ],
  };
}

function walk(): Scene {
  return {
    start: stride(78),
    end: stride(146),
    arrows: [{ from: [100, 22], to: [136, 22] }],
  };
}

const SEAT = FLOOR - 34;

export const STANDING_SCENES: Record<string, Scene> = {
  "hinge-tall-kneel": {
    start: {
      hip: [130, ANKLE - 34],
      trunk: 90,
      legs: [{ thigh: -90, shin: 180, foot: 180 }],
      arms: [{ hand: [133, ANKLE - 38] }],
    },
    end: {
      hip: [110.5, ANKLE - 28],
      trunk: 56,
      legs: [{ thigh: -55, shin: 180, foot: 180 }],
      arms: [{ hand: [114, ANKLE - 31] }],
    },
    arrows: [{ from: [112, ANKLE - 50], to: [94, ANKLE - 38], bend: 4 }],
  },
  "hinge-dowel": {
    ...hinge((trunk, hip) => [
      // The near hand holds the dowel behind the low back, its elbow pointing back.
      { elbow: behindBack(hip, trunk, 20, 22), hand: behindBack(hip, trunk, 2, DOWEL) },
    ]),
    props: ["dowel"],
  },
  "hinge-weight": {
    // Arms hang long: in front of the thighs, then straight down as the trunk leans.
    ...hinge((trunk, hip) =>
      trunk > 80 ? [{ hand: [hip[0] + 11, hip[1] + 12] }] : [{ upper: -88, fore: -84 }],
    ),
    props: ["weight"],
  },
  "desk-knee-extension": {
    start: {
      hip: [92, SEAT - 4],
      trunk: 90,
      legs: [{ thigh: -3, shin: -90 }],
      arms: [{ thigh: 0.65 }],
    },
    end: {
      hip: [92, SEAT - 4],
      trunk: 90,
      legs: [{ thigh: -3, shin: -14, foot: 60 }],
      arms: [{ thigh: 0.65 }],
    },
    arrows: [{ arc: [126, SEAT - 6], r: 46, from: -84, to: -22 }],
    setting: chair(62, SEAT),
  },
  "desk-stool-fold": {
    start: {
      hip: standHip(84),
      trunk: 90,
      legs: [{ ankle: [134, FLOOR - 31] }, { ankle: [84, ANKLE] }],
      arms: [{ thigh: 0.55 }],
    },
    end: {
      hip: standHip(82, 2),
      trunk: 48,
      legs: [{ ankle: [134, FLOOR - 31] }, { ankle: [84, ANKLE] }],
      arms: [{ thigh: 0.85 }],
    },
    arrows: [{ arc: standHip(84), r: 74, from: 86, to: 56 }],
    setting: stool(124, 156, FLOOR - 26),
  },
  "warmup-knee-bends": {
    start: { hip: standHip(118), trunk: 90, legs: [{ ankle: [120, ANKLE] }], arms: [armsLoose] },
    end: { hip: standHip(114, 12), trunk: 82, legs: [{ ankle: [120, ANKLE] }], arms: [armsLoose] },
    arrows: [{ from: [96, ANKLE - 74], to: [96, ANKLE - 54] }],
  },
  "warmup-easy-walk": walk(),
  "walk-easy": { ...walk(), setting: tree(206) },
};
