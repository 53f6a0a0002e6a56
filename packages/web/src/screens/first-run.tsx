import { EMERGENCY_SIGNS, RULES, SEE_CLINICIAN_SIGNS, type SettingsChange } from "@limber/core";
import { useEffect, useRef, useState } from "preact/hooks";
import { lazyComponent } from "../components/lazy.tsx";
import { AnchorField, RegionField, WeeklyDaysField } from "../components/settings-fields.tsx";
import { guessRegion } from "../regions.ts";
import type { Sync } from "../sync/use-sync.ts";

// Signing in from Welcome loads only when asked for: the first screen stays small.
const WelcomeSignIn = lazyComponent(
  () => import("../components/welcome-sign-in.tsx").then((m) => m.WelcomeSignIn),
  () => (
    <p class="muted" aria-busy="true">
      Opening sign-in…
    </p>
  ),
);

type Step = "welcome" | "region" | "habit" | "signs";

/**
 * First run: the plain disclaimer (R-DISCLAIMER), region for the emergency number
 * (R-EMERGENCY-NUMBER), the daily anchor (R-ANCHOR), practice days (R-CONSISTENCY), and the
 * warning signs, read once in full before the first check-in.
 */
export function FirstRun({
  onDone,
  sync,
}: {
  onDone: (settings: SettingsChange, signsToReport: boolean) => Promise<void>;
  sync: Sync;
}) {
  const [step, setStep] = useState<Step>("welcome");
  // A device signed in (now, or before a reload) first takes in what its account holds.
  const [signingIn, setSigningIn] = useState(false);
  const signIn = signingIn || sync.account.state === "signed-in";
  const [region, setRegion] = useState<string | undefined>(() => guessRegion());
  const [anchor, setAnchor] = useState("after my morning coffee");
  const [weeklyDays, setWeeklyDays] = useState(5);
  const [saving, setSaving] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [step]);

  const finish = async (signsToReport: boolean) => {
    setSaving(true);
    await onDone(
      {
        disclaimerAccepted: true,
        weeklyDays,
        ...(region ? { region } : {}),
        ...(anchor.trim() ? { anchor: anchor.trim() } : {}),
      },
      signsToReport,
    );
  };

  return (
    <main>
      {step === "welcome" && (
        <section>
          <h1 ref={heading} tabIndex={-1}>
            Welcome to Limber
          </h1>
          <p>
            A few quiet minutes a day of gentle hamstring mobility, adapted to how your back feels,
            so your low back does not have to carry every bend.
          </p>
          <div class="card">
            <h2>Before you start</h2>
            <p>{RULES["R-DISCLAIMER"].text}</p>
            <p>{RULES["R-HONEST"].text}</p>
          </div>
          {signIn ? (
            <WelcomeSignIn
              sync={sync}
              onSetUp={() => setStep("region")}
              onBack={() => setSigningIn(false)}
            />
          ) : (
            <div class="choices stack">
              <button class="primary" type="button" onClick={() => setStep("region")}>
                I understand
              </button>
              <button type="button" onClick={() => setSigningIn(true)}>
                I already use Limber: sign in
              </button>
            </div>
          )}
        </section>
      )}
      {step === "region" && (
        <section>
          <h1 ref={heading} tabIndex={-1}>
            Where are you?
          </h1>
          <RegionField value={region} onChange={(code) => setRegion(code || undefined)} />
          <p>
            <button class="primary" type="button" onClick={() => setStep("habit")}>
              Next
            </button>
          </p>
        </section>
      )}
      {step === "habit" && (
        <section>
          <h1 ref={heading} tabIndex={-1}>
            Make it a habit
          </h1>
          <AnchorField value={anchor} onChange={setAnchor} />
          <WeeklyDaysField value={weeklyDays} onChange={setWeeklyDays} />
          <button class="primary" type="button" onClick={() => setStep("signs")}>
            Next
          </button>
        </section>
      )}
      {step === "signs" && (
        <section>
          <h1 ref={heading} tabIndex={-1}>
            Signs that need care first
          </h1>
          <p>
            Most back tension is not serious. These signs are the exceptions. Do any apply to you
            now?
          </p>
          <h2>Need urgent care</h2>
          <ul class="signs">
            {Object.entries(EMERGENCY_SIGNS).map(([id, text]) => (
              <li key={id}>{text}</li>
            ))}
          </ul>
          <h2>Worth a clinician's look before stretching</h2>
          <ul class="signs">
            {Object.entries(SEE_CLINICIAN_SIGNS).map(([id, text]) => (
              <li key={id}>{text}</li>
            ))}
          </ul>
          <p class="small muted">
            Your answer counts for today's check-in; after that, Limber asks about these briefly
            each time you check in.
          </p>
          <div class="choices stack">
            <button class="primary" type="button" disabled={saving} onClick={() => finish(false)}>
              None of these apply
            </button>
            <button type="button" disabled={saving} onClick={() => finish(true)}>
              One or more apply
            </button>
          </div>
        </section>
      )}
    </main>
  );
}
