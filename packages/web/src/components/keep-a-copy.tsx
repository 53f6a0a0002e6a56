import type { ReadModel } from "@limber/core";
import { useEffect, useState } from "preact/hooks";
import { copyReminderDue, lastReminded, noteReminded } from "../store/copy-reminder.ts";
import { storagePersistence } from "../store/persistence.ts";

/**
 * On Today, at most once a week: where this device holds the only copy and the browser may
 * clear it, a quiet suggestion to export a copy or sign in. Shown once, it waits a week.
 */
export function KeepACopyPrompt({ model, synced }: { model: ReadModel; synced: boolean }) {
  const [shown, setShown] = useState(false);
  // The oldest entry on the device: the read model's first event.
  const first = model.first ? Date.parse(model.first.at) : undefined;
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
