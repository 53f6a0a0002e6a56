import { clockTime, deskSnack, type Plan, type ReadModel, variantById } from "@limber/core";
import type { FunctionComponent } from "preact";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";

import { MovingFigure } from "../components/illustration.tsx";
import { lazyComponent } from "../components/lazy.tsx";
import { useTopOnShow } from "../components/top.ts";
import { nerveEase, replanFrom, soften } from "../player/adjust.ts";
import { pageNow, restoreSessionClock, type SessionClock } from "../player/clock.ts";
import { type CuePlayer, type CueSettings, createCuePlayer } from "../player/cues.ts";
import {
  clearSession,
  loadSession,
  type PersistedSession,
  saveSession,
} from "../player/persisted-session.ts";
import { sessionBlocks } from "../player/record.ts";
import {
  blockStartMs,
  buildTimeline,
  positionAt,
  stepStartMs,
  type Timeline,
} from "../player/timeline.ts";
import { createScreenWakeLock, type ScreenWakeLock } from "../player/wake-lock.ts";
import { go, isDeskSnackRoute } from "../route.ts";
import { localDay } from "../store/local-time.ts";
import type { Append } from "../store/use-log.ts";
import type { SessionFeedback } from "./after-session.tsx";

// How to do the step loads when the figure is first tapped, as its own screen does.
const HowTo = lazyComponent(
  () => import("./how-to.tsx").then((m) => m.HowTo),
  () => <p class="muted">Opening…</p>,
);

interface Props {
  model: ReadModel;
  append: Append;
  After: FunctionComponent<{ onSave: (feedback: SessionFeedback) => Promise<void> }>;
}

/**
 * The guided session, full screen. The plan is today's as the log's read model gives it, never
 * a copy kept by the player, so nothing can start a session on a day triage closed
 * (R-TRIAGE-NO-BYPASS).
 */
export function Player({ model, append, After }: Props) {
  const today = localDay(new Date());
  const seen = model.days.get(today);
  const checkIn = seen?.checkIn.data;
  const dayPlan = seen?.plan;
  // A desk snack is made from the day's plan, so triage has spoken for it too (R-DESK).
  const plan = dayPlan && isDeskSnackRoute(location.hash) ? deskSnack(dayPlan) : dayPlan;
  if (!checkIn || !plan || plan.blocks.length === 0) {
    clearSession();
    return (
      <main>
        <h1>No session to run</h1>
        <p>
          {!checkIn
            ? "Check in first, and Limber will plan today's session."
            : dayPlan && dayPlan.blocks.length > 0
              ? "Desk snacks are offered on days you mark as mostly at a desk, in today's check-in."
              : "Today is not a day for practice."}
        </p>
        <a class="button primary" href="#/">
          Back to today
        </a>
      </main>
    );
  }
  return (
    <Running plan={plan} today={today} painBefore={checkIn.pain} append={append} After={After} />
  );
}

