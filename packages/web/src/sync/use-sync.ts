import type { LimberEvent } from "@limber/core";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { sentenceFor } from "../sentence-for.ts";
import { clearDevice, startAfresh } from "../store/device-data.ts";
import type { DeviceStore } from "../store/event-store.ts";
import {
  type Claim,
  claimFor,
  type DeviceOwner,
  type GrantedClaim,
  NotThisAccount,
  OwnedByAnother,
} from "../store/ownership.ts";
import { ServerProblem, server } from "./server.ts";
import { syncAs } from "./sync-as.ts";
import { startAccountSync } from "./sync-log.ts";

export type Account =
  | { state: "checking" }
  | { state: "signed-out"; owner: DeviceOwner }
  | { state: "signed-in"; email: string };

/** Another account's entries are on this device: what the person is asked before signing in. */
export interface Question {
  claim: Extract<Claim, { kind: "another" }>;
  entries: number;
  unsent: number;
}

export type SignInResult =
  | { kind: "signed-in"; email: string; claim: GrantedClaim }
  | { kind: "ask"; question: Question };

export interface Sync {
  account: Account;
  syncing: boolean;
  lastSynced?: Date;
  /** One plain sentence when the last attempt did not go through. */
  problem?: string;
  /**
   * Signs in (or creates the account). When this device holds another account's entries it
   * asks first and sends nothing to the server; `removeDeviceCopy` is the person's answer,
   * and the copy goes only once the server has accepted the password.
   */
  signIn(
    email: string,
    password: string,
    create: boolean,
    removeDeviceCopy?: boolean,
  ): Promise<SignInResult>;
  /** Signs out here, keeping this device's copy (still its owner's) or removing it. */
  signOut(keepDeviceCopy: boolean): Promise<void>;
  /** Removes every entry and setting from this device (signing out first when signed in). */
  removeDeviceData(): Promise<void>;
  /** Deletes the account and its entries on the server; this device's copy stays, signed out. */
  deleteAccount(): Promise<void>;
  /** What this device holds: its entries, and how many of them the server does not have yet. */
  counts(): Promise<{ entries: number; unsent: number }>;
  /** How many entries the account holds on the server. */
  serverEntries(): Promise<number>;
  syncNow(): void;
}

const EVERY_MS = 60_000;
const SESSION_ENDED =
  "You are signed out on this device (a sign-in lasts 30 days, or was ended elsewhere), so nothing was synced. Sign in again to carry on.";

/**
 * A device leaving its account stops its reminders by push: the browser's subscription ends, so
 * the push service calls it gone when the server next tries it (loaded only then).
 */
const stopPush = () =>
  import("../reminders/push.ts").then((push) => push.pushOff()).catch(() => undefined);

/** The address as typed, compared with the owner's before asking the server (which has the last word). */
const typedAddress = (email: string) => email.trim().toLowerCase();

/**
 * Optional sync with a Limber server: entries queue on the device and go in the background,
 * after each change, when the connection returns, and every minute while the app is open.
 */
