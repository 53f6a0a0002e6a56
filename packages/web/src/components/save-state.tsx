import { useCallback, useState } from "preact/hooks";
import { sentenceFor } from "../sentence-for.ts";

/** Where a form's save stands: working, done (and what was done), or refused (and why). */
export interface SaveState {
  busy: boolean;
  /** What was done, or what is being done while busy ("Making the PDF…"). */
  said?: string;
  problem?: string;
}

/**
 * The one way a form saves: `run` clears what was said before, marks the form busy, and ends
 * with what the work says it did or the sentence for what went wrong; `refuse` says why a
 * form's own check stopped it before anything was saved.
 */
export function useSaveState(failed = "This was not saved") {
  const [state, setState] = useState<SaveState>({ busy: false });
  const run = useCallback(
    async (work: () => Promise<string | undefined>, working?: string): Promise<boolean> => {
      setState({ busy: true, ...(working ? { said: working } : {}) });
      try {
        const said = await work();
        setState({ busy: false, ...(said ? { said } : {}) });
        return true;
      } catch (error) {
        setState({ busy: false, problem: `${failed}: ${sentenceFor(error)}` });
        return false;
      }
    },
    [failed],
  );
  const refuse = useCallback((problem: string) => setState({ busy: false, problem }), []);
  return { state, run, refuse };
}

/** A form's save state as a person reads it: a problem first, in an alert; then the status. */
export function SaveStatus({ state }: { state: SaveState }) {
  return (
    <>
      {state.problem && (
        <p class="notice" role="alert">
          {state.problem}
        </p>
      )}
      <p role="status" class="small muted">
        {state.said ?? ""}
      </p>
    </>
  );
}
