import { describe, expect, it } from "vitest";
import {
  createScreenWakeLock,
  type WakeLockDevices,
  type WakeLockSentinelLike,
} from "./wake-lock.ts";

/** A page and a Wake Lock API the test drives by hand. */
function fakeDevices({ refuse = false } = {}) {
  const held: { released: boolean }[] = [];
  let requests = 0;
  let listener: (() => void) | undefined;
  const page = {
    visibilityState: "visible" as DocumentVisibilityState,
    addEventListener: (_: "visibilitychange", fn: () => void) => {
      listener = fn;
    },
    removeEventListener: () => {
      listener = undefined;
    },
  };
  const devices: WakeLockDevices = {
    page,
    wakeLock: {
      async request() {
        requests++;
        if (refuse) throw new DOMException("Battery saver", "NotAllowedError");
        const sentinel: WakeLockSentinelLike & { released: boolean } = {
          released: false,
          async release() {
            sentinel.released = true;
          },
        };
        held.push(sentinel);
        return sentinel;
      },
    },
  };
  const holding = () => held.filter((s) => !s.released).length;
  const show = (state: DocumentVisibilityState) => {
    page.visibilityState = state;
    // The browser drops the lock when the page is hidden.
    if (state === "hidden") for (const s of held) s.released = true;
    listener?.();
  };
  return { devices, holding, show, requests: () => requests, listening: () => !!listener };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("createScreenWakeLock", () => {
  it("holds the screen on while running and lets it sleep on pause", async () => {
    const fake = fakeDevices();
    const lock = createScreenWakeLock(fake.devices);
    lock.keepAwake();
    await settle();
    expect(fake.holding()).toBe(1);
    lock.keepAwake();
    await settle();
    expect(fake.requests()).toBe(1);
    lock.letSleep();
    await settle();
    expect(fake.holding()).toBe(0);
  });

  it("takes the lock back when the page is shown again, only while running", async () => {
    const fake = fakeDevices();
    const lock = createScreenWakeLock(fake.devices);
    lock.keepAwake();
    await settle();
    fake.show("hidden");
    expect(fake.holding()).toBe(0);
    fake.show("visible");
    await settle();
    expect(fake.holding()).toBe(1);
    lock.letSleep();
    fake.show("hidden");
    fake.show("visible");
    await settle();
    expect(fake.holding()).toBe(0);
  });

  it("gives back a lock granted after the person paused", async () => {
    const fake = fakeDevices();
    const lock = createScreenWakeLock(fake.devices);
    lock.keepAwake();
    lock.letSleep();
    await settle();
    expect(fake.holding()).toBe(0);
  });

  it("runs on when the browser refuses the lock", async () => {
    const fake = fakeDevices({ refuse: true });
    const lock = createScreenWakeLock(fake.devices);
    lock.keepAwake();
    await settle();
    expect(fake.holding()).toBe(0);
  });

  it("stops listening once disposed", () => {
    const fake = fakeDevices();
    const lock = createScreenWakeLock(fake.devices);
    expect(fake.listening()).toBe(true);
    lock.dispose();
    expect(fake.listening()).toBe(false);
  });

  it("does nothing where the browser has no Wake Lock API", () => {
    const lock = createScreenWakeLock({});
    expect(() => {
      lock.keepAwake();
      lock.letSleep();
      lock.dispose();
    }).not.toThrow();
  });
});
