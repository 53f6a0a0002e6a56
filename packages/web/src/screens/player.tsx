import {
  clockTime,
  deskSnack,
  type EventOf,
  type Plan,
  type ReadModel,
  variantById,
} from "@limber/core";
import type { FunctionComponent } from "preact";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";

import { ConfirmDialog } from "../components/confirm-dialog.tsx";
import { MovingFigure } from "../components/illustration.tsx";
import { lazyComponent } from "../components/lazy.tsx";
import { useTopOnShow } from "../components/top.ts";
import { nerveEase, replanFrom, soften } from "../player/adjust.ts";
import { changeSentence } from "../player/change-sentence.ts";
import { pageNow, restoreSessionClock, type SessionClock } from "../player/clock.ts";
import { completionText } from "../player/completion.ts";
import { countdownAt } from "../player/cue-events.ts";
import { type CuePlayer, type CueSettings, createCuePlayer } from "../player/cues.ts";
import {
  type Answering,
  answeringNow,
  clearAnswering,
  clearSession,
  keepAnswering,
  loadSession,
  type PersistedSession,
  saveSession,
} from "../player/persisted-session.ts";
import { sessionBlocks } from "../player/record.ts";
import { phaseText, StepRing } from "../player/step-ring.tsx";
import {
  blockStartMs,
  buildTimeline,
  positionAt,
  stepStartMs,
  type Timeline,
} from "../player/timeline.ts";
import { createScreenWakeLock, type ScreenWakeLock } from "../player/wake-lock.ts";
import { go, isDeskSnackRoute } from "../route.ts";
import { sentenceFor } from "../sentence-for.ts";
import { localDay } from "../store/local-time.ts";
import type { AppendAll } from "../store/use-log.ts";
import type { AfterProps } from "./after-session.tsx";

// How to do the step loads when the figure is first tapped, as its own screen does.
const HowTo = lazyComponent(
  () => import("./how-to.tsx").then((m) => m.HowTo),
  () => <p class="muted">Opening…</p>,
);

interface Props {
  model: ReadModel;
  appendAll: AppendAll;
  After: FunctionComponent<AfterProps>;
}

/**
 * The guided session, full screen. The plan is today's as the log's read model gives it, never
 * a copy kept by the player, so nothing can start a session on a day triage closed
 * (R-TRIAGE-NO-BYPASS).
 */
export function Player({ model, appendAll, After }: Props) {
  // The day the player opened on stays its day: a session under way at midnight goes on with
  // that day's plan and is kept on that day, never dropped for a new day with no check-in yet.
  const [today] = useState(() => localDay(new Date()));
  const seen = model.days.get(today);
  const checkIn = seen?.checkIn.data;
  const dayPlan = seen?.plan;
  // A desk snack is made from the day's plan, so triage has spoken for it too (R-DESK).
  const snack = isDeskSnackRoute(location.hash);
  const plan = dayPlan && snack ? deskSnack(dayPlan) : dayPlan;
  // A reload while the questions after a session showed asks them again: the session is kept,
  // and offering it anew would invite doing it twice.
  const [asking] = useState(() => {
    const kept = answeringNow(Date.now());
    const inForce = kept && model.state.sessions.some((s) => s.id === kept.event.id);
    return inForce && kept.snack === snack ? kept : undefined;
  });
  if (asking) return <Answers finished={asking} appendAll={appendAll} After={After} />;
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
    <Session
      plan={plan}
      today={today}
      snack={snack}
      painBefore={checkIn.pain}
      appendAll={appendAll}
      After={After}
    />
  );
}

/** What Finish kept: the session event as written, and its completion line. */
type Finished = Omit<Answering, "snack">;

function Session(props: {
  plan: Plan;
  today: string;
  snack: boolean;
  painBefore: number | undefined;
  appendAll: AppendAll;
  After: Props["After"];
}) {
  const [finished, setFinished] = useState<Answering>();
  if (!finished) {
    return (
      <Running
        {...props}
        onFinished={(kept) => {
          const answering = { ...kept, snack: props.snack };
          keepAnswering(answering, Date.now());
          setFinished(answering);
        }}
      />
    );
  }
  return <Answers finished={finished} appendAll={props.appendAll} After={props.After} />;
}

