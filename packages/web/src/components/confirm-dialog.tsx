import type { ComponentChildren } from "preact";
import { useEffect, useId, useRef, useState } from "preact/hooks";
import { sentenceFor } from "../sentence-for.ts";

export interface DialogChoice {
  label: string;
  /** Done when it resolves; a failure is shown in the dialog, which stays open. */
  choose: () => Promise<void>;
  /** It removes or deletes something. */
  danger?: boolean;
}

/**
 * A question asked once, in a modal dialog: the browser moves focus into it (to Cancel, the
 * choice that changes nothing) and keeps it there, Escape cancels, and focus goes back to where
 * it was when the dialog closes. What the question is about is read out with its title.
 */
export function ConfirmDialog({
  title,
  children,
  choices,
  onCancel,
  returnTo,
}: {
  title: string;
  children: ComponentChildren;
  choices: DialogChoice[];
  onCancel: () => void;
  /** Where focus goes back to, when that is not where it was as the dialog opened. */
  returnTo?: HTMLElement | null;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    const dialog = ref.current;
    const before = returnTo ?? document.activeElement;
    dialog?.showModal();
    return () => {
      dialog?.close();
      // Back where the person was; when that is gone (signed out), the screen moves focus itself.
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, [returnTo]);

  const choose = async (choice: DialogChoice) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await choice.choose();
    } catch (error) {
      setProblem(sentenceFor(error));
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      class="confirm"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-body`}>{children}</div>
      {problem && (
        <p class="notice" role="alert">
          {problem}
        </p>
      )}
      <div class="choices stack">
        {choices.map((choice) => (
          <button
            key={choice.label}
            type="button"
            class={choice.danger ? "danger" : undefined}
            disabled={busy}
            onClick={() => choose(choice)}
          >
            {choice.label}
          </button>
        ))}
        <button type="button" autofocus disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
