import type { Scene } from "./draw.tsx";
import { FLOOR_SCENES } from "./poses-floor.tsx";
import { STANDING_SCENES } from "./poses-standing.tsx";

/** Every drawn exercise variant, by variant id: lying on the floor, then kneeling, sitting and standing. */
export const SCENES: Readonly<Record<string, Scene>> = { ...FLOOR_SCENES, ...STANDING_SCENES };

/** The scene for a variant, or none for an id the catalog does not hold. */
export function sceneOf(variant: string): Scene | undefined {
  return Object.hasOwn(SCENES, variant) ? SCENES[variant] : undefined;
}
