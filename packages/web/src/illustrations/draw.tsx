import type { Prop as CatalogProp } from "@limber/core";
import {
  angleOf,
  BACK,
  type Body,
  behindBack,
  type FigureSpec,
  FLOOR,
  lerp,
  MAT,
  midfoot,
  norm,
  type Pt,
  pose,
  SEG,
  spineAt,
  step,
} from "./body.ts";
import {
  armPath,
  backDepth,
  capsule,
  circle,
  eyeAt,
  HEEL_R,
  heelCentre,
  legPath,
  trunkPath,
} from "./outline.ts";

/** Every picture is this wide (in drawing units), so the person is the same size in all of them. */
export const CROP_WIDTH = 160;

/** Which of a scene's positions a picture shows: getting into place, the start or the end. */
export type Picture = "setup" | "start" | "end";

/** A movement arrow: along an arc about a joint, or from one point to another (bowed by `bend`). */
export type Arrow =
  | { arc: Pt; r: number; from: number; to: number }
  | { from: Pt; to: Pt; bend?: number; twoWay?: boolean }
  | { hold: Pt };

/**
 * What matters most in a movement, marked on the figure: the angle at a joint of the near leg,
 * or the gap under the small of the back that a pelvic tilt closes.
 */
export type KeyAngle = "knee" | "hip" | "ankle" | "low-back";

/**
 * How the figure moves on the player's clock. A variant paced by the timeline (reps, breath,
 * holds) follows that pace; an active variant without a pace cycles start, end, start every
 * `cycleMs`.
 */
export interface Motion {
  cycleMs?: number;
  /** Every other repetition the far side does the work (dead bugs). */
  alternate?: boolean;
  /** Of the first half of a repetition, the part spent moving; the rest is held (a bridge with a pause at the top). */
  moveShare?: number;
  /** Breath variants: the position reached at the top of the in-breath. */
  breathIn?: "start" | "end";
}

/** One exercise drawn: how to get into place, where it starts and ends, and how it moves. */
export interface Scene {
  setup?: FigureSpec;
  start: FigureSpec;
  end: FigureSpec;
  arrows: Arrow[];
  key?: KeyAngle;
  motion?: Motion;
  /** A low stool, its top from x1 to x2 at height `top`. */
  stool?: readonly [x1: number, x2: number, top: number];
  /** A chair seen from the side, its back at `x` and its seat at `seat`. */
  chair?: readonly [x: number, seat: number];
  /** Outdoors: a tree at x. */
  tree?: number;
}

export const f = (n: number) => Math.round(n * 10) / 10;
const xy = (p: Pt) => `${f(p[0])} ${f(p[1])}`;

/** An open polyline through the points, as path data. */
export function limb(points: readonly Pt[]): string {
  return points.map((p, i) => `${i === 0 ? "M" : "L"}${xy(p)}`).join(" ");
}

/** The radius the head is drawn at. */
export const HEAD_R = SEG.head;

/** Where the dowel runs: along the back, a back's depth behind the spine, past the head. */
export function dowelLine(body: Body): [Pt, Pt] {
  const reachUp = SEG.torso + SEG.neck + SEG.head + 4;
  return [
    behindBack(body.hip, body.trunk, -20, BACK),
    behindBack(body.hip, body.trunk, reachUp, BACK),
  ];
}

/** The kettlebell's handle sits in the near hand; the bell hangs below it. */
export function weightAt(body: Body): { handle: Pt; bell: Pt } {
  const handle = body.arms[0]?.[2] ?? body.shoulder;
  return { handle, bell: [handle[0], handle[1] + 10] };
}

