import type { HowToPicture } from "@limber/core/words";
import type { PlayerPosition, TimelineStep } from "../player/timeline.ts";
import { lazyComponent } from "./lazy.tsx";

interface Props {
  variant: string;
  label: string;
  /** One of the variant's positions, or (by default) the movement from start to end. */
  picture?: HowToPicture;
}

const pictures = () => import("../illustrations/illustration.tsx");
const placeholder = ({ label }: { label: string }) => (
  <svg class="illustration" viewBox="0 0 192 100" role="img" aria-label={label} />
);

/** An exercise's picture, loaded with the screens that show one (not with the check-in). */
export const Illustration = lazyComponent<Props>(
  () => pictures().then((m) => m.Illustration),
  placeholder,
);

/** The player's figure, moving with the session's clock (still under reduced motion). */
export const MovingFigure = lazyComponent<{
  variant: string;
  label: string;
  step: TimelineStep | undefined;
  position: PlayerPosition;
}>(() => pictures().then((m) => m.MovingFigure), placeholder);