export function useSync(
  store: DeviceStore,
  merge: (events: LimberEvent[]) => void,
  changes: number,
): Sync {
  const [account, setAccount] = useState<Account>({ state: "checking" });
  const [syncing, setSyncing] = useState(false);
  const [lastSynced, setLastSynced] = useState<Date>();
  const [problem, setProblem] = useState<string>();
  const running = useRef(false);
  /** The person is signing out or removing their data: a sync cut short by it is no problem. */
  const leaving = useRef(false);
  const leave = async (step: () => Promise<void>) => {
    leaving.current = true;
    try {
      await step();
    } catch (error) {
      leaving.current = false;
      throw error;
    }
  };
  const email = account.state === "signed-in" ? account.email : undefined;
  const signedIn = email !== undefined;

  const signedOut = useCallback(async () => {
    setAccount({ state: "signed-out", owner: await store.owner() });
  }, [store]);

  const syncNow = useCallback(() => {
    if (email === undefined || running.current) return;
    running.current = true;
    setSyncing(true);
    syncAs(store, email, merge)
      .then(() => {
        setLastSynced(new Date());
        setProblem(undefined);
      })
      .catch(async (error: unknown) => {
        if (error instanceof ServerProblem && error.status === 401) {
          await store.signOut();
          await signedOut();
          return setProblem(leaving.current ? undefined : SESSION_ENDED);
        }
        if (error instanceof NotThisAccount) {
          await signedOut();
          return setProblem(leaving.current ? undefined : error.message);
        }
        setProblem(
          error instanceof ServerProblem && error.code === "offline"
            ? "Offline: your entries are safe on this device and will sync when you are back online."
            : sentenceFor(error),
        );
      })
      .finally(() => {
        running.current = false;
        setSyncing(false);
      });
  }, [email, store, merge, signedOut]);

  useEffect(() => {
    (async () => {
      // Only a device that signed in asks the server who it is: the others never sync, and
      // a question answered "not signed in" on every start would be noise.
      const owner = await store.owner();
      if (owner.kind !== "account" || !owner.signedIn)
        return setAccount({ state: "signed-out", owner });
      try {
        const me = await server.me();
        if (me.email === owner.email) return setAccount({ state: "signed-in", email: me.email });
        // This browser's session is someone else's now: this log is not sent to them.
        await store.signOut();
        setProblem(new NotThisAccount(owner.email).message);
      } catch (error) {
        // Offline, a signed-in device stays signed in: its entries wait in the outbox.
        if (error instanceof ServerProblem && error.code === "offline") {
          return setAccount({ state: "signed-in", email: owner.email });
        }
        if (error instanceof ServerProblem && error.status === 401) {
          await store.signOut();
          setProblem(SESSION_ENDED);
        } else setProblem(sentenceFor(error));
      }
      await signedOut();
    })();
  }, [store, signedOut]);

  // `changes` counts new entries, which is what should start a sync.
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
    async signIn(typed, password, create, removeDeviceCopy = false) {
      leaving.current = false;
      const owner = await store.owner();
      const { entries, unsent } = await store.counts();
      const expected = claimFor(owner, entries, typedAddress(typed));
      if (expected.kind === "another" && !removeDeviceCopy) {
        return { kind: "ask", question: { claim: expected, entries, unsent } };
      }
      const answer = create
        ? await server.signUp(typed, password)
        : await server.signIn(typed, password);
      if (removeDeviceCopy && claimFor(owner, entries, answer.email).kind === "another") {
        await clearDevice(store);
        const claim = await store.claim(answer.email);
        await startAccountSync(store);
        startAfresh();
        return { kind: "signed-in", email: answer.email, claim };
      }
      let claim: GrantedClaim;
      try {
        claim = await store.claim(answer.email);
      } catch (error) {
        if (!(error instanceof OwnedByAnother)) throw error;
        // The server's address differs from the one typed: end that session before asking.
        await server.signOut();
        return { kind: "ask", question: { claim: error.claim, entries, unsent } };
      }
      await startAccountSync(store);
      setProblem(undefined);
      setAccount({ state: "signed-in", email: answer.email });
      return { kind: "signed-in", email: answer.email, claim };
    },
    signOut: (keepDeviceCopy) =>
      leave(async () => {
        // The server's session ends first: offline, nothing changes, and the person is told.
        await server.signOut();
        await stopPush();
        if (keepDeviceCopy) {
          await store.signOut();
          setProblem(undefined);
          await signedOut();
          return;
        }
        await clearDevice(store);
        startAfresh();
      }),
    removeDeviceData: () =>
      leave(async () => {
        if (signedIn) await server.signOut();
        await stopPush();
        await clearDevice(store);
        startAfresh();
      }),
    deleteAccount: () =>
      leave(async () => {
        await server.deleteAccount();
        await stopPush();
        await store.signOut();
        setProblem(undefined);
        await signedOut();
      }),
    counts: () => store.counts(),
    serverEntries: async () => (await server.me()).events,
    syncNow,
  };
}
