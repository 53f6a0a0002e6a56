import { describe, expect, it } from "vitest";
import {
  type CueDevices,
  type CueSettings,
  createCuePlayer,
  type ToneContext,
  type ToneGain,
  type ToneNode,
  type ToneOscillator,
  type ToneParam,
} from "./cues.ts";
import { blockOf } from "./testing.ts";
import { buildTimeline } from "./timeline.ts";

/** A stand-in for Web Audio that records the tones it is asked to play, and when. */
function fakeAudio() {
  const tones: { at: number; hz: number; bus: ToneGain }[] = [];
  const disconnected = new Set<ToneNode>();
  const param = (): ToneParam & { first?: number } => {
    const p: ToneParam & { first?: number } = {
      setValueAtTime(value) {
        p.first ??= value;
      },
      exponentialRampToValueAtTime: () => undefined,
    };
    return p;
  };
  const node = (): ToneNode & { to?: ToneNode } => {
    const n: ToneNode & { to?: ToneNode } = {
      connect(destination) {
        n.to = destination;
      },
      disconnect: () => void disconnected.add(n),
    };
    return n;
  };
  const ctx: ToneContext & { currentTime: number } = {
    currentTime: 100,
    state: "running",
    destination: node(),
    createGain: () => Object.assign(node(), { gain: param() }),
    createOscillator(): ToneOscillator {
      const oscillator = node();
      const frequency = param();
      return Object.assign(oscillator, {
        type: "sine" as OscillatorType,
        frequency,
        start(at: number) {
          const envelope = oscillator.to as (ToneNode & { to?: ToneNode }) | undefined;
          tones.push({ at, hz: frequency.first ?? 0, bus: envelope?.to as ToneGain });
        },
        stop: () => undefined,
      });
    },
    resume: async () => undefined,
    close: async () => undefined,
  };
  return { ctx, tones, disconnected };
}

function setUp(settings: Partial<CueSettings> = {}) {
  const audio = fakeAudio();
  const spoken: string[] = [];
  const buzzes: (number | number[])[] = [];
  const devices: CueDevices = {
    audio: () => audio.ctx,
    voice: { speak: (text) => void spoken.push(text), cancel: () => undefined },
    vibrate: (pattern) => void buzzes.push(pattern),
  };
  const all = { sound: true, voice: true, vibrate: true, ...settings };
  return { ...audio, spoken, buzzes, player: createCuePlayer(all, devices) };
}

const timeline = buildTimeline([blockOf("strap-knee-bent", { holds: 2, holdSeconds: 20 })]);
// Left 0–20 s, rest 20–30, 30–50, switch 50–55, right 55–75, rest, 85–105.

describe("createCuePlayer", () => {
  it("plays nothing before the person starts", () => {
    const { player, tones, spoken, buzzes } = setUp();
    player.scheduleAhead(timeline, 0);
    expect([tones, spoken, buzzes]).toEqual([[], [], []]);
  });

  it("schedules tones on the audio clock, once, however often it is asked", () => {
    const { player, tones } = setUp();
    player.start();
    player.scheduleAhead(timeline, 18_000, 3000);
    player.scheduleAhead(timeline, 18_500, 3000);
    player.scheduleAhead(timeline, 19_000, 3000);
    // The rest's chime at 20 s, 2 s after the first call on an audio clock then at 100 s.
    expect(tones.map(({ at, hz }) => ({ at, hz }))).toEqual([{ at: 102, hz: 660 }]);
  });

  it("plays a lower tone for a side switch", () => {
    const { player, tones } = setUp();
    player.start();
    player.scheduleAhead(timeline, 49_000, 3000);
    expect(tones.map((t) => t.hz)).toEqual([440]);
  });

  it("speaks and vibrates when the moment comes, not ahead of it", () => {
    const { player, spoken, buzzes } = setUp();
    player.start();
    player.scheduleAhead(timeline, 29_000, 3000);
    expect([spoken, buzzes]).toEqual([[], []]);
    player.scheduleAhead(timeline, 30_010, 3000);
    player.scheduleAhead(timeline, 30_050, 3000);
    expect(spoken).toHaveLength(1);
    expect(spoken[0]).toMatch(/^Hold 2 of 2\./);
    expect(buzzes).toEqual([40]);
    player.scheduleAhead(timeline, 50_000, 3000);
    expect(buzzes).toEqual([40, [40, 120, 40]]);
  });

  it("silences what it scheduled on pause or seek, and schedules afresh after", () => {
    const { player, tones, disconnected } = setUp();
    player.start();
    player.scheduleAhead(timeline, 18_000, 3000);
    const [chime] = tones;
    player.cancel();
    expect(chime && disconnected.has(chime.bus)).toBe(true);
    player.scheduleAhead(timeline, 18_000, 3000);
    expect(tones).toHaveLength(2);
    expect(tones[1]?.bus).not.toBe(chime?.bus);
  });

  it("starts over when the timeline changes", () => {
    const { player, tones, disconnected } = setUp();
    player.start();
    player.scheduleAhead(timeline, 18_000, 3000);
    player.scheduleAhead(buildTimeline([...timeline.blocks]), 18_000, 3000);
    expect(tones).toHaveLength(2);
    expect(tones[0] && disconnected.has(tones[0].bus)).toBe(true);
  });

  it("keeps to the person's choices", () => {
    const { player, tones, spoken, buzzes } = setUp({ sound: false, voice: false });
    player.start();
    player.scheduleAhead(timeline, 0, 3000);
    expect([tones, spoken, buzzes]).toEqual([[], [], [40]]);
    player.configure({ sound: true });
    player.scheduleAhead(timeline, 100, 3000);
    expect(tones).toHaveLength(1);
  });

  it("does without audio, speech and vibration where the browser has none", () => {
    const player = createCuePlayer({ sound: true, voice: true, vibrate: true }, {});
    player.start();
    expect(() => player.scheduleAhead(timeline, 0)).not.toThrow();
    player.cancel();
    player.close();
  });
});
