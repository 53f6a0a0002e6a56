import { useState } from "preact/hooks";
import { ServerProblem } from "../sync/server.ts";
import type { Sync } from "../sync/use-sync.ts";

/** Optional sign-in, so a phone and a laptop show the same history and plan. */
export function AccountSync({ sync }: { sync: Sync }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const { account } = sync;

  if (account.state === "checking") return <p class="muted">Checking for an account…</p>;
  if (account.state === "signed-in") {
    return (
      <div>
        <p>
          Signed in as <strong>{account.email}</strong>. Entries sync in the background.
        </p>
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
          <button type="button" onClick={() => sync.signOut()}>
            Sign out
          </button>
        </div>
      </div>
    );
  }

  const submit = async (create: boolean) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await sync.signIn(email, password, create);
      setPassword("");
    } catch (error) {
      setProblem(
        error instanceof ServerProblem || error instanceof Error ? error.message : String(error),
      );
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
      <p>
        Sign in to keep your entries in step across devices and backed up on the server. Without an
        account, everything stays on this device.
      </p>
      <label for="account-email">Email</label>
      <input
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
    </form>
  );
}