/** Strap: from each hand to the sole at the middle of the near foot, looped round it. */
export function strapLines(body: Body): Pt[][] {
  const leg = body.legs[0] ?? [];
  const sole = midfoot(leg);
  const [, , ankle = sole, toe = sole] = leg;
  const along = angleOf(ankle, toe);
  const loop = [step(sole, -3.2, along), step(sole, 3.2, along)];
  return body.arms.map((arm, i) => {
    const hand = arm[2] ?? body.shoulder;
    const end = loop[i % 2] ?? sole;
    // Past the near hand the strap's tail hangs a little.
    const tail = i === 0 ? [step(hand, 6, angleOf(end, hand) - 25)] : [];
    return [...tail, hand, end];
  });
}

const crops = new WeakMap<Scene, [number, number, number, number]>();

/**
 * The part of the drawing a scene's pictures show: CROP_WIDTH wide, centred on everything the
 * scene draws, from just above its highest point down to the floor.
 */
export function cropOf(scene: Scene): [x: number, y: number, width: number, height: number] {
  const known = crops.get(scene);
  if (known) return known;
  const points: Pt[] = positions(scene).flatMap((spec) => {
    const body = pose(spec);
    const joints = [body.hip, body.shoulder, ...body.legs.flat(), ...body.arms.flat()];
    return [
      ...joints.flatMap(([x, y]): Pt[] => [
        [x - 6, y - 6],
        [x + 6, y + 6],
      ]),
      [body.head[0] - HEAD_R - 3, body.head[1] - HEAD_R - 3],
      [body.head[0] + HEAD_R + 3, body.head[1] + HEAD_R],
    ];
  });
  for (const arrow of scene.arrows) {
    if ("hold" in arrow) points.push([arrow.hold[0], arrow.hold[1] - 8]);
    else if ("arc" in arrow) {
      for (const t of [0, 0.5, 1]) {
        const angle = arrow.from + (arrow.to - arrow.from) * t;
        const [x, y] = step(arrow.arc, arrow.r, angle);
        points.push([x - 5, y - 5], [x + 5, y + 5]);
      }
    } else points.push(arrow.from, arrow.to);
  }
  if (scene.stool) points.push([scene.stool[0] - 3, FLOOR], [scene.stool[1] + 3, FLOOR]);
  if (scene.chair)
    points.push([scene.chair[0] - 4, scene.chair[1] - 48], [scene.chair[0] + 44, FLOOR]);
  if (scene.tree !== undefined)
    points.push([scene.tree - 20, FLOOR - 78], [scene.tree + 20, FLOOR]);
  const xs = points.map(([x]) => x);
  const top = Math.floor(Math.min(...points.map(([, y]) => y)) - 2);
  const centre = (Math.min(...xs) + Math.max(...xs)) / 2;
  const bottom = FLOOR + 4;
  const crop: [number, number, number, number] = [
    Math.round(centre - CROP_WIDTH / 2),
    top,
    CROP_WIDTH,
    bottom - top,
  ];
  crops.set(scene, crop);
  return crop;
}

/** The mat under a body on the floor, long enough for every position the scene shows. */
export function matSpan(scene: Scene): [number, number] {
  const xs = positions(scene).flatMap((spec) => {
    const body = pose(spec);
    return [body.head, body.hip, body.shoulder, ...body.legs.flat(), ...body.arms.flat()]
      .filter(([, y]) => y > FLOOR - 24)
      .map(([x]) => x);
  });
  return [Math.min(...xs) - 12, Math.max(...xs) + 10];
}

export function positions(scene: Scene): FigureSpec[] {
  return [...(scene.setup ? [scene.setup] : []), scene.start, scene.end];
}

export function specOf(scene: Scene, picture: Picture): FigureSpec {
  return picture === "setup" ? (scene.setup ?? scene.start) : scene[picture];
}

function Strap({ body, strand }: { body: Body; strand: 0 | 1 }) {
  const line = strapLines(body)[strand];
  return line ? <path class="prop-strap" data-prop="strap" d={limb(line)} /> : null;
}

