import { VIEW } from "./body.ts";
import { drawing } from "./figures.tsx";

/**
 * An exercise picture: the start position solid, the end position light and dashed, and an
 * arrow in the accent colour for the direction of movement. With `animated`, the two positions
 * slowly take turns (never under prefers-reduced-motion; see illustrations.css).
 */
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
      viewBox={`0 0 ${VIEW.width} ${VIEW.height}`}
      class={animated ? "illustration animated" : "illustration"}
    >
      {drawing(variant)}
    </svg>
  );
}
