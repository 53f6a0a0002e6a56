/// <reference lib="webworker" />
/**
 * Limber's service worker: after the first visit the app loads and runs with no network. The
 * build writes the list of files into ASSETS (see vite.config.ts), so one cache holds exactly
 * one version of the app, and a new version replaces it whole.
 */
declare const self: ServiceWorkerGlobalScope;
declare const __LIMBER_ASSETS__: string[];
declare const __LIMBER_VERSION__: string;

const CACHE = `limber-${__LIMBER_VERSION__}`;
const ASSETS = __LIMBER_ASSETS__;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(["/", ...ASSETS]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((n) => n.startsWith("limber-") && n !== CACHE).map((n) => caches.delete(n)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (
    request.method !== "GET" ||
    url.origin !== self.location.origin ||
    url.pathname.startsWith("/api/")
  ) {
    return;
  }
  // Pages are the app shell; everything else is a versioned file. Both come from the cache
  // first, so the app opens instantly and offline, and from the network when not cached.
  const key = request.mode === "navigate" ? "/" : request;
  event.respondWith(
    caches.match(key, { ignoreSearch: true }).then((cached) => cached ?? fetch(request)),
  );
});

/** What a push message from Limber's server says: a reminder's title and words, and its tag. */
interface PushedReminder {
  title: string;
  body: string;
  tag: string;
}

const FALLBACK: PushedReminder = {
  title: "Limber",
  body: "Time for today's few minutes of Limber.",
  tag: "reminder",
};

/** The message's reminder when it is one, else the plain reminder: nothing unchecked is shown. */
function readPush(data: PushMessageData | null): PushedReminder {
  let sent: unknown;
  try {
    sent = data?.json();
  } catch {
    return FALLBACK;
  }
  const { title, body, tag } = (sent ?? {}) as Partial<Record<string, unknown>>;
  const text = (value: unknown, max: number) =>
    typeof value === "string" && value.trim() !== "" && value.length <= max;
  if (!text(title, 60) || !text(body, 300)) return FALLBACK;
  return {
    title: title as string,
    body: body as string,
    tag: tag === "desk-snack" ? "desk-snack" : "reminder",
  };
}

// A reminder sent by the person's server (Web Push) is shown as the device's own reminders are.
self.addEventListener("push", (event) => {
  const reminder = readPush(event.data);
  event.waitUntil(
    self.registration.showNotification(reminder.title, {
      body: reminder.body,
      tag: reminder.tag,
      icon: "/icon-192.png",
    }),
  );
});

/**
 * Brings Limber forward at `hash`: the open window, focused and moved there, or a new one. A
 * browser lets a worker focus or open a window only just after a tap on its notification.
 */
async function openApp(hash: string): Promise<void> {
  const url = new URL(`/${hash}`, self.location.origin).href;
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const open = windows.find((w) => w.url.startsWith(self.location.origin)) ?? windows[0];
  if (!open) {
    await self.clients.openWindow(url);
    return;
  }
  await Promise.allSettled([open.focus(), open.navigate(url)]);
}

// A tap on a reminder or desk-snack notification brings Limber forward at today's screen, or a
// desk snack's player.
self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const hash = event.notification.tag === "desk-snack" ? "#/player?snack=desk" : "#/";
  event.waitUntil(openApp(hash));
});
