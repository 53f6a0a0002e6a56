import { easierAnswers, easierNote, notYetSet, type ReadModel } from "@limber/core";
import { useEffect, useState } from "preact/hooks";
import { lazyComponent } from "./components/lazy.tsx";
import { ProgressScreens } from "./progress/routes.tsx";
import { useNudges } from "./reminders/notifier.ts";
import { isProgressRoute, type Route, useRoute } from "./route.ts";
import type { EasierPrompt } from "./screens/after-session.tsx";
import { type FirstRunSigns, Today } from "./screens/today.tsx";
import { onRemovedElsewhere } from "./store/device-data.ts";
import type { DeviceStore } from "./store/event-store.ts";
import { localDay } from "./store/local-time.ts";
import { type AppendAll, type LogStatus, useLog } from "./store/use-log.ts";
import { useSync } from "./sync/use-sync.ts";

interface SessionProps {
  model: ReadModel;
  appendAll: AppendAll;
  easier: EasierPrompt;
}

// The player is the largest screen and is never the first one: it loads when first opened,
// with the questions that come after a session.
const Session = lazyComponent(
  () =>
    Promise.all([import("./screens/player.tsx"), import("./screens/after-session.tsx")]).then(
      ([{ Player }, { AfterSession, EasierContext }]) =>
        function Session({ model, appendAll, easier }: SessionProps) {
          return (
            <EasierContext.Provider value={easier}>
              <Player model={model} appendAll={appendAll} After={AfterSession} />
            </EasierContext.Provider>
          );
        },
    ),
  () => (
    <main aria-busy="true">
      <p class="muted">Getting your session ready…</p>
    </main>
  ),
);

// The first run comes once per device, so it too loads only when it is needed.
const FirstRun = lazyComponent(
  () => import("./screens/first-run.tsx").then((m) => m.FirstRun),
  () => (
    <main aria-busy="true">
      <p class="muted">Opening…</p>
    </main>
  ),
);

// History, Learn, How to, Settings and Sources load when first opened, keeping the check-in's download small.
const waiting = () => (
  <main aria-busy="true">
    <p class="muted">Opening…</p>
  </main>
);
const History = lazyComponent(
  () => import("./screens/history.tsx").then((m) => m.History),
  waiting,
);
const Settings = lazyComponent(
  () => import("./screens/settings.tsx").then((m) => m.Settings),
  waiting,
);
const Learn = lazyComponent(() => import("./screens/learn.tsx").then((m) => m.Learn), waiting);
const HowToScreen = lazyComponent(
  () => import("./screens/how-to.tsx").then((m) => m.HowToScreen),
  waiting,
);
const Sources = lazyComponent(
  () => import("./screens/sources.tsx").then((m) => m.Sources),
  waiting,
);
// For clinicians: the programme builder (with its QR code maker), and a programme's link opened
// on the person's device. Each loads only when its address is opened.
const Clinician = lazyComponent(
  () => import("./screens/clinician.tsx").then((m) => m.Clinician),
  waiting,
);
const ProgrammeScreen = lazyComponent(
  () => import("./screens/programme.tsx").then((m) => m.ProgrammeScreen),
  waiting,
);

const TABS: { route: Route; label: string }[] = [
  { route: "today", label: "Today" },
  { route: "history", label: "History" },
  { route: "progress", label: "Progress" },
  { route: "learn", label: "Learn" },
  { route: "settings", label: "Settings" },
];

export function App({ openStore }: { openStore: () => Promise<DeviceStore> }) {
  const log = useLog(openStore);
  useEffect(onRemovedElsewhere, []);
  const route = useRoute();
  const [firstRun, setFirstRun] = useState<FirstRunSigns>();

  // A clinician's page needs no account and no journal of their own.
  if (route === "clinician") return <Clinician />;
  if (log.status === "loading") {
    return (
      <main aria-busy="true">
        <p class="muted">Opening your journal…</p>
      </main>
    );
  }
  if (log.status === "failed") {
    return (
      <main>
        <h1>Limber cannot open its storage</h1>
        <p>{log.message}</p>
        <p>
          Private browsing can stop a site from keeping entries. Please open Limber in a normal
          window.
        </p>
      </main>
    );
  }
  return <ReadyApp log={log} route={route} firstRun={firstRun} setFirstRun={setFirstRun} />;
}

function ReadyApp({
  log,
  route,
  firstRun,
  setFirstRun,
}: {
  log: Extract<LogStatus, { status: "ready" }>;
  route: Route;
  firstRun: FirstRunSigns | undefined;
  setFirstRun: (answer: FirstRunSigns) => void;
}) {
  const { state, model, entries, append, appendAll, unreadable, store, merge } = log;
  const sync = useSync(store, merge, entries);
  useNudges(model);
  if (!state.settings.disclaimerAccepted) {
    return (
      <FirstRun
        sync={sync}
        onDone={async (settings, signsToReport) => {
          // First run asked the signs: that day's check-in does not ask them again.
          setFirstRun({ day: localDay(new Date()), signs: signsToReport ? "some" : "none" });
          // Only what the log (an account signed in to) does not hold yet: a new device never
          // overwrites a setting made on another.
          const change = notYetSet(settings, model.settingsEvents);
          if (change) await append("settings", change);
        }}
      />
    );
  }
  if (route === "player") {
    const easier = {
      past: easierAnswers(state, 3),
      save: (answer: string) => append("note", easierNote(answer)).then(() => {}),
    };
    return <Session model={model} appendAll={appendAll} easier={easier} />;
  }
  return (
    <>
      {unreadable.length > 0 && (
        <p class="notice" role="alert">
          {unreadable.length === 1 ? "One stored entry" : `${unreadable.length} stored entries`}{" "}
          could not be read and {unreadable.length === 1 ? "is" : "are"} kept aside, unchanged:{" "}
          {unreadable[0]?.message}
        </p>
      )}
      {route === "today" && (
        <Today
          model={model}
          append={append}
          {...(firstRun ? { firstRun } : {})}
          synced={sync.account.state !== "signed-out"}
        />
      )}
      {route === "history" && <History model={model} />}
      {route === "settings" && <Settings log={log} sync={sync} />}
      {route === "learn" && <Learn />}
      {route === "how-to" && <HowToScreen />}
      {route === "sources" && <Sources />}
      {route === "programme" && <ProgrammeScreen model={model} append={append} />}
      {isProgressRoute(route) && <ProgressScreens route={route} log={log} />}
      <nav class="tabs" aria-label="Main">
        {TABS.map((tab) => (
          <a
            key={tab.route}
            href={tab.route === "today" ? "#/" : `#/${tab.route}`}
            aria-current={
              route === tab.route || (tab.route === "progress" && isProgressRoute(route))
                ? "page"
                : undefined
            }
          >
            {tab.label}
          </a>
        ))}
      </nav>
    </>
  );
}
