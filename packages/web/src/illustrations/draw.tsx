import type { VNode } from "preact";
import {
  ANKLE,
  angleOf,
  type Body,
  behindBack,
  type FigureSpec,
  FLOOR,
  lerp,
  midfoot,
  type Pt,
  pose,
  SEG,
  step,
  VIEW,
} from "./body.ts";

/** How far behind the spine line a dowel lies: it touches the back of the head. */
export const DOWEL = SEG.head;

/** Things the person holds or wears; drawn with each pose so they move with it. */
export type Prop = "strap" | "dowel" | "weight";

/** A movement arrow: along an arc about a joint, or from one point to another (bowed by `bend`). */
export type Arrow =
  | { arc: Pt; r: number; from: number; to: number }
  | { from: Pt; to: Pt; bend?: number; twoWay?: boolean }
  | { hold: Pt };

/** One exercise drawn: where it starts (solid), where it ends (light, dashed) and how it moves. */
export interface Scene {
  start: FigureSpec;
  end: FigureSpec;
  arrows: Arrow[];
  props?: Prop[];
  /** Still furniture (chair, stool, tree), drawn behind the figures. */
  setting?: VNode;
}

const f = (n: number) => Math.round(n * 10) / 10;
const xy = (p: Pt) => `${f(p[0])} ${f(p[1])}`;

/** An open polyline through the points, as path data. */
export function limb(points: readonly Pt[]): string {
  return points.map((p, i) => `${i === 0 ? "M" : "L"}${xy(p)}`).join(" ");
}

/** A posed body: head circle, spine and neck, legs and arms, all in one stroke. */
export function figure(body: Body): VNode {
  const { head, shoulder, hip, arch } = body;
  // The neck stops short of the head circle so the two read as separate shapes.
  const neckEnd = step(shoulder, SEG.neck - SEG.head - 2, angleOf(shoulder, head));
  const spine = arch
    ? `M${xy(hip)} Q${xy(arch)} ${xy(shoulder)} L${xy(neckEnd)}`
    : limb([hip, shoulder, neckEnd]);
  const d = [spine, ...body.legs.map(limb), ...body.arms.map(limb)].join(" ");
  return (
    <>
      <circle cx={f(head[0])} cy={f(head[1])} r={SEG.head} />
      <path d={d} />
    </>
  );
}

function prop(kind: Prop, body: Body): VNode {
  const hand = body.arms[0]?.[2] ?? body.shoulder;
  if (kind === "strap") {
    const foot = body.legs[0];
    const sole = foot ? midfoot(foot) : hand;
    return <path key={kind} class="prop" d={limb([hand, sole])} stroke-width={2.5} />;
  }
  if (kind === "dowel") {
    // Along the back, touching the head, the upper back and the tailbone.
    const reachUp = SEG.torso + SEG.neck + SEG.head + 1;
    const line = [
      behindBack(body.hip, body.trunk, -12, DOWEL),
      behindBack(body.hip, body.trunk, reachUp, DOWEL),
    ];
    return <path key={kind} class="prop" d={limb(line)} stroke-width={3} />;
  }
  // A small kettlebell hanging from the hands.
  const bell = step(hand, 8, -90);
  return (
    <g key={kind} class="prop">
      <path d={limb([hand, step(bell, 4, -90)])} stroke-width={2.5} />
      <circle cx={f(bell[0])} cy={f(bell[1] + 2)} r={5.5} fill="currentColor" stroke-width={2} />
    </g>
  );
}

function posed(spec: FigureSpec, props: Prop[]): VNode {
  const body = pose(spec);
  return (
    <>
      {figure(body)}
      {props.map((kind) => prop(kind, body))}
    </>
  );
}

/** Chevron at `tip`, pointing along `deg`. */
function head(tip: Pt, deg: number): string {
  return limb([step(tip, 8, deg + 180 - 32), tip, step(tip, 8, deg + 180 + 32)]);
}

