import type { ComponentType, JSX } from "preact";
import { useEffect, useState } from "preact/hooks";

/**
 * A component whose code loads only when it is first shown, keeping it out of the first
 * screen's download. Until it arrives, `placeholder` holds its place (same size: no layout shift).
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  placeholder: (props: P) => JSX.Element | null,
): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  return function Lazy(props: P) {
    const [Component, setComponent] = useState(() => loaded);
    useEffect(() => {
      if (Component) return;
      loading ??= load().then((component) => {
        loaded = component;
        return component;
      });
      let live = true;
      loading.then((component) => live && setComponent(() => component));
      return () => {
        live = false;
      };
    }, [Component]);
    return Component ? <Component {...props} /> : placeholder(props);
  };
}
