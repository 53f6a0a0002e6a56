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

/** "What felt easier?" (R-FEELINGS): a few past answers, and how a new one is kept. */
export interface EasierPrompt {
  past: JournalEntry[];
  save: (answer: string) => Promise<void>;
}
export const EasierContext = createContext<EasierPrompt | undefined>(undefined);

/** Three one-tap questions, what felt easier, and an optional note, in under 20 seconds. */
export function AfterSession({ onSave }: { onSave: (feedback: SessionFeedback) => Promise<void> }) {
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
  const ready = feel !== undefined && breathChat !== undefined && nerve !== undefined;

  const save = async (event: Event) => {
    event.preventDefault();
    if (!feel || !breathChat || !nerve) return;
    setSaving(true);
    setProblem(undefined);
    try {
      // The answer is its own entry, kept first: the session's save leaves this screen.
      if (easier.trim() && easierPrompt) {
        await easierPrompt.save(easier.trim());
        setEasier("");
      }
      await onSave({
        feel,
        breathChat: breathChat === "yes",
        nerve,
        ...(painAfter === undefined ? {} : { painAfter }),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
    } catch (error) {
      setProblem(sentenceFor(error));
      setSaving(false);
    }
  };

  return (
    <main>
      <form onSubmit={save} aria-labelledby="after-title">
        <h1 id="after-title">How did that feel?</h1>
        <Choice
          legend="Overall"
          options={[
            { value: "comfortable", label: "Comfortable" },
            { value: "a-bit-much", label: "A bit much" },
            { value: "too-much", label: "Too much" },
          ]}
          value={feel}
          onChange={setFeel}
        />
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
        {problem && (
          <p class="notice" role="alert">
            This was not saved: {problem}. Please try again.
          </p>
        )}
        <div class="sticky-action">
          <button class="primary" type="submit" disabled={!ready || saving}>
            {saving ? "Saving…" : "Save"}
          </button>
        </div>
      </form>
    </main>
  );
}
