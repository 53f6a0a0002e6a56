import { practisedOn, type ReadModel } from "@limber/core";
import { useEffect } from "preact/hooks";
import { localDay } from "../store/local-time.ts";
import { type Nudge, nextNudge } from "./schedule.ts";

const OPT_IN_KEY = "limber.notifications.v1";
/** Said on the window when notifications are turned on or off, so the next one is planned. */
const ACCESS_CHANGED = "limber-notifications-changed";
/** Timers sleep with the device; checking again this often keeps a nudge from being lost. */
const RECHECK_MS = 5 * 60_000;
/** A nudge missed by more than this (the device slept through it) is not shown late. */
const LATE_MS = 10 * 60_000;

export type NotificationAccess = "unsupported" | "denied" | "off" | "on";

/** Whether this device shows Limber's notifications: the browser's permission and the person's choice. */
export function notificationAccess(): NotificationAccess {
  if (typeof Notification === "undefined") return "unsupported";
  if (Notification.permission === "denied") return "denied";
  return Notification.permission === "granted" && localStorage.getItem(OPT_IN_KEY) === "on"
    ? "on"
    : "off";
}

/** Asks the browser once, on the person's tap, and remembers the choice on this device. */
export async function setNotifications(on: boolean): Promise<NotificationAccess> {
  if (typeof Notification === "undefined") return "unsupported";
  if (on && Notification.permission !== "granted") await Notification.requestPermission();
  localStorage.setItem(OPT_IN_KEY, on ? "on" : "off");
  dispatchEvent(new Event(ACCESS_CHANGED));
  return notificationAccess();
}

async function show(nudge: Nudge): Promise<void> {
  const options = { body: nudge.body, tag: nudge.kind, icon: "/icon-192.png" };
  const registration = await navigator.serviceWorker?.getRegistration();
  // Android shows notifications only through the service worker; elsewhere either works.
  if (registration) await registration.showNotification(nudge.title, options);
  else new Notification(nudge.title, options);
}

/**
 * Shows the reminder and desk-snack notifications while Limber is open or kept in the
 * background, when the person turned them on for this device. Browsers give installed web apps
 * no way to wake themselves at a set time: when Limber is closed, the reminder comes from the
 * person's server by push on a signed-in device (push.ts), and from the calendar file on any
 * other; Settings says which.
 */
export function useNudges(model: ReadModel | undefined): void {
  useEffect(() => {
    if (!model) return;
    const { state } = model;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const plan = () => {
      clearTimeout(timer);
      if (notificationAccess() !== "on") return;
      const now = new Date();
      const today = localDay(now);
      const sessionsToday = state.sessions.filter((s) => s.day === today);
      const nudge = nextNudge(now, {
        ...(state.settings.reminder ? { reminder: state.settings.reminder } : {}),
        ...(state.settings.anchor ? { anchor: state.settings.anchor } : {}),
        ...(state.settings.workWindow ? { workWindow: state.settings.workWindow } : {}),
        deskDayToday: model.days.get(today)?.checkIn.data.context?.deskDay === true,
        practisedToday: practisedOn(state, today),
        ...(sessionsToday.length > 0
          ? { lastSessionAt: new Date(sessionsToday.at(-1)?.at ?? now) }
          : {}),
      });
      if (!nudge) return;
      const wait = nudge.at.getTime() - now.getTime();
      timer = setTimeout(
        () => {
          const late = Date.now() - nudge.at.getTime();
          if (late >= 0 && late <= LATE_MS) show(nudge).catch(() => undefined);
          plan();
        },
        Math.min(wait, RECHECK_MS),
      );
    };
    plan();
    addEventListener(ACCESS_CHANGED, plan);
    return () => {
      clearTimeout(timer);
      removeEventListener(ACCESS_CHANGED, plan);
    };
  }, [model]);
}
