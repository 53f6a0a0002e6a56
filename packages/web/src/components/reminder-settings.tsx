import {
  type LimberState,
  reminderCalendar,
  type SettingsChange,
  WEEKDAY_NAMES,
  WEEKDAYS,
  type Weekday,
} from "@limber/core";
import { useEffect, useState } from "preact/hooks";
import {
  type NotificationAccess,
  notificationAccess,
  setNotifications,
} from "../reminders/notifier.ts";
import { type PushAccess, pushAccess, pushOff, pushOn, pushRenew } from "../reminders/push.ts";
import { SentenceError, sentenceFor } from "../sentence-for.ts";
import { localDay } from "../store/local-time.ts";
import { SettingFrom } from "./setting-origins.tsx";

const ACCESS_TEXT: Record<NotificationAccess, string> = {
  unsupported:
    "This browser cannot show notifications. The calendar reminder works with any calendar app.",
  denied:
    "Notifications are blocked for Limber in this browser's settings. Allow them there to turn them on here.",
  off: "Notifications are off on this device.",
  on: "Notifications are on for this device.",
};

const PUSH_TEXT: Record<PushAccess, string> = {
  unsupported:
    "This browser cannot receive push messages, so the calendar file is this device's reminder when Limber is closed.",
  denied:
    "Notifications are blocked for Limber in this browser's settings. Allow them there to have reminders by push.",
  off: "Reminders by push are off on this device: the calendar file is its reminder when Limber is closed.",
  on: "Reminders by push are on for this device: your server sends the reminder at your time, even when Limber is closed. It carries your anchor and nothing else.",
};

/**
 * Reminders that name the anchor (R-ANCHOR): the days and time are saved with the person's
 * settings; a calendar file carries them into any calendar app, and, where the browser allows
 * it, this device shows a notification while Limber is open or in the background. A device
 * signed in to a server can have the reminder by Web Push instead, sent by the server even when
 * Limber is closed. On desk days (R-DESK), the work window sets when desk snacks are offered.
 */
