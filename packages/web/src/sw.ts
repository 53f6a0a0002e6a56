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

// A tap on a reminder or desk-snack notification brings Limber forward at today's screen, or a
// desk snack's player.
self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const hash = event.notification.tag === "desk-snack" ? "#/player?snack=desk" : "#/";
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      const open = windows[0];
      if (open) {
        return open
          .focus()
          .then((client) => client.navigate(`/${hash}`))
          .then(() => undefined)
          .catch(() => undefined);
      }
      return self.clients.openWindow(`/${hash}`).then(() => undefined);
    }),
  );
});