/** A posed person, the far limbs behind in a lighter tone, with what they hold. */
export function Person({
  body,
  props,
  tone = "",
  mark,
}: {
  body: Body;
  props: readonly CatalogProp[];
  tone?: string;
  /** Path data of a mark drawn over the person (the gap under the back, which an arm would hide). */
  mark?: string;
}) {
  const has = (prop: CatalogProp) => props.includes(prop);
  const [nearLeg = [], farLeg = []] = body.legs;
  const [nearArm = [], farArm = []] = body.arms;
  const weight = has("light-weight") ? weightAt(body) : undefined;
  return (
    <g class={`person${tone}`}>
      <g class="far">
        <path d={armPath(farArm)} />
        <path d={legPath(farLeg)} />
      </g>
      {has("strap") && <Strap body={body} strand={1} />}
      <g class="near">
        {/* The near leg joins the body in one outline: no seam at the hip. */}
        <path d={`${trunkPath(body, HEAD_R)}${legPath(nearLeg)}`} />
        <circle class="eye" cx={f(eyeAt(body, HEAD_R)[0])} cy={f(eyeAt(body, HEAD_R)[1])} r={1.2} />
        {has("dowel") && <path class="prop-dowel" data-prop="dowel" d={limb(dowelLine(body))} />}
        {weight && (
          <path
            class="prop-weight"
            data-prop="light-weight"
            d={`${capsule(weight.handle, 3.2, lerp(weight.handle, weight.bell, 0.5), 3.2)}${circle(weight.bell, 6.5)}`}
          />
        )}
        {has("strap") && <Strap body={body} strand={0} />}
        <path d={armPath(nearArm)} />
      </g>
      {mark && <path class="key-angle" d={mark} />}
    </g>
  );
}

/**
 * The interior angle at the near knee, hip or ankle, as an accent wedge. Drawn under the person,
 * so only the part between the two limbs shows.
 */
export function keyAnglePath(body: Body, key: KeyAngle): string {
  if (key === "low-back") return lowBackGap(body);
  const [hip, knee, ankle, toe] = body.legs[0] ?? [];
  if (!hip || !knee || !ankle || !toe) return "";
  const [joint, a, b, r] =
    key === "knee"
      ? [knee, hip, ankle, 15]
      : key === "hip"
        ? [hip, body.shoulder, knee, 16]
        : [ankle, knee, toe, 12];
  let from = angleOf(joint, a);
  let sweep = norm(angleOf(joint, b) - from);
  // The interior angle: the short way round from one segment to the other.
  if (sweep < 0) {
    from += sweep;
    sweep = -sweep;
  }
  // A hip standing tall, or a knee all but straight, has no angle worth marking.
  if ((key === "hip" && sweep > 150) || (key === "knee" && sweep > 166)) return "";
  const start = step(joint, r, from);
  const end = step(joint, r, from + sweep);
  return `M${xy(joint)}L${xy(start)}A${r} ${r} 0 0 0 ${xy(end)}Z`;
}

/** Under a body lying on its back: the space between the small of the back and the mat. */
function lowBackGap(body: Body): string {
  const top = FLOOR - MAT;
  const back = [0.02, 0.12, 0.24, 0.35, 0.46, 0.58, 0.7].map((s) => {
    const [p, dir] = spineAt(body, s);
    const at = step(p, backDepth(s), dir + 90);
    return [at[0], Math.min(at[1], top)] as Pt;
  });
  const first = back[0] ?? [0, top];
  const last = back.at(-1) ?? first;
  return `${limb([[first[0], top], ...back, [last[0], top]])}Z`;
}

/** Chevron at `tip`, pointing along `deg`. */
function chevron(tip: Pt, deg: number): string {
  return limb([step(tip, 7, deg + 180 - 34), tip, step(tip, 7, deg + 180 + 34)]);
}

