import { VARIANTS } from "@limber/core";
import { VIEW } from "./body.ts";
import { drawing } from "./figures.tsx";

/**
 * An exercise picture: the start position solid, the end position light and dashed, and an
 * arrow in the accent colour for the direction of movement. With `animated`, the two positions
 * slowly take turns (never under prefers-reduced-motion; see illustrations.css).
 */
/** Lying poses never rise above this height, so their picture drops the empty sky above. */
const FLOOR_TOP = 56;
const LYING = new Set<string>(VARIANTS.filter((v) => v.position === "supine").map((v) => v.id));

/** The part of the drawing to show: all of it, or the lower band for a pose on the floor. */
export function viewBoxOf(variant: string): string {
  return LYING.has(variant)
    ? `0 ${FLOOR_TOP} ${VIEW.width} ${VIEW.height - FLOOR_TOP}`
    : `0 0 ${VIEW.width} ${VIEW.height}`;
}

export function Illustration({
  variant,
  label,
  animated = false,
}: {
  variant: string;
  label: string;
  animated?: boolean;
}) {
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={viewBoxOf(variant)}
      class={animated ? "illustration animated" : "illustration"}
    >
      {drawing(variant)}
    </svg>
  );
}