function Running({
  plan,
  today,
  painBefore,
  append,
  After,
}: {
  plan: Plan;
  today: string;
  painBefore: number | undefined;
  append: Append;
  After: Props["After"];
}) {
  const saved = useMemo(() => loadSession(today, plan, pageNow()), [today, plan]);
  const [session, setSession] = useState<PersistedSession>(
    () =>
      saved ?? {
        day: today,
        kind: plan.kind,
        blocks: plan.blocks,
        clock: { elapsedBeforeMs: 0, runningSince: null },
        skipped: [],
      },
  );
  const clock = useRef<SessionClock>(restoreSessionClock(session.clock));
  const timeline = useMemo<Timeline>(() => buildTimeline(session.blocks), [session.blocks]);
  const [, setFrame] = useState(0);
  const [finished, setFinished] = useState(false);
  const [showHowTo, setShowHowTo] = useState(false);
  useTopOnShow(showHowTo);
  const [cueSettings, setCueSettings] = useState(loadCueSettings);
  const cues = useRef<CuePlayer>();
  const wake = useRef<ScreenWakeLock>();
  useEffect(() => {
    cues.current = createCuePlayer(loadCueSettings());
    wake.current = createScreenWakeLock();
    return () => {
      cues.current?.close();
      wake.current?.dispose();
    };
  }, []);

  // Redraw every animation frame while running; time itself comes from the clock, so a frame
  // that never comes (a hidden tab) costs nothing but a late redraw.
  useEffect(() => {
    if (!clock.current.running) return;
    let frame = requestAnimationFrame(function draw() {
      setFrame((n) => n + 1);
      frame = requestAnimationFrame(draw);
    });
    return () => cancelAnimationFrame(frame);
  });

  const persist = (next: Partial<PersistedSession>) => {
    const updated = { ...session, ...next, clock: clock.current.snapshot() };
    setSession(updated);
    saveSession(updated);
  };

  const elapsed = clock.current.elapsedMs();
  const position = positionAt(timeline, elapsed);
  const step = timeline.steps[position.stepIndex];
  if (clock.current.running) cues.current?.scheduleAhead(timeline, elapsed);

  // Each new step is saved with the moment it was seen, so a tab closed for long resumes there.
  useEffect(() => {
    saveSession({
      ...session,
      clock: clock.current.snapshot(),
      seen: { at: pageNow(), elapsedMs: clock.current.elapsedMs() },
    });
  }, [position.stepIndex]);
  useEffect(() => {
    if (position.done) setFinished(true);
  }, [position.done]);

  if (finished) {
    return (
      <After
        onSave={async (feedback) => {
          const at = positionAt(timeline, clock.current.elapsedMs());
          await append("session", {
            kind: session.kind === "none" ? "standard" : session.kind,
            blocks: sessionBlocks(session.blocks, timeline, at, new Set(session.skipped)),
            ...(painBefore === undefined ? {} : { painBefore }),
            ...feedback,
          });
          clearSession();
          go("today");
        }}
      />
    );
  }

  const running = clock.current.running;
  const start = () => {
    cues.current?.start();
    wake.current?.keepAwake();
    clock.current.resume();
    persist({});
  };
  const pause = () => {
    cues.current?.cancel();
    wake.current?.letSleep();
    clock.current.pause();
    persist({});
  };
  const seek = (ms: number) => {
    cues.current?.cancel();
    clock.current.seek(ms);
    persist({});
  };
  const toggleCue = (kind: keyof CueSettings) => {
    const next = { ...cueSettings, [kind]: !cueSettings[kind] };
    setCueSettings(next);
    saveCueSettings(next);
    cues.current?.configure(next);
  };
  const change = (adjust: typeof soften) => {
    if (!step) return;
    const blocks = adjust(session.blocks, step.blockIndex);
    const replanned = replanFrom(timeline, blocks, clock.current.elapsedMs());
    cues.current?.cancel();
    clock.current.seek(replanned.elapsedMs);
    persist({ blocks });
  };
  const skipBlock = () => {
    if (!step) return;
    const next = step.blockIndex + 1;
    const skipped = [...new Set([...session.skipped, step.blockIndex])];
    clock.current.seek(
      next < session.blocks.length ? blockStartMs(timeline, next) : timeline.totalMs,
    );
    persist({ skipped });
  };
  const back = () => {
    const into = position.intoStepMs;
    const index =
      into > 3000 || position.stepIndex === 0 ? position.stepIndex : position.stepIndex - 1;
    seek(stepStartMs(timeline, index));
  };

  const block = step ? session.blocks[step.blockIndex] : undefined;
  const title = step && block ? `${step.name}${step.side ? ` · ${step.side}` : ""}` : "";
  const canAdjust = block !== undefined && step?.kind === "work";
  // One tap on the figure: the same steps as the how-to screen, with the session paused.
  if (showHowTo && block) {
    return (
      <main class="player">
        <HowTo variant={variantById(block.variant)} />
        <div class="sticky-action">
          <button type="button" class="primary" onClick={() => setShowHowTo(false)}>
            Back to the session
          </button>
        </div>
      </main>
    );
  }
  const openHowTo = () => {
    if (running) pause();
    setShowHowTo(true);
  };
  return (
    <main class="player" aria-labelledby="player-title">
      <p class="small muted">
        {step ? `${step.blockIndex + 1} of ${session.blocks.length}` : ""} ·{" "}
        {clockTime(Math.ceil(position.sessionLeftMs / 1000))} left
      </p>
      <h1 id="player-title">{title}</h1>
      <p class="visually-hidden" aria-live="polite">
        {step
          ? `${title}. ${step.kind === "work" ? step.cue : step.kind === "rest" ? "Rest." : step.cue}`
          : ""}
      </p>
      {block && (
        <div class={running ? "figure" : "figure paused"}>
          <MovingFigure
            variant={block.variant}
            label={block.name}
            step={step}
            position={position}
          />
          {/* Over the figure, so one tap on it opens how to do the step. */}
          <button
            type="button"
            onClick={openHowTo}
            aria-label={`How to do ${block.name}; the session stops while you read`}
          />
        </div>
      )}
      <p class="timer" aria-hidden="true">
        {clockTime(Math.ceil(position.stepLeftMs / 1000))}
      </p>
      <Pacing position={position} />
      <p class="cue">{step?.cue}</p>
      <progress max={1} value={position.progress} aria-label="Session progress" />
      {step && <p class="small muted">Next: {step.next}</p>}
      <div class="controls">
        {running ? (
          <button type="button" onClick={pause}>
            Pause
          </button>
        ) : (
          <button type="button" class="primary" onClick={start}>
            {clock.current.elapsedMs() === 0 ? "Start" : "Resume"}
          </button>
        )}
        <button type="button" onClick={() => change(soften)} disabled={!canAdjust}>
          Soften
        </button>
        <button
          type="button"
          class="nowrap"
          onClick={() => change(nerveEase)}
          disabled={!canAdjust}
        >
          Nerve-y?
        </button>
        <button type="button" onClick={back}>
          Back
        </button>
        <button type="button" onClick={skipBlock}>
          Skip exercise
        </button>
        <button type="button" onClick={() => setFinished(true)}>
          Finish
        </button>
      </div>
      {block?.softened && (
        <p class="small muted">Softened. Breathe smoothly; this is the right amount today.</p>
      )}
      <fieldset class="cue-settings">
        <legend class="small">Cues</legend>
        {(["sound", "voice", "vibrate"] as const).map((kind) => (
          <label class="check small" key={kind}>
            <input type="checkbox" checked={cueSettings[kind]} onChange={() => toggleCue(kind)} />
            <span>{CUE_LABELS[kind]}</span>
          </label>
        ))}
      </fieldset>
    </main>
  );
}

