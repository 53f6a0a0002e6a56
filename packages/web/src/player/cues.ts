import { type CueEvent, cueEventsBetween } from "./cue-events.ts";
import type { Timeline } from "./timeline.ts";

/**
 * Sound, voice and vibration for the session. Everything is optional and stays silent until
 * `start()` runs inside the tap that starts the session: browsers allow sound only after a
 * gesture, and nothing should play before the person asks for it. Tones are scheduled on the
 * audio clock from the timeline, never fired from timers, so they land on time even when the
 * page's timers are throttled.
 */

export interface CueSettings {
  sound: boolean;
  voice: boolean;
  vibrate: boolean;
}

export interface CuePlayer {
  /** Call from the gesture that starts (or resumes) the session. */
  start(): void;
  /** Schedules the cues of the next `horizonMs` once; safe to call on every frame. */
  scheduleAhead(timeline: Timeline, elapsedMs: number, horizonMs?: number): void;
  /** Drops everything scheduled: call on pause and on every seek. */
  cancel(): void;
  configure(settings: Partial<CueSettings>): void;
  close(): void;
}

/** The parts of Web Audio the player uses, so tests and older browsers can stand in. */
export interface ToneParam {
  setValueAtTime(value: number, time: number): unknown;
  exponentialRampToValueAtTime(value: number, time: number): unknown;
}
export interface ToneNode {
  connect(destination: ToneNode): unknown;
  disconnect(): void;
}
export interface ToneGain extends ToneNode {
  readonly gain: ToneParam;
}
export interface ToneOscillator extends ToneNode {
  type: OscillatorType;
  readonly frequency: ToneParam;
  start(when: number): void;
  stop(when: number): void;
}
export interface ToneContext {
  readonly currentTime: number;
  readonly state: string;
  readonly destination: ToneNode;
  createGain(): ToneGain;
  createOscillator(): ToneOscillator;
  resume(): Promise<void>;
  close(): Promise<void>;
}

export interface CueDevices {
  audio?: () => ToneContext;
  voice?: {
    speak(text: string): void;
    cancel(): void;
    /** Run inside a gesture: some browsers speak later only if speech began in one. */
    prime?(): void;
  };
  vibrate?: (pattern: number | number[]) => void;
}

/** Cues a little late (the first frame after a tap or a seek) still play, at once. */
const LATE_MS = 250;
const DEFAULT_HORIZON_MS = 3000;
const QUIET = 0.0001;

interface Tone {
  from: number;
  to: number;
  seconds: number;
  attack: number;
  peak: number;
}

const CHIME: Tone = { from: 660, to: 660, seconds: 0.4, attack: 0.02, peak: 0.2 };
const SWITCH: Tone = { from: 440, to: 440, seconds: 0.5, attack: 0.02, peak: 0.2 };
const FINISH_HIGH: Tone = { from: 880, to: 880, seconds: 0.6, attack: 0.02, peak: 0.15 };

