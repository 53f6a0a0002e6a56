import type { LimberEvent } from "@limber/core";
import { useEffect, useMemo, useState } from "preact/hooks";
import {
  copyReminderDue,
  firstEntryAt,
  lastReminded,
  noteReminded,
} from "../store/copy-reminder.ts";
import { storagePersistence } from "../store/persistence.ts";

/**
 * On Today, at most once a week: where this device holds the only copy and the browser may
 * clear it, a quiet suggestion to export a copy or sign in. Shown once, it waits a week.
 */
export function KeepACopyPrompt({ events, synced }: { events: LimberEvent[]; synced: boolean }) {
  const [shown, setShown] = useState(false);
  const first = useMemo(() => firstEntryAt(events), [events]);
  useEffect(() => {
    let live = true;
    storagePersistence().then((persistence) => {
      const now = Date.now();
      const due = copyReminderDue({
        now,
        persistence,
        synced,
        firstEntryAt: first,
        remindedAt: lastReminded(),
      });
      if (!live || !due) return;
      noteReminded(now);
      setShown(true);
    });
    return () => {
      live = false;
    };
  }, [first, synced]);
  if (!shown) return null;
  return (
    <div class="card small">
      <p>
        Your entries are only on this device, and this browser may clear them to free space. In
        Settings you can <a href="#/settings">export a copy, or sign in</a> to keep one on your
        server.
      </p>
      <button type="button" class="link" onClick={() => setShown(false)}>
        Not now
      </button>
    </div>
  );
}
