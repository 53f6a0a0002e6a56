import { useEffect, useState } from "preact/hooks";

export type Route = "today" | "player" | "history" | "settings" | "sources";
const ROUTES: readonly Route[] = ["today", "player", "history", "settings", "sources"];

function read(): Route {
  const name = location.hash.replace(/^#\/?/, "").split("?")[0] ?? "";
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : "today";
}

/** The screen named by the address's hash, so back and reload keep the person where they were. */
export function useRoute(): Route {
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = () => setRoute(read());
    addEventListener("hashchange", onChange);
    return () => removeEventListener("hashchange", onChange);
  }, []);
  return route;
}

export function go(route: Route): void {
  location.hash = route === "today" ? "#/" : `#/${route}`;
}
