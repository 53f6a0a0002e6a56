import { lazyComponent } from "./lazy.tsx";

interface Props {
  variant: string;
  label: string;
  animated?: boolean;
}

/** An exercise's picture, loaded with the screens that show one (not with the check-in). */
export const Illustration = lazyComponent<Props>(
  () => import("../illustrations/illustration.tsx").then((m) => m.Illustration),
  ({ label }) => <svg class="illustration" viewBox="0 0 240 160" role="img" aria-label={label} />,
);
