import type { PushSubscribe } from "@limber/core";
import { SentenceError } from "../sentence-for.ts";
import { server } from "../sync/server.ts";

/**
 * Reminders by Web Push, for a device signed in to a server: the server sends the reminder at
 * the person's time even while Limber is closed. This device's part is the browser's push
 * subscription, made with the server's public key, and the server's copy of it.
 */
export type PushAccess = "unsupported" | "denied" | "off" | "on";

export function pushSupported(): boolean {
  return (
    typeof navigator !== "undefined" &&
    "serviceWorker" in navigator &&
    typeof PushManager !== "undefined" &&
    typeof Notification !== "undefined"
  );
}

async function pushManager(): Promise<PushManager | undefined> {
  if (!pushSupported()) return undefined;
  return (await navigator.serviceWorker.getRegistration())?.pushManager;
}

/** Whether this device receives reminders by push: the browser's permission and subscription. */
export async function pushAccess(): Promise<PushAccess> {
  const manager = await pushManager();
  if (!manager) return "unsupported";
  if (Notification.permission === "denied") return "denied";
  const subscription = await manager.getSubscription();
  return subscription && Notification.permission === "granted" ? "on" : "off";
}

const fromBase64url = (text: string): Uint8Array<ArrayBuffer> => {
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
};

const sameKey = (key: ArrayBuffer | null, publicKey: string): boolean => {
  if (!key) return false;
  const wanted = fromBase64url(publicKey);
  const have = new Uint8Array(key);
  return have.length === wanted.length && have.every((byte, i) => byte === wanted[i]);
};

function bodyOf(subscription: PushSubscription): PushSubscribe {
  const { keys } = subscription.toJSON();
  return {
    endpoint: subscription.endpoint,
    keys: { p256dh: keys?.p256dh ?? "", auth: keys?.auth ?? "" },
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
}

/**
 * Asks for permission to notify (on the person's tap), subscribes with the server's key and
 * gives the server the subscription. A subscription made with another key (another server, or
 * keys made anew) is replaced.
 */
export async function pushOn(): Promise<PushAccess> {
  const manager = await pushManager();
  if (!manager) return "unsupported";
  if (Notification.permission !== "granted") await Notification.requestPermission();
  if (Notification.permission !== "granted") return pushAccess();
  const { publicKey } = await server.pushKey();
  let subscription = await manager.getSubscription();
  if (subscription && !sameKey(subscription.options.applicationServerKey, publicKey)) {
    await subscription.unsubscribe();
    subscription = null;
  }
  subscription ??= await manager
    .subscribe({ userVisibleOnly: true, applicationServerKey: fromBase64url(publicKey) })
    .catch(() => {
      throw new SentenceError(
        "This browser's push service could not be reached, so reminders by push are not on. The calendar file still works.",
      );
    });
  await server.pushSubscribe(bodyOf(subscription));
  return "on";
}

/**
 * Sends the server this device's subscription again, with the time zone it is in now (after a
 * journey), when reminders by push are on.
 */
export async function pushRenew(): Promise<void> {
  const subscription = await (await pushManager())?.getSubscription();
  if (subscription && Notification.permission === "granted") {
    await server.pushSubscribe(bodyOf(subscription));
  }
}

/**
 * Stops reminders by push on this device: the server forgets the subscription and the browser
 * ends it. Offline, the browser still ends it, and the server forgets it the next time it tries
 * to send (the push service then answers that it is gone).
 */
export async function pushOff(): Promise<PushAccess> {
  const subscription = await (await pushManager())?.getSubscription();
  if (subscription) {
    await server.pushUnsubscribe(subscription.endpoint).catch(() => undefined);
    await subscription.unsubscribe();
  }
  return pushAccess();
}
