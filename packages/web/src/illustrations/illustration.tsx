import { isVariantId, type Prop, variantById } from "@limber/core";
import type { HowToPicture } from "@limber/core/words";
import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { PlayerPosition, TimelineStep } from "../player/timeline.ts";
import { type FigureSpec, pose, tween, VIEW } from "./body.ts";
import { arrowPath, cropOf, keyAnglePath, Person, type Scene, Setting, specOf } from "./draw.tsx";
import { sceneOf } from "./figures.tsx";
import { type Moment, momentOf } from "./motion.ts";

/**
 * Exercise pictures: one person, drawn with body, posed by joint angles. A still picture shows
 * one position, or the start in a light tone behind the end with an arrow for the movement; the
 * moving figure follows the player's clock; under reduced motion it becomes the start and end
 * side by side.
 */

/** The part of the drawing to show: the scene with the floor under it, the same width for all. */
export function viewBoxOf(variant: string): string {
  const scene = sceneOf(variant);
  return scene ? cropOf(scene).join(" ") : `0 0 ${VIEW.width} ${VIEW.height}`;
}

/** The props a variant lists, which its picture draws. */
function propsOf(variant: string): readonly Prop[] {
  return isVariantId(variant) ? variantById(variant).props : [];
}

/** The person at a moment of the movement, with the far limbs working when `swap` says so. */
export function specAt(scene: Scene, moment: Pick<Moment, "t" | "swap">): FigureSpec {
  const spec = tween(scene.start, scene.end, moment.t);
  if (!moment.swap) return spec;
  const [near, far] = spec.legs;
  const [nearArm, farArm] = spec.arms;
  return {
    ...spec,
    legs: far && near ? [far, near] : spec.legs,
    arms: farArm && nearArm ? [farArm, nearArm] : spec.arms,
  };
}

function Frame({
  variant,
  label,
  side,
  pose: reading,
  hidden = false,
  children,
}: {
  variant: string;
  label: string;
  side?: "left" | "right" | undefined;
  pose?: string;
  /** Part of a larger picture that has its own label. */
  hidden?: boolean;
  children: ComponentChildren;
}) {
  // Seen from the right, the person's right side faces the viewer; the left side is its mirror.
  const scene = sceneOf(variant);
  const [x, , width] = scene ? cropOf(scene) : [0, 0, VIEW.width];
  const mirror = side === "left" ? `translate(${2 * x + width} 0) scale(-1 1)` : undefined;
  return (
    <svg
      role={hidden ? undefined : "img"}
      aria-label={hidden ? undefined : label}
      aria-hidden={hidden ? "true" : undefined}
      viewBox={viewBoxOf(variant)}
      class="illustration"
      data-drawing={variant}
      data-pose={reading}
    >
      <g transform={mirror}>{children}</g>
    </svg>
  );
}

function Posed({
  scene,
  spec,
  props,
  tone,
}: {
  scene: Scene;
  spec: FigureSpec;
  props: readonly Prop[];
  tone?: string;
}) {
  const body = pose(spec);
  // Marked on the movement's own positions; a ghost, or getting into place, goes without.
  const key = scene.key && tone === undefined ? keyAnglePath(body, scene.key) : "";
  // A joint's angle goes under the limbs, so only the part between them shows; the gap under
  // the back goes over everything, since the arm lying by the side would hide it.
  const under = scene.key !== "low-back";
  return (
    <>
      {key && under && <path class="key-angle" d={key} />}
      <Person
        body={body}
        props={props}
        {...(tone ? { tone } : {})}
        {...(key && !under ? { mark: key } : {})}
      />
    </>
  );
}

/**
 * A still picture of a variant: one of its positions, or (by default) its movement: the start
 * in a light tone, the end in full, and an arrow in the accent colour.
 */
export function Illustration({
  variant,
  label,
  picture = "move",
}: {
  variant: string;
  label: string;
  picture?: HowToPicture;
}) {
  const scene = sceneOf(variant);
  const props = propsOf(variant);
  if (!scene)
    return <svg role="img" aria-label={label} viewBox={viewBoxOf(variant)} class="illustration" />;
  return (
    <Frame variant={variant} label={label}>
      <Setting scene={scene} props={props} />
      {picture === "move" ? (
        <>
          <Posed scene={scene} spec={scene.start} props={props} tone=" ghost" />
          <Posed scene={scene} spec={scene.end} props={props} />
          <path class="arrow" d={scene.arrows.map(arrowPath).join(" ")} />
        </>
      ) : (
        <Posed
          scene={scene}
          spec={specOf(scene, picture)}
          props={props}
          {...(picture === "setup" ? { tone: "" } : {})}
        />
      )}
    </Frame>
  );
}

/** True while the person asks for reduced motion; follows a change of that setting. */
function useReducedMotion(): boolean {
  const query =
    typeof matchMedia === "function" ? matchMedia("(prefers-reduced-motion: reduce)") : undefined;
  const [reduced, setReduced] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const onChange = () => setReduced(query.matches);
    query.addEventListener("change", onChange);
    onChange();
    return () => query.removeEventListener("change", onChange);
  }, []);
  return reduced;
}

/**
 * The player's figure: the person doing the movement at this moment of the session, mirrored
 * for the left side. Its reading (`data-pose`) is the moment itself, for anyone checking that
 * the figure follows the clock. Under reduced motion: the start and end side by side, still.
 */
export function MovingFigure({
  variant,
  label,
  step,
  position,
}: {
  variant: string;
  label: string;
  step: TimelineStep | undefined;
  position: PlayerPosition;
}) {
  const reduced = useReducedMotion();
  const scene = sceneOf(variant);
  const moment = momentOf(step, position);
  if (reduced) return <StartAndEnd variant={variant} label={label} side={moment.side} />;
  if (!scene) return <Illustration variant={variant} label={label} />;
  const props = propsOf(variant);
  const reading = `${moment.side ?? "both"} ${moment.swap ? "far" : "near"} ${moment.t.toFixed(3)}`;
  return (
    <Frame
      variant={variant}
      label={`${label}, moving in time with the session`}
      side={moment.side}
      pose={reading}
    >
      <Setting scene={scene} props={props} />
      <Posed scene={scene} spec={specAt(scene, moment)} props={props} />
    </Frame>
  );
}

/** The start and end positions side by side, each labelled: the still form of the movement. */
export function StartAndEnd({
  variant,
  label,
  side,
}: {
  variant: string;
  label: string;
  side?: "left" | "right" | undefined;
}) {
  const scene = sceneOf(variant);
  const props = propsOf(variant);
  // Spans, not figures: the pair may sit inside a button.
  return (
    <span class="start-end" role="img" aria-label={`${label}: start and end, side by side`}>
      {(["start", "end"] as const).map((picture) => (
        <span key={picture}>
          <Frame variant={variant} label={`${label}: ${picture} position`} side={side} hidden>
            {scene && (
              <>
                <Setting scene={scene} props={props} />
                <Posed scene={scene} spec={scene[picture]} props={props} />
                {picture === "end" && (
                  <path class="arrow" d={scene.arrows.map(arrowPath).join(" ")} />
                )}
              </>
            )}
          </Frame>
          <span class="caption" aria-hidden="true">
            {picture === "start" ? "Start" : "End"}
          </span>
        </span>
      ))}
    </span>
  );
}
