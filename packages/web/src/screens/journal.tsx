import { journal, noteData } from "@limber/core";
import { useMemo, useState } from "preact/hooks";
import { SaveStatus, useSaveState } from "../components/save-state.tsx";
import { useTopOnShow } from "../components/top.ts";
import type { ScreenProps } from "../progress/routes.tsx";
import { screenDay } from "../progress/words.ts";
import { localDay } from "../store/local-time.ts";

/** Noon on a calendar day, on this device's clock: a note written later for that day. */
function noonOf(day: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(year, month - 1, date, 12);
}

/** Notes on any day, and every note and session note, searchable (R-FEELINGS). */
export function Journal({ log }: ScreenProps) {
  useTopOnShow();
  const { state, store, merge } = log;
  const today = localDay(new Date());
  const [text, setText] = useState("");
  const [day, setDay] = useState(today);
  const [query, setQuery] = useState("");
  const saving = useSaveState();
  const entries = useMemo(() => journal(state, query), [state, query]);

  const save = async (event: Event) => {
    event.preventDefault();
    const parsed = noteData.safeParse({ text });
    if (!parsed.success) {
      saving.refuse("Write a few words first (up to 4,000 characters).");
      return;
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || day > today) {
      saving.refuse("Choose today or a day before it.");
      return;
    }
    await saving.run(async () => {
      // A note for an earlier day is dated at noon of that day, so it sits on that day.
      const at = day === today ? new Date() : noonOf(day);
      merge([await store.append("note", parsed.data, at)]);
      setText("");
      return `Note saved for ${screenDay(day, "long")}.`;
    });
  };

  return (
    <main>
      <h1>Journal</h1>
      <p>How things feel, in your own words. What has become easier is worth writing down.</p>
      <form onSubmit={save} aria-labelledby="new-note">
        <h2 id="new-note">Write a note</h2>
        <label for="note-text">Your note</label>
        <textarea
          id="note-text"
          maxLength={4000}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <label for="note-day">For the day</label>
        <input
          id="note-day"
          type="date"
          max={today}
          value={day}
          onInput={(e) => setDay(e.currentTarget.value || today)}
        />
        <SaveStatus state={saving.state} />
        <button class="primary" type="submit" disabled={saving.state.busy}>
          {saving.state.busy ? "Saving…" : "Save note"}
        </button>
      </form>

      <h2>Your notes</h2>
      <label for="note-search">Search your notes</label>
      <input
        id="note-search"
        type="search"
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      <p role="status" class="small muted">
        {query.trim()
          ? `${entries.length} ${entries.length === 1 ? "note matches" : "notes match"}.`
          : `${entries.length} ${entries.length === 1 ? "note" : "notes"}.`}
      </p>
      <ul class="plain-list">
        {entries.map((entry) => (
          <li key={entry.id}>
            {entry.text}
            <span class="entry-meta">
              {screenDay(entry.day, "long")}
              {entry.prompt === "easier"
                ? " · what felt easier"
                : entry.source === "session"
                  ? " · after a session"
                  : ""}
            </span>
          </li>
        ))}
      </ul>
    </main>
  );
}
