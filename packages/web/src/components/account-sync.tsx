import { useEffect, useRef, useState } from "preact/hooks";
import { sentenceFor } from "../sentence-for.ts";
import type { DeviceOwner } from "../store/ownership.ts";
import type { Question, Sync } from "../sync/use-sync.ts";
import { ConfirmDialog } from "./confirm-dialog.tsx";

const entriesText = (n: number) => (n === 1 ? "1 entry" : `${n} entries`);

/**
 * Optional sign-in, so a phone and a laptop show the same history and plan. A device's entries
 * go only to the account they belong to: signing out asks whether to keep this device's copy,
 * and signing in to another account asks first.
 */
export function AccountSync({ sync }: { sync: Sync }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [note, setNote] = useState<string>();
  const [question, setQuestion] = useState<{ create: boolean } & Question>();
  const [signingOut, setSigningOut] = useState<{ unsent: number }>();
  const [signedOutHere, setSignedOutHere] = useState(false);
  const emailField = useRef<HTMLInputElement>(null);
  /** The button that asked to sign in: the question's dialog gives focus back to it. */
  const opener = useRef<HTMLElement | null>(null);
  const { account } = sync;
  // After signing out, the Sign out button is gone: focus goes to the sign-in form instead.
  useEffect(() => {
    if (signedOutHere && account.state === "signed-out") emailField.current?.focus();
  }, [signedOutHere, account.state]);

  if (account.state === "checking") return <p class="muted">Checking for an account…</p>;
  if (account.state === "signed-in") {
    return (
      <div>
        <p>
          Signed in as <strong>{account.email}</strong>. Entries sync in the background.
        </p>
        {note && <p class="small">{note}</p>}
        <p role="status" class="small muted">
          {sync.syncing
            ? "Syncing…"
            : (sync.problem ??
              (sync.lastSynced ? `Last synced at ${sync.lastSynced.toLocaleTimeString()}.` : ""))}
        </p>
        <div class="choices">
          <button type="button" onClick={sync.syncNow} disabled={sync.syncing}>
            Sync now
          </button>
          <button
            type="button"
            onClick={async () => setSigningOut({ unsent: (await sync.counts()).unsent })}
          >
            Sign out
          </button>
        </div>
        {signingOut && (
          <ConfirmDialog
            title="Sign out on this device"
            onCancel={() => setSigningOut(undefined)}
            choices={[
              {
                label: "Keep this device's copy",
                choose: async () => {
                  await sync.signOut(true);
                  setNote(undefined);
                  setSigningOut(undefined);
                  setSignedOutHere(true);
                },
              },
              {
                label: "Remove this device's copy",
                danger: true,
                choose: () => sync.signOut(false),
              },
            ]}
          >
            <p>
              {signingOut.unsent === 0
                ? "Everything on this device is also in your account on the server."
                : `${entriesText(signingOut.unsent)} on this device ${signingOut.unsent === 1 ? "has" : "have"} not reached the server yet: removing this device's copy loses ${signingOut.unsent === 1 ? "it" : "them"}.`}
            </p>
            <p>
              Keep it to go on seeing your entries here; anyone using this device can see them too.
              Remove it to leave nothing of yours on this device.
            </p>
          </ConfirmDialog>
        )}
      </div>
    );
  }

  const submit = async (create: boolean, removeDeviceCopy = false) => {
    if (!removeDeviceCopy) opener.current = document.activeElement as HTMLElement | null;
    setBusy(true);
    setProblem(undefined);
    try {
      const result = await sync.signIn(email, password, create, removeDeviceCopy);
      if (result.kind === "ask") {
        setQuestion({ create, ...result.question });
        return;
      }
      setPassword("");
      setQuestion(undefined);
      setNote(
        result.claim.kind === "adopt"
          ? `The ${entriesText(result.claim.entries)} made on this device before you signed in are now in your account too.`
          : undefined,
      );
    } catch (error) {
      if (!removeDeviceCopy) setProblem(sentenceFor(error));
      else throw error;
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit(false);
      }}
    >
      {sync.problem && <p class="notice">{sync.problem}</p>}
      <p>{ownerText(account.owner)}</p>
      <label for="account-email">Email</label>
      <input
        ref={emailField}
        id="account-email"
        type="email"
        autocomplete="username"
        value={email}
        onInput={(e) => setEmail(e.currentTarget.value)}
        required
      />
      <label for="account-password">Password</label>
      <input
        id="account-password"
        type="password"
        autocomplete="current-password"
        minLength={8}
        maxLength={128}
        value={password}
        onInput={(e) => setPassword(e.currentTarget.value)}
        required
      />
      {problem && (
        <p class="notice" role="alert">
          {problem}
        </p>
      )}
      <div class="choices">
        <button type="submit" class="primary" disabled={busy}>
          Sign in
        </button>
        <button
          type="button"
          disabled={busy || !email || password.length < 8}
          onClick={() => submit(true)}
        >
          Create account
        </button>
      </div>
      {question && (
        <ConfirmDialog
          title="This device holds someone else's entries"
          onCancel={() => setQuestion(undefined)}
          returnTo={opener.current}
          choices={[
            {
              label: question.create
                ? "Remove this device's copy and create the account"
                : "Remove this device's copy and sign in",
              danger: true,
              choose: () => submit(question.create, true),
            },
          ]}
        >
          <QuestionText question={question} email={email.trim()} />
        </ConfirmDialog>
      )}
    </form>
  );
}

function ownerText(owner: DeviceOwner): string {
  switch (owner.kind) {
    case "account":
      return `This device holds the entries of ${owner.email}. Sign in as ${owner.email} to sync them again; signing in to another account asks you first.`;
    case "unknown":
      return "This device holds entries from an account that signed out here earlier. Signing in asks you first what to do with them.";
    case "nobody":
      return "Sign in to keep your entries in step across devices, with a copy on your server; what is already on this device goes to the account you sign in to. Without an account, everything stays on this device.";
  }
}

function QuestionText({ question, email }: { question: Question; email: string }) {
  const { claim, entries, unsent } = question;
  const whose = claim.owner ?? "an account that signed out here earlier";
  return (
    <>
      <p>
        The {entriesText(entries)} on this device belong to {whose}. They are never sent to {email}.
      </p>
      <p>
        {!claim.owner
          ? "If they are yours, export them first (Your data, below): removing this device's copy cannot be undone."
          : unsent === 0
            ? `They are all in ${claim.owner}'s account on the server, so removing this device's copy loses nothing there.`
            : `${entriesText(unsent)} of them ${unsent === 1 ? "has" : "have"} not reached the server: removing this device's copy loses ${unsent === 1 ? "it" : "them"}. To keep them, sign in as ${claim.owner} first, or export them.`}
      </p>
    </>
  );
}
