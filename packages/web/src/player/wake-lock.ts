/**
 * Keeps the screen on while the session runs: the person is on the mat a metre away and
 * should not have to reach for the phone to wake it. Where the browser has no Wake Lock API
 * this does nothing, and the session runs the same.
 */

export interface ScreenWakeLock {
  /** While running: hold the screen on, and take it back whenever the page is shown again. */
  keepAwake(): void;
  /** On pause or finish. */
  letSleep(): void;
  /** When the player goes away. */
  dispose(): void;
}

export interface WakeLockSentinelLike {
  readonly released: boolean;
  release(): Promise<void>;
}

export interface WakeLockDevices {
  wakeLock?: { request(type: "screen"): Promise<WakeLockSentinelLike> };
  page?: {
    readonly visibilityState: DocumentVisibilityState;
    addEventListener(type: "visibilitychange", listener: () => void): void;
    removeEventListener(type: "visibilitychange", listener: () => void): void;
  };
}

export function createScreenWakeLock(
  devices: WakeLockDevices = browserWakeLockDevices(),
): ScreenWakeLock {
  const { wakeLock, page } = devices;
  let wanted = false;
  let sentinel: WakeLockSentinelLike | undefined;
  let pending: Promise<void> | undefined;

  const acquire = () => {
    if (!wakeLock || pending || (sentinel && !sentinel.released)) return;
    if (page && page.visibilityState !== "visible") return;
    pending = wakeLock
      .request("screen")
      .then((granted) => {
        // Paused while the request was on its way: give it straight back.
        if (wanted) sentinel = granted;
        else granted.release().catch(() => undefined);
      })
      // Refused (battery saver, a hidden page): the session runs on without it.
      .catch(() => undefined)
      .finally(() => {
        pending = undefined;
      });
  };

  // The browser lets the lock go whenever the page is hidden; take it back on return.
  const onVisibility = () => {
    if (wanted && page?.visibilityState === "visible") acquire();
  };
  page?.addEventListener("visibilitychange", onVisibility);

  const letSleep = () => {
    wanted = false;
    sentinel?.release().catch(() => undefined);
    sentinel = undefined;
  };

  return {
    keepAwake() {
      wanted = true;
      acquire();
    },
    letSleep,
    dispose() {
      letSleep();
      page?.removeEventListener("visibilitychange", onVisibility);
    },
  };
}

/** This browser's Wake Lock API and document, where they exist. */
export function browserWakeLockDevices(): WakeLockDevices {
  const devices: WakeLockDevices = {};
  if (typeof navigator !== "undefined" && "wakeLock" in navigator) {
    const lock = navigator.wakeLock;
    devices.wakeLock = { request: (type) => lock.request(type) };
  }
  if (typeof document !== "undefined") devices.page = document;
  return devices;
}
