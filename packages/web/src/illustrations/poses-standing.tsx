import {
  ANKLE,
  type Arm,
  type FigureSpec,
  FLOOR,
  type Leg,
  MAT,
  type Pt,
  pose,
  SEG,
} from "./body.ts";
import { heelOf, type Scene } from "./draw.tsx";
import { WIDTH } from "./outline.ts";

// Kneeling, sitting and standing, facing right.

/** A hip `drop` below standing height above an ankle at x (0 leaves the knee just soft). */
function standHip(x: number, drop = 0): Pt {
  return [x, ANKLE - 65.7 + drop];
}

const armsLoose: Arm[] = [
  { upper: -92, fore: -80 },
  { upper: -96, fore: -86 },
];

/** Hip hinge about fixed feet: upright to a long-spined lean, the hips travelling back. */
function hinge(
  arms: (spec: Pick<FigureSpec, "hip" | "trunk">) => Arm[],
): Pick<Scene, "setup" | "start" | "end" | "arrows" | "key"> {
  const feet: Leg[] = [{ ankle: [116, ANKLE] }, { ankle: [112, ANKLE] }];
  const up = { hip: standHip(112), trunk: 88 };
  const down = { hip: [94, ANKLE - 57] as Pt, trunk: 42 };
  const tall = { hip: standHip(114, -1), trunk: 90 };
  return {
    setup: { ...tall, legs: [{ ankle: [116, ANKLE] }, { ankle: [113, ANKLE] }], arms: arms(tall) },
    start: { ...up, legs: feet, arms: arms(up) },
    end: { ...down, legs: feet, arms: arms(down) },
    arrows: [{ from: [92, ANKLE - 72], to: [74, ANKLE - 62], bend: 4 }],
    key: "hip",
  };
}

/** One stride of `length`: the front heel landing, the back foot rolling onto its toes, arms swinging. */
function stride(x: number, length: number, nearForward: boolean): FigureSpec {
  const front: Leg = { ankle: [x + length, ANKLE - 1], foot: 14 };
  const back: Leg = { ankle: [x - length - 2, ANKLE - 5], foot: -26 };
  const armForward: Arm = { upper: -68, fore: -34 };
  const armBack: Arm = { upper: -112, fore: -98 };
  return {
    hip: [x, ANKLE - 62],
    trunk: 87,
    legs: nearForward ? [front, back] : [back, front],
    arms: nearForward ? [armBack, armForward] : [armForward, armBack],
  };
}

function walk(length: number, cycleMs: number): Scene {
  return {
    setup: {
      hip: standHip(120, -1),
      trunk: 89,
      legs: [{ ankle: [122, ANKLE] }, { ankle: [119, ANKLE] }],
      arms: armsLoose,
    },
    start: stride(120, length, true),
    end: stride(120, length, false),
    arrows: [{ from: [146, 64], to: [170, 64] }],
    motion: { cycleMs },
  };
}

/** A kneeling leg: the knee on the mat, the shin and foot lying back along it. */
function kneeling(thigh: number): Leg {
  return { thigh, shin: 183, foot: 188 };
}

/** Where a kneeling figure's hip sits, for its thigh angle, with the knee on the mat at x. */
function kneelHip(x: number, thigh: number): Pt {
  const knee: Pt = [x, FLOOR - MAT - WIDTH.knee];
  return [
    knee[0] - SEG.thigh * Math.cos((thigh * Math.PI) / 180),
    knee[1] + SEG.thigh * Math.sin((thigh * Math.PI) / 180),
  ];
}

const SEAT = FLOOR - 36;

/** The stretched leg's heel rests on the stool; the stool's top is where the heel is. */
const stoolLeg: Leg = { ankle: [134, FLOOR - 30], foot: 62 };
const stoolTop = heelOf(
  pose({ hip: standHip(86), trunk: 90, legs: [stoolLeg], arms: [] }).legs[0] ?? [],
)[1];

