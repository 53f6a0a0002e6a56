import type { LimberEvent } from "@limber/core";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import type { EventStore } from "../store/event-store.ts";
import { ServerProblem, server } from "./server.ts";
import { startAccountSync, syncLog } from "./sync-log.ts";

export type Account =
  | { state: "checking" }
  | { state: "signed-out" }
  | { state: "signed-in"; email: string };

export interface Sync {
  account: Account;
  syncing: boolean;
  lastSynced?: Date;
  /** One plain sentence when the last attempt did not go through. */
  problem?: string;
  signIn(email: string, password: string, create: boolean): Promise<void>;
  signOut(): Promise<void>;
  syncNow(): void;
}

const EMAIL = "sync.email";
const EVERY_MS = 60_000;

/**
 * Optional sync with a Limber server: entries queue on the device and go in the background,
 * after each change, when the connection returns, and every minute while the app is open.
 */
export function useSync(
  store: EventStore,
  merge: (events: LimberEvent[]) => void,
  changes: number,
): Sync {
  const [account, setAccount] = useState<Account>({ state: "checking" });
  const [syncing, setSyncing] = useState(false);
  const [lastSynced, setLastSynced] = useState<Date>();
  const [problem, setProblem] = useState<string>();
  const running = useRef(false);
  const signedIn = account.state === "signed-in";

  const syncNow = useCallback(() => {
    if (!signedIn || running.current) return;
    running.current = true;
    setSyncing(true);
    syncLog(store, merge)
      .then(() => {
        setLastSynced(new Date());
        setProblem(undefined);
      })
      .catch((error: unknown) => {
        if (error instanceof ServerProblem && error.status === 401)
          setAccount({ state: "signed-out" });
        setProblem(
          error instanceof ServerProblem && error.code === "offline"
            ? "Offline: your entries are safe on this device and will sync when you are back online."
            : error instanceof Error
              ? error.message
              : String(error),
        );
      })
      .finally(() => {
        running.current = false;
        setSyncing(false);
      });
  }, [signedIn, store, merge]);

  useEffect(() => {
    (async () => {
      // Only a device that signed in asks the server who it is: the others never sync, and
      // a question answered "not signed in" on every start would be noise.
      const email = await store.getSetting<string>(EMAIL);
      if (!email) return setAccount({ state: "signed-out" });
      try {
        const me = await server.me();
        setAccount({ state: "signed-in", email: me.email });
      } catch (error) {
        // Offline, a signed-in device stays signed in: its entries wait in the outbox.
        const offline = error instanceof ServerProblem && error.code === "offline";
        setAccount(offline ? { state: "signed-in", email } : { state: "signed-out" });
      }
    })();
  }, [store]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `changes` counts new entries, which is what should start a sync.
  useEffect(() => {
    if (!signedIn) return;
    const soon = setTimeout(syncNow, 800);
    return () => clearTimeout(soon);
  }, [signedIn, changes, syncNow]);

  useEffect(() => {
    if (!signedIn) return;
    const onVisible = () => document.visibilityState === "visible" && syncNow();
    const timer = setInterval(onVisible, EVERY_MS);
    addEventListener("online", syncNow);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearInterval(timer);
      removeEventListener("online", syncNow);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [signedIn, syncNow]);

  return {
    account,
    syncing,
    ...(lastSynced ? { lastSynced } : {}),
    ...(problem ? { problem } : {}),
    async signIn(email, password, create) {
      const answer = create
        ? await server.signUp(email, password)
        : await server.signIn(email, password);
      await startAccountSync(store);
      await store.setSetting(EMAIL, answer.email);
      setAccount({ state: "signed-in", email: answer.email });
    },
    async signOut() {
      await server.signOut();
      await store.setSetting(EMAIL, undefined);
      setAccount({ state: "signed-out" });
    },
    syncNow,
  };
}
