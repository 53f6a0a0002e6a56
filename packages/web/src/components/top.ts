import { useEffect } from "preact/hooks";

/** A new screen starts at its top, not where the last one was scrolled to. */
export function useTopOnShow(...keys: unknown[]): void {
  useEffect(() => scrollTo(0, 0), keys);
}
