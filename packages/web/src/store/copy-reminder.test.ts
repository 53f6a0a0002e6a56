import { describe, expect, it } from "vitest";
import { copyReminderDue } from "./copy-reminder.ts";

const DAY = 24 * 60 * 60 * 1000;
const start = Date.parse("2026-11-01T07:00:00.000+00:00");
const onlyCopy = {
  persistence: "may-clear" as const,
  synced: false,
  firstEntryAt: start,
  remindedAt: undefined,
};

describe("the weekly suggestion to keep a copy", () => {
  it("waits a week after the first entry, then comes once a week", () => {
    expect(copyReminderDue({ ...onlyCopy, now: start + 6 * DAY })).toBe(false);
    expect(copyReminderDue({ ...onlyCopy, now: start + 7 * DAY })).toBe(true);
    const shown = start + 8 * DAY;
    expect(copyReminderDue({ ...onlyCopy, remindedAt: shown, now: shown + 3 * DAY })).toBe(false);
    expect(copyReminderDue({ ...onlyCopy, remindedAt: shown, now: shown + 7 * DAY })).toBe(true);
  });

  it("is never shown where the browser keeps the storage, or an account keeps a copy", () => {
    const late = start + 60 * DAY;
    expect(copyReminderDue({ ...onlyCopy, persistence: "kept", now: late })).toBe(false);
    expect(copyReminderDue({ ...onlyCopy, synced: true, now: late })).toBe(false);
  });

  it("is shown where the browser does not say whether it keeps the storage", () => {
    expect(copyReminderDue({ ...onlyCopy, persistence: "unknown", now: start + 9 * DAY })).toBe(
      true,
    );
  });

  it("has nothing to suggest on a device that holds nothing", () => {
    expect(copyReminderDue({ ...onlyCopy, firstEntryAt: undefined, now: start + 60 * DAY })).toBe(
      false,
    );
  });
});
