/**
 * The push services of the browsers people use, by the host names their endpoints have. The
 * server sends only to these: an endpoint is an address the server will post to, and without
 * this list a signed-in account could point it at any machine the server can reach.
 */
export const PUSH_SERVICE_HOSTS = [
  // Chrome, Edge on Android, Samsung Internet, Opera and other Chromium browsers.
  "fcm.googleapis.com",
  "android.googleapis.com",
  // Firefox.
  "push.services.mozilla.com",
  // Safari on macOS, iOS and iPadOS.
  "push.apple.com",
  // Edge on Windows.
  "notify.windows.com",
] as const;

/** Whether an https endpoint's host is one of PUSH_SERVICE_HOSTS or a name under one. */
export function isKnownPushService(endpoint: string): boolean {
  let host: string;
  try {
    const url = new URL(endpoint);
    if (url.protocol !== "https:") return false;
    host = url.hostname.toLowerCase();
  } catch {
    return false;
  }
  return PUSH_SERVICE_HOSTS.some((known) => host === known || host.endsWith(`.${known}`));
}
