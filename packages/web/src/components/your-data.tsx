import type { LimberEvent } from "@limber/core";
import { useEffect, useRef, useState } from "preact/hooks";
import { sessionSaved } from "../player/persisted-session.ts";
import { CsvExport } from "../progress/csv-export.tsx";
import { download } from "../progress/words.ts";
import { sentenceFor } from "../sentence-for.ts";
import { noteReminded } from "../store/copy-reminder.ts";
import { keepStorage, type Persistence, storagePersistence } from "../store/persistence.ts";
import type { Sync } from "../sync/use-sync.ts";
import { ConfirmDialog } from "./confirm-dialog.tsx";

const entriesText = (n: number) => (n === 1 ? "1 entry" : `${n} entries`);

const PERSISTENCE_TEXT: Record<Persistence, string> = {
  kept: "This browser keeps Limber's storage until you remove it.",
  "may-clear":
    "This browser may clear Limber's storage on its own, to free space or after a time unused.",
  unknown: "This browser does not say whether it keeps Limber's storage.",
};

type Asking =
  | { what: "remove"; entries: number; unsent: number; session: boolean }
  | { what: "delete"; onServer: number };

/**
 * Your data: where it is kept (and whether the browser keeps it), every entry as a file, and
 * the two ways to remove it: from this device, and, when signed in, the account on the server.
 */
export function YourData({ events, sync }: { events: LimberEvent[] | undefined; sync: Sync }) {
  const [persistence, setPersistence] = useState<Persistence>();
  const [asking, setAsking] = useState<Asking>();
  const [status, setStatus] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const removeButton = useRef<HTMLButtonElement>(null);
  const { account } = sync;
  const signedIn = account.state === "signed-in";

  useEffect(() => {
    void storagePersistence().then(setPersistence);
  }, []);

  const open = async (what: Asking["what"]) => {
    setProblem(undefined);
    try {
      if (what === "delete") setAsking({ what, onServer: await sync.serverEntries() });
      else setAsking({ what, ...(await sync.counts()), session: sessionSaved() });
    } catch (error) {
      setProblem(sentenceFor(error));
    }
  };

  return (
    <>
      <p>
        {signedIn
          ? "Everything you record is kept on this device, and a copy is kept on your server so your devices stay in step. You can export it all at any time."
          : "Everything you record stays on this device. You can take a copy at any time."}
      </p>
      {persistence && (
        <p class="small">
          {PERSISTENCE_TEXT[persistence]}
          {persistence === "may-clear" && !signedIn && " Export a copy now and then, or sign in."}
        </p>
      )}
      {persistence === "may-clear" && (
        <p>
          <button
            type="button"
            onClick={async () => {
              const answer = await keepStorage();
              setPersistence(answer);
              if (answer !== "kept") setStatus("The browser did not agree to keep it this time.");
            }}
          >
            Ask the browser to keep it
          </button>
        </p>
      )}
      {events ? (
        <>
          <button
            type="button"
            onClick={() => {
              exportJson(events);
              noteReminded(Date.now());
            }}
          >
            Export all entries (JSON)
          </button>
          <CsvExport events={events} />
        </>
      ) : (
        <p class="muted" aria-busy="true">
          Getting your entries ready to export…
        </p>
      )}

      <h3 class="small-heading">Remove your data</h3>
      <p>
        <button
          ref={removeButton}
          type="button"
          class="danger-outline"
          onClick={() => open("remove")}
        >
          Remove Limber's data from this device
        </button>
      </p>
      {signedIn && (
        <p>
          <button type="button" class="danger-outline" onClick={() => open("delete")}>
            Delete my account and everything on the server
          </button>
        </p>
      )}
      <p role="status" class="small muted">
        {status ?? ""}
      </p>
      {problem && (
        <p class="notice" role="alert">
          {problem}
        </p>
      )}

      {asking?.what === "remove" && (
        <ConfirmDialog
          title="Remove Limber's data from this device"
          onCancel={() => setAsking(undefined)}
          choices={[
            {
              label: "Remove from this device",
              danger: true,
              choose: () => sync.removeDeviceData(),
            },
          ]}
        >
          <p>
            This removes from this device your {entriesText(asking.entries)} (check-ins, sessions,
            notes and settings){asking.session ? ", the session in progress" : ""} and this device's
            sound and notification choices{signedIn ? ", and signs you out here" : ""}.
          </p>
          <p>
            {!signedIn
              ? "They are nowhere else unless you exported them. This cannot be undone."
              : asking.unsent === 0
                ? `Your account on the server, ${account.email}, keeps its copy.`
                : `${entriesText(asking.unsent)} ${asking.unsent === 1 ? "has" : "have"} not reached your account on the server yet and will be lost.`}
          </p>
        </ConfirmDialog>
      )}
      {asking?.what === "delete" && signedIn && (
        <ConfirmDialog
          title="Delete your account"
          onCancel={() => setAsking(undefined)}
          choices={[
            {
              label: "Delete my account",
              danger: true,
              choose: async () => {
                await sync.deleteAccount();
                setAsking(undefined);
                // The button that opened this is gone with the account: focus the one left.
                removeButton.current?.focus();
                setStatus(
                  "Your account and its entries on the server are deleted. This device still holds its own copy.",
                );
              },
            },
          ]}
        >
          <p>
            This deletes the account {account.email} on the server, with its{" "}
            {entriesText(asking.onServer)}, and signs it out on every device. This cannot be undone.
          </p>
          <p>
            This device keeps its own copy, signed out. To remove that too, use "Remove Limber's
            data from this device" afterwards.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}

function exportJson(events: LimberEvent[]): void {
  const blob = new Blob([`${JSON.stringify(events, null, 2)}\n`], { type: "application/json" });
  download(blob, `limber-${new Date().toISOString().slice(0, 10)}.json`);
}
