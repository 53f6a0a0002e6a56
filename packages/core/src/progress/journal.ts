import { compareEvents } from "../events/in-force.ts";
import type { LimberState } from "../events/state.ts";

/**
 * The after-session question "What felt easier?" is answered with a `note` event whose text
 * starts with this prefix, for example `easier: picking up the laundry`. A note keeps the answer
 * its own event (it can be withdrawn alone), and the prefix keeps it readable in an export.
 */
export const EASIER_PREFIX = "easier:";
export const EASIER_QUESTION = "What felt easier?";

/** The note event data for an answer to "What felt easier?". */
export function easierNote(answer: string): { text: string } {
  const text = answer.trim();
  if (text.length === 0) throw new RangeError("an answer has some words");
  return { text: `${EASIER_PREFIX} ${text}` };
}

export interface JournalEntry {
  /** The note's or the session's event id. */
  id: string;
  day: string;
  at: string;
  /** The words, without the "easier:" prefix. */
  text: string;
  source: "note" | "session";
  /** Set when the entry answers "What felt easier?". */
  prompt?: "easier";
}

/** Lower case, accents removed: "Épaule" and "epaule" match. */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

const words = (text: string): string[] =>
  fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

function entries(state: LimberState): JournalEntry[] {
  const notes: JournalEntry[] = state.notes.map((note) => {
    const easier = fold(note.data.text).startsWith(EASIER_PREFIX);
    return {
      id: note.id,
      day: note.day,
      at: note.at,
      text: easier ? note.data.text.slice(EASIER_PREFIX.length).trim() : note.data.text,
      source: "note",
      ...(easier ? { prompt: "easier" as const } : {}),
    };
  });
  const sessions: JournalEntry[] = state.sessions.flatMap((session) =>
    session.data.note
      ? [
          {
            id: session.id,
            day: session.day,
            at: session.at,
            text: session.data.note,
            source: "session" as const,
          },
        ]
      : [],
  );
  // Newest first: log order (the core's one comparison of events), reversed.
  return [...notes, ...sessions].sort((a, b) => compareEvents(b, a));
}

/**
 * Notes and session notes, newest first. With a query, only entries where every word of the
 * query begins a word of the entry, ignoring case and accents ("laund" finds "Laundry").
 */
export function journal(state: LimberState, query?: string): JournalEntry[] {
  const all = entries(state);
  const wanted = words(query ?? "");
  if (wanted.length === 0) return all;
  return all.filter((entry) => {
    const have = words(entry.text);
    return wanted.every((w) => have.some((h) => h.startsWith(w)));
  });
}

/**
 * Past answers to "What felt easier?", newest first (R-FEELINGS). Other notes, a session's
 * included, stay in the journal: they may say anything, not what became easier.
 */
export function easierAnswers(state: LimberState, limit = 5): JournalEntry[] {
  return entries(state)
    .filter((e) => e.prompt === "easier")
    .slice(0, Math.max(0, limit));
}
