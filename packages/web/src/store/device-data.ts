import { uuidv7 } from "uuidv7";
import type { DeviceStore } from "./event-store.ts";

/** Every key Limber keeps in localStorage starts so: the session in progress, cues, notifications. */
const LOCAL_PREFIX = "limber.";
const CHANNEL = "limber-device";
/** This tab, so it does not take its own message for another tab's. */
const THIS_TAB = uuidv7();

/**
 * Removes everything Limber keeps in this browser: the log, its outbox and its settings in
 * IndexedDB (in one transaction), then the device's own choices and any session in progress in
 * localStorage. Other open tabs are told, and start afresh. The app's files stay cached, so
 * Limber still opens offline, as on a first visit. The caller then calls `startAfresh`.
 */
export async function clearDevice(store: DeviceStore): Promise<void> {
  await store.removeAll();
  try {
    const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i));
    for (const key of keys) if (key?.startsWith(LOCAL_PREFIX)) localStorage.removeItem(key);
  } catch {
    // Storage blocked: there is nothing of Limber's in it either.
  }
  if (typeof BroadcastChannel !== "undefined") {
    const channel = new BroadcastChannel(CHANNEL);
    channel.postMessage({ removedBy: THIS_TAB });
    channel.close();
  }
}

/** Another tab removed this device's data: this one must not go on showing (or writing) the old log. */
export function onRemovedElsewhere(): () => void {
  if (typeof BroadcastChannel === "undefined") return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (message: MessageEvent<{ removedBy?: string }>) => {
    if (message.data.removedBy !== THIS_TAB) startAfresh();
  };
  return () => channel.close();
}

/** Opens the app again from its first screen, so no screen goes on holding the old log. */
export function startAfresh(): void {
  history.replaceState(null, "", location.pathname);
  location.reload();
}