export function ReminderSettings({
  state,
  save,
  signedIn,
  from = {},
}: {
  state: LimberState;
  save: (change: SettingsChange) => Promise<void>;
  /** Whether this device is signed in to a server, which can send reminders by push. */
  signedIn: boolean;
  /** Where the saved reminder and work hours came from, when Settings says so. */
  from?: { reminder?: string; workWindow?: string };
}) {
  const { anchor, weeklyDays, reminder, workWindow } = state.settings;
  const [days, setDays] = useState<Weekday[]>(
    () => reminder?.days ?? WEEKDAYS.slice(0, Math.min(7, Math.max(1, weeklyDays))),
  );
  const [time, setTime] = useState(reminder?.time ?? "07:30");
  const [workStart, setWorkStart] = useState(workWindow?.start ?? "09:00");
  const [workEnd, setWorkEnd] = useState(workWindow?.end ?? "17:00");
  const [access, setAccess] = useState<NotificationAccess>(notificationAccess);
  const [message, setMessage] = useState<{ text: string; problem: boolean }>();
  const [push, setPush] = useState<PushAccess>();

  useEffect(() => {
    if (!signedIn) return setPush(undefined);
    let current = true;
    pushAccess()
      .then((access) => {
        if (!current) return;
        setPush(access);
        // The server learns the time zone this device is in now, after a journey too.
        if (access === "on") pushRenew().catch(() => undefined);
      })
      .catch(() => current && setPush("unsupported"));
    return () => {
      current = false;
    };
  }, [signedIn]);

  const attempt = async (action: () => Promise<void> | void, done: string) => {
    setMessage(undefined);
    try {
      await action();
      setMessage({ text: done, problem: false });
    } catch (error) {
      setMessage({ text: sentenceFor(error), problem: true });
    }
  };

  const saveReminder = () =>
    attempt(() => save({ reminder: { days, time } }), "Reminder days and time saved.");

  const download = () =>
    attempt(() => {
      const now = new Date();
      const file = reminderCalendar({
        anchor: anchor?.trim() || "your daily moment",
        days,
        time,
        uid: `reminder-${now.getTime()}@limber`,
        stamp: now,
        start: localDay(now),
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      });
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([file], { type: "text/calendar" }));
      link.download = "limber-reminder.ics";
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    }, "Calendar file made: open it with your calendar app.");

  const toggleNotifications = (on: boolean) =>
    attempt(async () => {
      if (on && !reminder) await save({ reminder: { days, time } });
      setAccess(await setNotifications(on));
    }, "");

  const togglePush = (on: boolean) =>
    attempt(
      async () => {
        if (on && !reminder) await save({ reminder: { days, time } });
        const access = on ? await pushOn() : await pushOff();
        setPush(access);
        if (on && access !== "on") throw new SentenceError(PUSH_TEXT[access]);
      },
      on
        ? "Reminders by push are on for this device."
        : "Reminders by push are off for this device.",
    );

  const saveWorkWindow = () =>
    attempt(
      () => save({ workWindow: { start: workStart, end: workEnd } }),
      `Work hours saved: desk snacks are offered between ${workStart} and ${workEnd} on desk days.`,
    );

  return (
    <div>
      <p>A reminder {anchor ? `"${anchor}"` : "at your daily moment"}, on the days you choose.</p>
      <fieldset>
        <legend>Days</legend>
        {WEEKDAYS.map((day) => (
          <label class="check" key={day}>
            <input
              type="checkbox"
              checked={days.includes(day)}
              onChange={(e) =>
                setDays((before) =>
                  e.currentTarget.checked
                    ? WEEKDAYS.filter((d) => d === day || before.includes(d))
                    : before.filter((d) => d !== day),
                )
              }
            />
            <span>{WEEKDAY_NAMES[day].long}</span>
          </label>
        ))}
      </fieldset>
      <span class="time-field">
        <label for="reminder-time">Time</label>
        <input
          id="reminder-time"
          type="time"
          value={time}
          onInput={(e) => setTime(e.currentTarget.value)}
        />
      </span>
      <SettingFrom text={from.reminder} />
      <p>
        <button type="button" onClick={saveReminder} disabled={days.length === 0}>
          Save reminder
        </button>
      </p>
      <p>
        <button type="button" onClick={download} disabled={days.length === 0}>
          Download calendar reminder
        </button>
      </p>
      <p class="muted small">
        Open the file with your calendar app; change or remove it there at any time. It reminds you
        even when Limber is closed.
      </p>
      {signedIn && push !== undefined ? (
        <>
          <label class="check">
            <input
              type="checkbox"
              checked={push === "on"}
              disabled={push === "unsupported" || push === "denied"}
              onChange={(e) => togglePush(e.currentTarget.checked)}
            />
            <span>Remind me by push</span>
          </label>
          <p class="muted small">{PUSH_TEXT[push]}</p>
        </>
      ) : (
        !signedIn && (
          <p class="muted small">
            This device is not signed in to a server, so the calendar file is its reminder when
            Limber is closed. Signed in, it can have reminders by push instead.
          </p>
        )
      )}
      <label class="check">
        <input
          type="checkbox"
          checked={access === "on"}
          disabled={access === "unsupported" || access === "denied"}
          onChange={(e) => toggleNotifications(e.currentTarget.checked)}
        />
        <span>Notify me on this device</span>
      </label>
      <p class="muted small">
        {ACCESS_TEXT[access]} Notifications come while Limber is open or in the background, at your
        reminder time and, on desk days, between sitting blocks.
      </p>

      <h3 class="small-heading">Desk days</h3>
      <p>
        On days you mark as mostly at a desk, Limber offers a minute of desk mobility about once an
        hour between these times.
      </p>
      <div class="time-range">
        <span class="time-field">
          <label for="work-start">Work starts</label>
          <input
            id="work-start"
            type="time"
            value={workStart}
            onInput={(e) => setWorkStart(e.currentTarget.value)}
          />
        </span>
        <span class="time-field">
          <label for="work-end">Work ends</label>
          <input
            id="work-end"
            type="time"
            value={workEnd}
            onInput={(e) => setWorkEnd(e.currentTarget.value)}
          />
        </span>
      </div>
      <SettingFrom text={from.workWindow} />
      <p>
        <button type="button" onClick={saveWorkWindow}>
          Save work hours
        </button>
      </p>
      <div role="status">
        {message && !message.problem && message.text && <p>{message.text}</p>}
      </div>
      {message?.problem && (
        <p class="notice" role="alert">
          Not saved: {message.text}
        </p>
      )}
    </div>
  );
}