const CUE_LABELS: Record<keyof CueSettings, string> = {
  sound: "Sound",
  voice: "Voice",
  vibrate: "Vibration",
};
const CUE_KEY = "limber.cues.v1";

/** Cue choices belong to the device (a phone on the mat, a laptop at a desk), not to the log. */
function loadCueSettings(): CueSettings {
  const defaults: CueSettings = { sound: true, voice: false, vibrate: true };
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(CUE_KEY) ?? "null");
    return typeof saved === "object" && saved !== null
      ? { ...defaults, ...(saved as Partial<CueSettings>) }
      : defaults;
  } catch {
    return defaults;
  }
}

function saveCueSettings(settings: CueSettings): void {
  try {
    localStorage.setItem(CUE_KEY, JSON.stringify(settings));
  } catch {
    // The choice holds for this session only.
  }
}

const BREATH_WORDS = {
  in: "Breathe in",
  "hold-in": "Hold",
  out: "Breathe out",
  "hold-out": "Hold",
} as const;

function Pacing({ position }: { position: ReturnType<typeof positionAt> }) {
  const pacing = position.pacing;
  if (!pacing) return null;
  if (pacing.kind === "breath") {
    return (
      <div class={`breath breath-${pacing.phase}`}>
        <div class="breath-circle" aria-hidden="true" />
        <p class="pace">{BREATH_WORDS[pacing.phase]}</p>
      </div>
    );
  }
  return (
    <p class="pace">
      {pacing.phase === "down" ? "Down" : "Up"} · rep {pacing.rep} of {pacing.of}
    </p>
  );
}
