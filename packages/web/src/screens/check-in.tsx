import { type CheckIn, EMERGENCY_SIGNS, SEE_CLINICIAN_SIGNS, type WarningSign } from "@limber/core";
import { useState } from "preact/hooks";
import { Choice } from "../components/choice.tsx";
import { PainScale } from "../components/pain-scale.tsx";
import { sentenceFor } from "../sentence-for.ts";

type Context = NonNullable<CheckIn["context"]>;

const BACK = [
  { value: "calm", label: "Calm" },
  { value: "okay", label: "Okay" },
  { value: "grumpy", label: "Grumpy" },
] as const;

const LEG = [
  { value: "none", label: "No leg symptoms" },
  { value: "one-leg", label: "In one leg, steady" },
  { value: "one-leg-worsening", label: "In one leg, getting worse" },
  { value: "both-legs", label: "In both legs" },
] as const;

const SIGN_GROUPS: { heading: string; signs: Record<string, string> }[] = [
  { heading: "Need urgent care", signs: EMERGENCY_SIGNS },
  { heading: "Worth a clinician's look first", signs: SEE_CLINICIAN_SIGNS },
];

/**
 * The 20-second check-in: one tap for the back, then leg symptoms, the warning signs (their list
 * always visible), and optional pain and context. A calm day is three taps.
 */
export function CheckInForm({
  greeting,
  onSubmit,
  expandSigns = false,
}: {
  greeting: string;
  onSubmit: (checkIn: CheckIn) => Promise<void>;
  expandSigns?: boolean;
}) {
  const [back, setBack] = useState<CheckIn["back"]>();
  const [leg, setLeg] = useState<NonNullable<CheckIn["leg"]>>("none");
  const [pain, setPain] = useState<number>();
  const [signs, setSigns] = useState<WarningSign[]>([]);
  const [signsAnswered, setSignsAnswered] = useState(false);
  const [context, setContext] = useState<Context>({});
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();

  const toggleSign = (sign: WarningSign, on: boolean) => {
    setSignsAnswered(true);
    setSigns((before) => (on ? [...before, sign] : before.filter((s) => s !== sign)));
  };
  const ready = back !== undefined && (signsAnswered || signs.length > 0);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!back) return;
    setSaving(true);
    setProblem(undefined);
    try {
      const hasContext = Object.keys(context).length > 0;
      await onSubmit({
        back,
        leg,
        signs,
        ...(pain === undefined ? {} : { pain }),
        ...(hasContext ? { context } : {}),
      });
    } catch (error) {
      setProblem(sentenceFor(error));
      setSaving(false);
    }
  };

  return (
    <form onSubmit={submit} aria-labelledby="check-in-title">
      <p class="muted">{greeting}</p>
      <h1 id="check-in-title">How is your back today?</h1>
      <Choice legend="Your back feels" options={BACK} value={back} onChange={setBack} />
      <Choice
        legend="Leg symptoms (pain, tingling or numbness)"
        options={LEG}
        value={leg}
        onChange={setLeg}
        stack
      />

      <fieldset>
        <legend>Anything new of these?</legend>
        {expandSigns && (
          <p class="notice">
            You said some of these apply to you. Please tick each one, so Limber can guide you
            safely.
          </p>
        )}
        {SIGN_GROUPS.map((group) => (
          <div key={group.heading}>
            <p class="small muted">{group.heading}</p>
            {Object.entries(group.signs).map(([id, text]) => (
              <label class="check" key={id}>
                <input
                  type="checkbox"
                  checked={signs.includes(id as WarningSign)}
                  onChange={(e) => toggleSign(id as WarningSign, e.currentTarget.checked)}
                />
                <span>{text}</span>
              </label>
            ))}
          </div>
        ))}
        <button
          type="button"
          aria-pressed={signsAnswered && signs.length === 0}
          onClick={() => {
            setSigns([]);
            setSignsAnswered(true);
          }}
        >
          None of these
        </button>
      </fieldset>

      <details>
        <summary>Pain and more context (optional)</summary>
        <PainScale
          legend="Pain right now, 0 (none) to 10 (worst imaginable)"
          value={pain}
          onChange={setPain}
        />
        <Choice
          legend="Sleep last night"
          options={[
            { value: "poor", label: "Poor" },
            { value: "ok", label: "Okay" },
            { value: "good", label: "Good" },
          ]}
          value={context.sleep}
          onChange={(sleep) => setContext({ ...context, sleep })}
        />
        <Choice
          legend="Stress"
          options={[
            { value: "low", label: "Low" },
            { value: "medium", label: "Medium" },
            { value: "high", label: "High" },
          ]}
          value={context.stress}
          onChange={(stress) => setContext({ ...context, stress })}
        />
        <label class="check">
          <input
            type="checkbox"
            checked={context.deskDay === true}
            onChange={(e) => setContext({ ...context, deskDay: e.currentTarget.checked })}
          />
          <span>A day mostly at a desk</span>
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={context.hardDayYesterday === true}
            onChange={(e) => setContext({ ...context, hardDayYesterday: e.currentTarget.checked })}
          />
          <span>Yesterday was a hard day for my back</span>
        </label>
        <Choice
          legend="Time I have"
          options={[
            { value: "3", label: "3 min" },
            { value: "5", label: "5 min" },
            { value: "10", label: "10 min" },
          ]}
          value={context.minutes === undefined ? undefined : String(context.minutes)}
          onChange={(minutes) => setContext({ ...context, minutes: Number(minutes) })}
        />
      </details>

      {problem && (
        <p class="notice" role="alert">
          Your check-in was not saved: {problem}. Please try again.
        </p>
      )}
      <div class="sticky-action">
        {!ready && (
          <p class="small muted" id="check-in-needs">
            Choose how your back feels, and answer the list (or choose None of these).
          </p>
        )}
        <button
          class="primary"
          type="submit"
          disabled={!ready || saving}
          aria-describedby={ready ? undefined : "check-in-needs"}
        >
          {saving ? "Saving…" : "See today's plan"}
        </button>
      </div>
    </form>
  );
}
