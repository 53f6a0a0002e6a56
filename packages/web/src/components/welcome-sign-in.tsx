import { useEffect, useRef } from "preact/hooks";
import type { Sync } from "../sync/use-sync.ts";
import { AccountSync } from "./account-sync.tsx";

/**
 * "I already use Limber": signing in on a new device before anything is set up on it. The
 * device takes in the account's entries first; when they hold the person's settings and the
 * disclaimer they accepted, the app opens with them (app.tsx) and nothing is asked again.
 * Otherwise the person sets Limber up, and the first run writes only what the account does not
 * hold yet, so this device never changes another device's settings by being new.
 */
export function WelcomeSignIn({
  sync,
  onSetUp,
  onBack,
}: {
  sync: Sync;
  /** Carries on to set Limber up: the account holds no settings yet. */
  onSetUp: () => void;
  onBack: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const signedIn = sync.account.state === "signed-in";
  // Signed in and synced, and still here: the account had no first run to bring.
  const pulled = signedIn && sync.lastSynced !== undefined && !sync.syncing;
  return (
    <section class="card" aria-labelledby="welcome-sign-in">
      <h2 id="welcome-sign-in" ref={heading} tabIndex={-1}>
        Sign in to your account
      </h2>
      <p>Your settings come from your account first: nothing on your other devices changes.</p>
      <AccountSync sync={sync} />
      {signedIn && !pulled && !sync.problem && (
        <p class="muted" role="status">
          Bringing your entries from your account…
        </p>
      )}
      {pulled && (
        <>
          <p>Your account has nothing set up yet. A few questions, and you can start.</p>
          <button class="primary" type="button" onClick={onSetUp}>
            I understand: set up Limber
          </button>
        </>
      )}
      {sync.account.state === "signed-out" && (
        <p>
          <button type="button" onClick={onBack}>
            Back
          </button>
        </p>
      )}
    </section>
  );
}
