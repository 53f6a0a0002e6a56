import { reminderCalendar, WEEKDAYS, type Weekday } from "@limber/core";
import { useState } from "preact/hooks";
import { localDay } from "../store/local-time.ts";

const DAY_NAMES: Record<Weekday, string> = {
  MO: "Monday",
  TU: "Tuesday",
  WE: "Wednesday",
  TH: "Thursday",
  FR: "Friday",
  SA: "Saturday",
  SU: "Sunday",
};

/**
 * A reminder that names the anchor (R-ANCHOR), as a calendar file any calendar app can take:
 * the person picks the days and the time, and changes or removes it in their calendar.
 */
export function ReminderSettings({
  anchor,
  weeklyDays,
}: {
  anchor: string | undefined;
  weeklyDays: number;
}) {
  const [days, setDays] = useState<Weekday[]>(() =>
    WEEKDAYS.slice(0, Math.min(7, Math.max(1, weeklyDays))),
  );
  const [time, setTime] = useState("07:30");
  const [problem, setProblem] = useState<string>();

  const download = () => {
    setProblem(undefined);
    try {
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
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <div>
      <p>
        A calendar reminder {anchor ? `"${anchor}"` : "at your daily moment"}, on the days you
        choose. Open the file with your calendar app; change or remove it there at any time.
      </p>
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
            <span>{DAY_NAMES[day]}</span>
          </label>
        ))}
      </fieldset>
      <label for="reminder-time">Time</label>
      <input
        id="reminder-time"
        type="time"
        value={time}
        onInput={(e) => setTime(e.currentTarget.value)}
      />
      {problem && (
        <p class="notice" role="alert">
          {problem}
        </p>
      )}
      <p>
        <button type="button" onClick={download} disabled={days.length === 0}>
          Download calendar reminder
        </button>
      </p>
    </div>
  );
}