export const STANDING_SCENES: Record<string, Scene> = {
  "hinge-tall-kneel": {
    setup: {
      hip: kneelHip(128, -90),
      trunk: 90,
      legs: [kneeling(-90), kneeling(-87)],
      arms: armsLoose,
    },
    start: {
      hip: kneelHip(128, -90),
      trunk: 90,
      legs: [kneeling(-90), kneeling(-87)],
      arms: [{ torso: 0.12 }, { torso: 0.16 }],
    },
    end: {
      hip: kneelHip(128, -60),
      trunk: 50,
      legs: [kneeling(-60), kneeling(-57)],
      arms: [{ torso: 0.12 }, { torso: 0.16 }],
    },
    arrows: [{ from: [110, ANKLE - 52], to: [92, ANKLE - 40], bend: 4 }],
    key: "hip",
  },
  "hinge-dowel": hinge(() => [
    // The near hand holds the dowel at the small of the back, the far hand above the head.
    { torso: 0.15, on: "back" },
    { torso: (SEG.torso + SEG.neck + SEG.head + 2) / SEG.torso, on: "back" },
  ]),
  "hinge-weight": hinge((spec) =>
    // Arms hang long: in front of the thighs, then straight down as the trunk leans.
    spec.trunk > 80
      ? [
          { hand: [spec.hip[0] + 12, spec.hip[1] + 16] },
          { hand: [spec.hip[0] + 10, spec.hip[1] + 15] },
        ]
      : [
          { upper: -88, fore: -86 },
          { upper: -90, fore: -88 },
        ],
  ),
  "desk-knee-extension": {
    start: {
      hip: [92, SEAT - 8],
      trunk: 90,
      legs: [{ ankle: [128, ANKLE] }, { ankle: [124, ANKLE] }],
      arms: [{ thigh: 0.55 }, { thigh: 0.45 }],
    },
    end: {
      hip: [92, SEAT - 8],
      trunk: 90,
      legs: [{ thigh: -6, shin: -14, foot: 62 }, { ankle: [124, ANKLE] }],
      arms: [{ thigh: 0.55 }, { thigh: 0.45 }],
    },
    arrows: [{ arc: [126, SEAT - 4], r: 44, from: -80, to: -24 }],
    key: "knee",
    chair: [70, SEAT],
  },
  "desk-stool-fold": {
    setup: {
      hip: standHip(88),
      trunk: 90,
      legs: [{ ankle: [96, ANKLE] }, { ankle: [88, ANKLE] }],
      arms: armsLoose,
    },
    start: {
      hip: standHip(86),
      trunk: 90,
      legs: [stoolLeg, { ankle: [86, ANKLE] }],
      arms: [{ thigh: 0.5 }, { thigh: 0.42 }],
    },
    end: {
      hip: [80, ANKLE - 62],
      trunk: 50,
      legs: [stoolLeg, { ankle: [86, ANKLE] }],
      arms: [{ thigh: 0.82 }, { thigh: 0.74 }],
    },
    arrows: [{ arc: standHip(86), r: 72, from: 86, to: 56 }],
    key: "hip",
    stool: [122, 150, stoolTop],
  },
  "warmup-knee-bends": {
    start: {
      hip: standHip(118),
      trunk: 90,
      legs: [{ ankle: [120, ANKLE] }, { ankle: [117, ANKLE] }],
      arms: armsLoose,
    },
    end: {
      hip: standHip(113, 12),
      trunk: 82,
      legs: [{ ankle: [120, ANKLE] }, { ankle: [117, ANKLE] }],
      arms: [
        { upper: -86, fore: -70 },
        { upper: -90, fore: -76 },
      ],
    },
    arrows: [{ from: [92, ANKLE - 74], to: [92, ANKLE - 54] }],
    key: "knee",
    motion: { cycleMs: 3000 },
  },
  "warmup-easy-walk": walk(17, 1600),
  "walk-easy": { ...walk(23, 1300), tree: 206 },
};
