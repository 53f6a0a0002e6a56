import { useEffect, useState } from "preact/hooks";

export type Route =
  | "today"
  | "player"
  | "history"
  | "learn"
  | "how-to"
  | "settings"
  | "sources"
  | "clinician"
  | "programme"
  | ProgressRoute;
/** The progress screens: trends, journal, function goals, the range test, the clinician summary. */
export type ProgressRoute = "progress" | "journal" | "goals" | "range-test" | "report";
const PROGRESS_ROUTES: readonly ProgressRoute[] = [
  "progress",
  "journal",
  "goals",
  "range-test",
  "report",
];
const ROUTES: readonly Route[] = [
  "today",
  "player",
  "history",
  "learn",
  "how-to",
  "settings",
  "sources",
  "clinician",
  "programme",
  ...PROGRESS_ROUTES,
];

export const isProgressRoute = (route: Route): route is ProgressRoute =>
  (PROGRESS_ROUTES as readonly string[]).includes(route);

function routeOf(hash: string): Route {
  const name = hash.replace(/^#\/?/, "").split("?")[0] ?? "";
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : "today";
}

/**
 * The screen named by the address's hash, so back and reload keep the person where they were.
 * The whole hash is followed, so a screen redraws when only its query changes (one lesson to
 * another).
 */
export function useRoute(): Route {
  const [hash, setHash] = useState(() => location.hash);
  useEffect(() => {
    const onChange = () => setHash(location.hash);
    addEventListener("hashchange", onChange);
    // The address may have changed between the first render and now, before anyone listened.
    onChange();
    return () => removeEventListener("hashchange", onChange);
  }, []);
  return routeOf(hash);
}

export function go(route: Route): void {
  location.hash = route === "today" ? "#/" : `#/${route}`;
}

/** The player's address for a desk snack (R-DESK) rather than the day's session. */
export const DESK_SNACK_HASH = "#/player?snack=desk";

export function isDeskSnackRoute(hash: string): boolean {
  return new URLSearchParams(hash.split("?")[1] ?? "").get("snack") === "desk";
}
