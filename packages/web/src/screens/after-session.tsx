import { EASIER_QUESTION, type JournalEntry, type SessionRecord } from "@limber/core";
import { createContext } from "preact";
import { useContext, useState } from "preact/hooks";
import { Choice } from "../components/choice.tsx";
import { PainScale } from "../components/pain-scale.tsx";
import { useTopOnShow } from "../components/top.ts";
import { screenDay } from "../screen-day.ts";
import { sentenceFor } from "../sentence-for.ts";

export type SessionFeedback = Pick<
  SessionRecord,
  "feel" | "breathChat" | "nerve" | "painAfter" | "note"
>;

/** What the player shows once the session is kept: the completion moment and its questions. */
export type AfterProps = {
  summary: string;
  /** A desk snack asks one question; a session, three. */
  snack: boolean;
  onSave: (feedback: SessionFeedback) => Promise<void>;
  onDone: () => void;
};

/** "What felt easier?" (R-FEELINGS): a few past answers, and how a new one is kept. */
export interface EasierPrompt {
  past: JournalEntry[];
  save: (answer: string) => Promise<void>;
}
export const EasierContext = createContext<EasierPrompt | undefined>(undefined);

/**
 * After the session, which Finish has already kept: a moment of completion, then three one-tap
 * questions, what felt easier and an optional note, in under 20 seconds. A desk snack asks only
 * how it felt. Every answer is optional: "Done" leaves the session as it was kept.
 */
export function AfterSession({ summary, snack, onSave, onDone }: AfterProps) {
  useTopOnShow();
  const easierPrompt = useContext(EasierContext);
  const [easier, setEasier] = useState("");
  const [feel, setFeel] = useState<SessionRecord["feel"]>();
  const [breathChat, setBreathChat] = useState<"yes" | "no">();
  const [nerve, setNerve] = useState<SessionRecord["nerve"]>();
  const [painAfter, setPainAfter] = useState<number>();
  const [note, setNote] = useState("");
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const answered =
    feel !== undefined ||
    breathChat !== undefined ||
    nerve !== undefined ||
    painAfter !== undefined ||
    note.trim() !== "" ||
    easier.trim() !== "";

  const save = async (event: Event) => {
    event.preventDefault();
    if (!answered) return onDone();
    setSaving(true);
    setProblem(undefined);
    try {
      // The answer is its own entry, kept first: the session's save leaves this screen.
      if (easier.trim() && easierPrompt) {
        await easierPrompt.save(easier.trim());
        setEasier("");
      }
      await onSave({
        ...(feel ? { feel } : {}),
        ...(breathChat ? { breathChat: breathChat === "yes" } : {}),
        ...(nerve ? { nerve } : {}),
        ...(painAfter === undefined ? {} : { painAfter }),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
    } catch (error) {
      setProblem(sentenceFor(error));
      setSaving(false);
    }
  };

  const feelChoice = (
    <Choice
      legend={snack ? "How did that feel?" : "Overall"}
      options={[
        { value: "comfortable", label: "Comfortable" },
        { value: "a-bit-much", label: "A bit much" },
        { value: "too-much", label: "Too much" },
      ]}
      value={feel}
      onChange={setFeel}
    />
  );
  return (
    <main class="after-session">
      <section class="completion" aria-labelledby="done-title">
        <span class="completion-mark" aria-hidden="true" />
        <h1 id="done-title">{summary}</h1>
        <p>
          Saved in your history.{" "}
          {snack ? "One question, if you like." : "A few questions, if you like."}
        </p>
      </section>
      <form onSubmit={save} aria-labelledby="after-title">
        {snack ? (
          <h2 id="after-title" class="visually-hidden">
            How did that feel?
          </h2>
        ) : (
          <h2 id="after-title">How did that feel?</h2>
        )}
        {feelChoice}
        {!snack && (
          <>
            <Choice
              legend="Could you breathe smoothly and talk throughout?"
              options={[
                { value: "yes", label: "Yes" },
                { value: "no", label: "Not always" },
              ]}
              value={breathChat}
              onChange={setBreathChat}
            />
            <Choice
              legend="Any sharp, zappy or pins-and-needles feelings in a leg?"
              options={[
                { value: "none", label: "None" },
                { value: "brief", label: "Briefly" },
                { value: "persistent", label: "They lingered" },
              ]}
              value={nerve}
              onChange={setNerve}
            />
            <details>
              <summary>Pain now and a note (optional)</summary>
              <PainScale legend="Pain now, 0 to 10" value={painAfter} onChange={setPainAfter} />
              {easierPrompt && (
                <>
                  <label for="after-easier">{EASIER_QUESTION}</label>
                  <input
                    id="after-easier"
                    type="text"
                    maxLength={3900}
                    value={easier}
                    onInput={(e) => setEasier(e.currentTarget.value)}
                  />
                  {easierPrompt.past.length > 0 && (
                    <ul class="small muted" aria-label="Your earlier answers">
                      {easierPrompt.past.map((entry) => (
                        <li key={entry.id}>
                          {entry.text} ({screenDay(entry.day)})
                        </li>
                      ))}
                    </ul>
                  )}
                </>
              )}
              <label for="after-note">A note about this session</label>
              <textarea
                id="after-note"
                maxLength={4000}
                value={note}
                onInput={(e) => setNote(e.currentTarget.value)}
              />
            </details>
          </>
        )}
        <div class="sticky-action">
          {/* Beside the button that failed, so the sticky button never hides it. */}
          {problem && (
            <p class="notice" role="alert">
              Your answers were not saved: {problem} The session itself is kept.
            </p>
          )}
          <button class="primary" type="submit" disabled={saving}>
            {saving ? "Saving…" : answered ? "Save" : "Done"}
          </button>
        </div>
      </form>
    </main>
  );
}