export function createCuePlayer(
  initial: CueSettings,
  devices: CueDevices = browserCueDevices(),
): CuePlayer {
  let settings = { ...initial };
  let started = false;
  let ctx: ToneContext | undefined;
  // Every tone of one schedule goes through this gain; disconnecting it silences them all.
  let bus: ToneGain | undefined;
  let timelineScheduled: Timeline | undefined;
  const done = new Set<string>();

  const wakeAudio = () => {
    if (!settings.sound || !devices.audio) return;
    ctx ??= devices.audio();
    // Refused outside a gesture; the next gesture's call succeeds.
    if (ctx.state === "suspended") ctx.resume().catch(() => undefined);
  };

  const cancel = () => {
    bus?.disconnect();
    bus = undefined;
    done.clear();
    devices.voice?.cancel();
    if (settings.vibrate) devices.vibrate?.(0);
  };

  const play = (event: CueEvent, inMs: number) => {
    if (!ctx) return;
    if (!bus) {
      bus = ctx.createGain();
      bus.gain.setValueAtTime(1, ctx.currentTime);
      bus.connect(ctx.destination);
    }
    const at = ctx.currentTime + Math.max(0, inMs) / 1000;
    const tone = (shape: Tone, offset = 0) => {
      if (ctx && bus) playTone(ctx, bus, shape, at + offset);
    };
    if (event.kind === "step") tone(CHIME);
    if (event.kind === "side-switch") tone(SWITCH);
    if (event.kind === "finish") {
      tone(CHIME);
      tone(FINISH_HIGH, 0.3);
    }
    if (event.kind === "breath") tone(breathTone(event.phase, event.durationMs));
  };

  const signal = (event: CueEvent) => {
    if (event.kind === "speech" && settings.voice) devices.voice?.speak(event.text);
    if (!settings.vibrate || !devices.vibrate) return;
    if (event.kind === "step") devices.vibrate(40);
    if (event.kind === "side-switch") devices.vibrate([40, 120, 40]);
    if (event.kind === "finish") devices.vibrate([80, 120, 80]);
  };

  return {
    start() {
      started = true;
      if (settings.voice) devices.voice?.prime?.();
      wakeAudio();
    },
    scheduleAhead(timeline, elapsedMs, horizonMs = DEFAULT_HORIZON_MS) {
      if (!started) return;
      if (timeline !== timelineScheduled) {
        if (timelineScheduled) cancel();
        timelineScheduled = timeline;
      }
      // A suspended context's clock stands still; its tones wait until it runs again.
      const audible = settings.sound && ctx?.state === "running";
      for (const event of cueEventsBetween(timeline, elapsedMs - LATE_MS, elapsedMs + horizonMs)) {
        const key = `${event.kind}@${event.atMs}`;
        const inMs = event.atMs - elapsedMs;
        if (audible && !done.has(`audio:${key}`)) {
          play(event, inMs);
          done.add(`audio:${key}`);
        }
        // Speech and vibration cannot be scheduled ahead: they go when their moment comes.
        if (inMs <= 0 && !done.has(`now:${key}`)) {
          signal(event);
          done.add(`now:${key}`);
        }
      }
    },
    cancel,
    configure(changes) {
      const soundOff = changes.sound === false && settings.sound;
      settings = { ...settings, ...changes };
      if (soundOff) {
        bus?.disconnect();
        bus = undefined;
        for (const key of done) if (key.startsWith("audio:")) done.delete(key);
      }
      if (!started) return;
      if (changes.voice) devices.voice?.prime?.();
      wakeAudio();
    },
    close() {
      cancel();
      started = false;
      ctx?.close().catch(() => undefined);
      ctx = undefined;
    },
  };
}

function breathTone(phase: "in" | "out", durationMs: number): Tone {
  // A gentle glide through the first part of the phase: up a fifth to breathe in, down to
  // breathe out.
  const seconds = Math.min(durationMs / 1000, 2.5);
  const [from, to] = phase === "in" ? [392, 587] : [587, 392];
  return { from, to, seconds, attack: seconds / 3, peak: 0.08 };
}

function playTone(ctx: ToneContext, bus: ToneGain, tone: Tone, at: number): void {
  const oscillator = ctx.createOscillator();
  oscillator.type = "sine";
  oscillator.frequency.setValueAtTime(tone.from, at);
  if (tone.to !== tone.from)
    oscillator.frequency.exponentialRampToValueAtTime(tone.to, at + tone.seconds);
  const envelope = ctx.createGain();
  envelope.gain.setValueAtTime(QUIET, at);
  envelope.gain.exponentialRampToValueAtTime(tone.peak, at + tone.attack);
  envelope.gain.exponentialRampToValueAtTime(QUIET, at + tone.seconds);
  oscillator.connect(envelope);
  envelope.connect(bus);
  oscillator.start(at);
  oscillator.stop(at + tone.seconds + 0.05);
}

type AudioGlobals = {
  AudioContext?: new () => ToneContext;
  webkitAudioContext?: new () => ToneContext;
  speechSynthesis?: SpeechSynthesis;
  SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance;
  navigator?: Navigator & { audioSession?: { type: string } };
};

/** This browser's audio, speech and vibration, each only where it exists. */
export function browserCueDevices(): CueDevices {
  const g = globalThis as AudioGlobals;
  const AudioContextClass = g.AudioContext ?? g.webkitAudioContext;
  const synth = g.speechSynthesis;
  const Utterance = g.SpeechSynthesisUtterance;
  const nav = g.navigator;
  const devices: CueDevices = {};
  if (AudioContextClass) {
    devices.audio = () => {
      // Mix with the person's own music or podcast rather than stopping it (Safari).
      if (nav?.audioSession) nav.audioSession.type = "ambient";
      return new AudioContextClass();
    };
  }
  if (synth && Utterance) {
    devices.voice = {
      speak(text) {
        // A cue that lags behind the timeline is worse than a cut-off one.
        synth.cancel();
        const utterance = new Utterance(text);
        utterance.rate = 0.95;
        synth.speak(utterance);
      },
      cancel: () => synth.cancel(),
      prime() {
        const silence = new Utterance("");
        silence.volume = 0;
        synth.speak(silence);
      },
    };
  }
  if (nav && typeof nav.vibrate === "function") {
    devices.vibrate = (pattern) => void nav.vibrate(pattern);
  }
  return devices;
}
