import { lazyComponent } from "../components/lazy.tsx";
import type { ProgressRoute } from "../route.ts";
import { type LogStatus, useWholeLog } from "../store/use-log.ts";
import "./tabs.css";

export type ReadyLog = Extract<LogStatus, { status: "ready" }>;
export interface ScreenProps {
  log: ReadyLog;
}

const waiting = () => (
  <main aria-busy="true">
    <p class="muted">Opening…</p>
  </main>
);

// Each progress screen loads when first opened: charts and the PDF maker stay out of the first download.
const SCREENS: Record<ProgressRoute, ReturnType<typeof lazyComponent<ScreenProps>>> = {
  progress: lazyComponent(() => import("../screens/progress.tsx").then((m) => m.Progress), waiting),
  journal: lazyComponent(() => import("../screens/journal.tsx").then((m) => m.Journal), waiting),
  goals: lazyComponent(() => import("../screens/goals.tsx").then((m) => m.Goals), waiting),
  "range-test": lazyComponent(
    () => import("../screens/range-test.tsx").then((m) => m.RangeTest),
    waiting,
  ),
  report: lazyComponent(() => import("../screens/report.tsx").then((m) => m.Report), waiting),
};

/** The screen of a progress route, once the whole log is read: these screens read all of it. */
export function ProgressScreens({ route, log }: { route: ProgressRoute; log: ReadyLog }) {
  const Screen = SCREENS[route];
  if (!useWholeLog(log)) {
    return (
      <main aria-busy="true">
        <p class="muted">Opening your history…</p>
      </main>
    );
  }
  return <Screen log={log} />;
}