export function arrowPath(arrow: Arrow): string {
  if ("hold" in arrow) {
    // A pause sign: two short bars.
    const [x, y] = arrow.hold;
    return `${limb([
      [x - 3.5, y - 5],
      [x - 3.5, y + 5],
    ])} ${limb([
      [x + 3.5, y - 5],
      [x + 3.5, y + 5],
    ])}`;
  }
  if ("arc" in arrow) {
    const { arc, r, from, to } = arrow;
    const a = step(arc, r, from);
    const b = step(arc, r, to);
    const ccw = to > from;
    const large = Math.abs(to - from) > 180 ? 1 : 0;
    const shaft = `M${xy(a)} A${r} ${r} 0 ${large} ${ccw ? 0 : 1} ${xy(b)}`;
    return `${shaft} ${chevron(b, to + (ccw ? 90 : -90))}`;
  }
  const { from, to, bend = 0, twoWay = false } = arrow;
  // Bowed to the left of the travel direction for a positive bend.
  const mid = step(lerp(from, to, 0.5), 2 * bend, angleOf(from, to) + 90);
  const shaft = `M${xy(from)} Q${xy(mid)} ${xy(to)}`;
  const heads = [
    chevron(to, angleOf(mid, to)),
    ...(twoWay ? [chevron(from, angleOf(mid, from))] : []),
  ];
  return [shaft, ...heads].join(" ");
}

/** Floor, mat and furniture: what stays still behind the person. */
export function Setting({ scene, props }: { scene: Scene; props: readonly CatalogProp[] }) {
  const [x1, x2] = props.includes("mat") ? matSpan(scene) : [0, 0];
  const floor = cropOf(scene);
  return (
    <g class="setting">
      <path class="floor" d={`M${f(floor[0])} ${FLOOR + 0.6}H${f(floor[0] + CROP_WIDTH)}`} />
      {scene.tree !== undefined && <Tree x={scene.tree} />}
      {props.includes("mat") && (
        <rect
          class="prop-mat"
          data-prop="mat"
          x={f(x1)}
          y={FLOOR - MAT}
          width={f(x2 - x1)}
          height={MAT}
          rx={1.5}
        />
      )}
      {scene.stool && props.includes("stool") && <Stool at={scene.stool} />}
      {scene.chair && props.includes("chair") && <Chair at={scene.chair} />}
    </g>
  );
}

function Stool({ at: [x1, x2, top] }: { at: readonly [number, number, number] }) {
  return (
    <path
      class="prop-furniture"
      data-prop="stool"
      d={`M${x1 - 2} ${top}h${x2 - x1 + 4}v4h${-(x2 - x1 + 4)}Z M${x1 + 1} ${top + 3}l-2 ${FLOOR - top - 3}h3l2 ${-(FLOOR - top - 3)}Z M${x2 - 1} ${top + 3}l2 ${FLOOR - top - 3}h-3l-2 ${-(FLOOR - top - 3)}Z`}
    />
  );
}

/** The chair's seat is `seat` high; its back rises at `x`, and the seat reaches 42 in front of it. */
function Chair({ at: [x, seat] }: { at: readonly [number, number] }) {
  const depth = 42;
  return (
    <path
      class="prop-furniture"
      data-prop="chair"
      d={`M${x - 3} ${seat - 46}h4v46h${depth}v4h${-depth - 4}Z M${x - 3} ${seat + 4}h4V${FLOOR}h-4Z M${x + depth - 4} ${seat + 4}h4V${FLOOR}h-4Z`}
    />
  );
}

function Tree({ x }: { x: number }) {
  return (
    <path
      class="prop-furniture"
      d={`M${x - 2.5} ${FLOOR}V${FLOOR - 40}h5V${FLOOR}Z${circle([x, FLOOR - 58], 18)}`}
    />
  );
}

/** The lowest point of a foot's heel, where it rests on a stool or the floor. */
export function heelOf(leg: readonly Pt[]): Pt {
  const [, , ankle = [0, 0], toe = ankle] = leg;
  const [x, y] = heelCentre(ankle, angleOf(ankle, toe));
  return [x, y + HEEL_R];
}
