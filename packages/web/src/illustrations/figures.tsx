import type { VNode } from "preact";
import { drawFallback, drawScene, type Scene } from "./draw.tsx";
import { FLOOR_SCENES } from "./poses-floor.tsx";
import { STANDING_SCENES } from "./poses-standing.tsx";

/** Every drawn exercise variant, by variant id: lying on the floor, then kneeling, sitting and standing. */
export const SCENES: Readonly<Record<string, Scene>> = { ...FLOOR_SCENES, ...STANDING_SCENES };

/** The drawing for a variant (content for a `0 0 240 160` viewBox), or a plain figure for an unknown id. */
export function drawing(variant: string): VNode {
  const scene = Object.hasOwn(SCENES, variant) ? SCENES[variant] : undefined;
  return scene ? drawScene(scene, variant) : drawFallback();
}