function arrowPath(arrow: Arrow): string {
  if ("hold" in arrow) {
    // A pause sign: two short bars.
    const [x, y] = arrow.hold;
    return `${limb([
      [x - 4, y - 6],
      [x - 4, y + 6],
    ])} ${limb([
      [x + 4, y - 6],
      [x + 4, y + 6],
    ])}`;
  }
  if ("arc" in arrow) {
    const { arc, r, from, to } = arrow;
    const a = step(arc, r, from);
    const b = step(arc, r, to);
    const ccw = to > from;
    const large = Math.abs(to - from) > 180 ? 1 : 0;
    const shaft = `M${xy(a)} A${r} ${r} 0 ${large} ${ccw ? 0 : 1} ${xy(b)}`;
    return `${shaft} ${head(b, to + (ccw ? 90 : -90))}`;
  }
  const { from, to, bend = 0, twoWay = false } = arrow;
  // Bowed to the left of the travel direction for a positive bend.
  const mid = step(lerp(from, to, 0.5), 2 * bend, angleOf(from, to) + 90);
  const shaft = `M${xy(from)} Q${xy(mid)} ${xy(to)}`;
  const heads = [head(to, angleOf(mid, to)), ...(twoWay ? [head(from, angleOf(mid, from))] : [])];
  return [shaft, ...heads].join(" ");
}

/** The floor, drawn under every scene. */
const floor = (
  <path
    class="floor"
    d={limb([
      [10, FLOOR],
      [VIEW.width - 10, FLOOR],
    ])}
    stroke-width={2}
  />
);

/**
 * A scene as SVG content (for an `<svg viewBox="0 0 240 160">`): the floor and furniture, the
 * end pose (class `end`, light and dashed), the start pose (class `start`) and the movement
 * arrows (class `arrow`, accent colour).
 */
export function drawScene(scene: Scene, id: string): VNode {
  const props = scene.props ?? [];
  return (
    <g
      data-drawing={id}
      fill="none"
      stroke="currentColor"
      stroke-width={4}
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      <g class="setting" stroke-width={2.5}>
        {floor}
        {scene.setting}
      </g>
      <g class="end" opacity={0.45} stroke-dasharray="6 6">
        {posed(scene.end, props)}
      </g>
      <g class="start">{posed(scene.start, props)}</g>
      <g class="arrow" stroke="#2f7d6d" stroke-width={3}>
        <path d={scene.arrows.map(arrowPath).join(" ")} />
      </g>
    </g>
  );
}

/** A plain standing figure for a variant without its own drawing. */
export function drawFallback(): VNode {
  const spec: FigureSpec = {
    hip: [120, ANKLE - 64],
    trunk: 90,
    legs: [{ ankle: [122, ANKLE] }],
    arms: [{ upper: -95, fore: -85 }],
  };
  return (
    <g
      data-drawing="fallback"
      fill="none"
      stroke="currentColor"
      stroke-width={4}
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      <g class="setting" stroke-width={2.5}>
        {floor}
      </g>
      <g class="start">{figure(pose(spec))}</g>
    </g>
  );
}

/** Furniture: a chair seen from the side, its seat at `seat` and its back at `x`. */
export function chair(x: number, seat: number, depth = 40): VNode {
  return (
    <path
      d={`${limb([
        [x, seat - 44],
        [x, FLOOR],
      ])} ${limb([
        [x, seat],
        [x + depth, seat],
        [x + depth, FLOOR],
      ])}`}
    />
  );
}

/** A low stool: its top from `x1` to `x2` at height `top`. */
export function stool(x1: number, x2: number, top: number): VNode {
  return (
    <path
      d={`${limb([
        [x1 - 2, top],
        [x2 + 2, top],
      ])} ${limb([
        [x1 + 3, top],
        [x1, FLOOR],
      ])} ${limb([
        [x2 - 3, top],
        [x2, FLOOR],
      ])}`}
    />
  );
}

/** A small tree, for a walk outdoors. */
export function tree(x: number): VNode {
  return (
    <>
      <path
        d={limb([
          [x, FLOOR],
          [x, FLOOR - 38],
        ])}
      />
      <circle cx={x} cy={FLOOR - 56} r={17} />
    </>
  );
}