/**
 * The questions after a session, in place of the session kept at Finish. Leaving them, by Save,
 * Done or for another screen, passes them over for good; only a reload or a reopened tab (which
 * never unmounts them) asks them again.
 */
function Answers({
  finished,
  appendAll,
  After,
}: {
  finished: Answering;
  appendAll: AppendAll;
  After: Props["After"];
}) {
  useEffect(() => clearAnswering, []);
  return (
    <After
      summary={finished.summary}
      snack={finished.snack}
      onSave={async (feedback) => {
        // The answers replace the session kept at Finish, in one write: the answered session and
        // the retract of the kept one are both kept, or neither is and the kept one stands. The
        // answered one keeps the kept one's time, so answers given after midnight leave the
        // session on the day it was practised.
        await appendAll([
          {
            type: "session",
            data: { ...finished.event.data, ...feedback },
            at: new Date(finished.event.at),
            day: finished.event.day,
          },
          {
            type: "retract",
            data: { target: finished.event.id, reason: "answered after the session" },
          },
        ]);
        go("today");
      }}
      onDone={() => go("today")}
    />
  );
}

function Running({
  plan,
  today,
  snack,
  painBefore,
  appendAll,
  onFinished,
}: {
  plan: Plan;
  today: string;
  snack: boolean;
  painBefore: number | undefined;
  appendAll: AppendAll;
  onFinished: (finished: Finished) => void;
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
        ...(snack ? { snack: true } : {}),
      },
  );
  const latest = useRef(session);
  latest.current = session;
  const clock = useRef<SessionClock>(restoreSessionClock(session.clock));
  const timeline = useMemo<Timeline>(() => buildTimeline(session.blocks), [session.blocks]);
  const [, setFrame] = useState(0);
  // Set the moment Finish begins: from then on nothing saves the session in progress again.
  const over = useRef(false);
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [change, setChange] = useState<{ blockIndex: number; text: string }>();
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
      // Leaving the player for another screen pauses the session where it was; Today offers
      // to resume it. A reload or a closed tab never gets here, and resumes as loadSession says.
      if (over.current || !clock.current.running) return;
      clock.current.pause();
      saveSession({ ...latest.current, clock: clock.current.snapshot() });
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
    if (over.current) return;
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
    if (over.current) return;
    saveSession({
      ...session,
      clock: clock.current.snapshot(),
      seen: { at: pageNow(), elapsedMs: clock.current.elapsedMs() },
    });
  }, [position.stepIndex]);

  /**
   * Finish is final: the session event is written now, with what was done, and the session in
   * progress is cleared in the same step, so Back, a reload or a closed tab cannot reopen it.
   * The questions come after, and only amend it.
   */
  const finish = async () => {
    if (over.current) return;
    over.current = true;
    cues.current?.cancel();
    wake.current?.letSleep();
    clock.current.pause();
    const at = positionAt(timeline, clock.current.elapsedMs());
    const skipped = new Set(session.skipped);
    const blocks = sessionBlocks(session.blocks, timeline, at, skipped);
    if (blocks.every((block) => block.skipped)) {
      // Nothing done yet: nothing to keep, and nothing to resume.
      clearSession();
      go("today");
      return;
    }
    try {
      const [event] = (await appendAll([
        {
          type: "session",
          data: {
            kind: session.kind === "none" ? "standard" : session.kind,
            blocks,
            ...(painBefore === undefined ? {} : { painBefore }),
          },
          day: session.day,
        },
      ])) as [EventOf<"session">];
      clearSession();
      onFinished({ event, summary: completionText(timeline, at, skipped) });
    } catch (error) {
      over.current = false;
      persist({});
      setProblem(sentenceFor(error));
      throw error;
    }
  };
  useEffect(() => {
    if (position.done) finish().catch(() => {});
  }, [position.done]);

  const running = clock.current.running;
  const started = elapsed > 0 || running;
  // A second tap of a double tap is the same button again, never the one beside it.
  const once = (action: () => void) => (event: MouseEvent) => {
    if (event.detail <= 1) action();
  };
  const start = () => {
    // A session not yet begun when the day turned is the old day's: the new day checks in first.
    if (!started && localDay(new Date()) !== today) {
      clearSession();
      go("today");
      return;
    }
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
  const adjust = (how: typeof soften) => {
    if (!step) return;
    const blocks = how(session.blocks, step.blockIndex);
    const before = session.blocks[step.blockIndex];
    const after = blocks[step.blockIndex];
    const replanned = replanFrom(timeline, blocks, clock.current.elapsedMs());
    cues.current?.cancel();
    clock.current.seek(replanned.elapsedMs);
    persist({ blocks });
    if (before && after) {
      setChange({ blockIndex: step.blockIndex, text: changeSentence(before, after) });
    }
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
  const side = step?.side ? SIDE_LABELS[step.side] : "";
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
  const state = running ? "running" : started ? "paused" : "ready";
  const count = running && step ? countdownAt(step, position.stepLeftMs) : undefined;
  const changed = change && change.blockIndex === step?.blockIndex ? change.text : "";
  const doneSoFar =
    asking &&
    sessionBlocks(session.blocks, timeline, position, new Set(session.skipped)).some(
      (b) => !b.skipped,
    );
  return (
    <main class={`player ${state}`} aria-labelledby="player-title">
      <p class="small muted">
        {step ? `${step.blockIndex + 1} of ${session.blocks.length}` : ""} ·{" "}
        {clockTime(Math.ceil(position.sessionLeftMs / 1000))} left
      </p>
      <button type="button" class="player-finish" onClick={() => setAsking(true)}>
        Finish
      </button>
      <h1 id="player-title">
        <span class="player-name">{step?.name}</span> <span class="player-side">{side}</span>
      </h1>
      <p class="visually-hidden" aria-live="polite">
        {step
          ? `${step.name}${side ? `, ${side}` : ""}. ${step.kind === "rest" ? "Rest." : step.cue}`
          : ""}
      </p>
      {block && (
        <div class="figure">
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
          {state === "paused" && (
            <span class="paused-badge" aria-hidden="true">
              Paused
            </span>
          )}
        </div>
      )}
      <StepRing step={step} position={position} count={count} />
      {/* Not live: a breath's words change every few seconds. The step itself is announced. */}
      <p class="phase">{phaseText(step, position, state)}</p>
      <p class="cue">{step?.cue}</p>
      <p class="small muted next">{step ? `Next: ${step.next}` : ""}</p>
      <p class="change" role="status">
        {changed}
      </p>
      {problem && (
        <p class="notice" role="alert">
          The session was not saved: {problem} Press Finish to try again.
        </p>
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
      {/* Pinned at the bottom, at thumb height: what changes above never moves these. */}
      <div class="player-controls">
        <div class="steps-nav">
          <button type="button" onClick={back}>
            Back
          </button>
          <progress max={1} value={position.progress} aria-label="Session progress" />
          <button type="button" onClick={skipBlock}>
            Skip exercise
          </button>
        </div>
        <div class="controls">
          <button type="button" onClick={once(() => adjust(soften))} disabled={!canAdjust}>
            Soften
          </button>
          <button type="button" class="primary play" onClick={once(running ? pause : start)}>
            <span class={running ? "icon-pause" : "icon-play"} aria-hidden="true" />
            {running ? "Pause" : started ? "Resume" : "Start"}
          </button>
          <button
            type="button"
            class="nowrap"
            onClick={once(() => adjust(nerveEase))}
            disabled={!canAdjust}
          >
            Nerve-y?
          </button>
        </div>
      </div>
      {asking && (
        <ConfirmDialog
          title="Finish the session now?"
          choices={[{ label: doneSoFar ? "Finish and save" : "Finish", choose: finish }]}
          onCancel={() => setAsking(false)}
        >
          <p>
            {doneSoFar
              ? "What you have done so far is saved, and the session ends here."
              : "Nothing has been done yet, so nothing is saved, and the session ends here."}
          </p>
        </ConfirmDialog>
      )}
    </main>
  );
}

const SIDE_LABELS = { left: "Left leg", right: "Right leg" } as const;

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
