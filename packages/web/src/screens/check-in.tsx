import {
  type CheckIn,
  isCautionSign,
  isEmergencySign,
  type SignQuestion,
  WARNING_SIGNS,
  type WarningSign,
} from "@limber/core";
import { useEffect, useId, useRef, useState } from "preact/hooks";
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
  { value: "none", label: "None" },
  { value: "one-leg", label: "In one leg, steady" },
  { value: "one-leg-worsening", label: "In one leg, worsening" },
  { value: "both-legs", label: "In both legs" },
] as const;

/** The full list's groups, by what each sign calls for. */
const SIGN_GROUPS: { heading: string; holds: (sign: WarningSign) => boolean }[] = [
  { heading: "Need urgent care", holds: isEmergencySign },
  {
    heading: "Worth a clinician's look first",
    holds: (sign) => !isEmergencySign(sign) && !isCautionSign(sign),
  },
  { heading: "Worth mentioning to a clinician", holds: isCautionSign },
];

/** Why the whole list shows today, in one line (R-TRIAGE-ASK). */
const FULL_LIST_WHY: Record<NonNullable<SignQuestion["why"]>, string> = {
  "first-check-in": "Your first check-in shows the whole list, so you know what each sign is.",
  "new-week": "A new week: the whole list once, so nothing is missed.",
  "recent-sign": "You reported a sign in the last week, so the whole list shows each time for now.",
};

/**
 * How the check-in asks about warning signs: core's question for today (R-TRIAGE-ASK), and
 * whether the person already answered it at first run today (`"none"`: none apply; `"some"`:
 * one or more do, so each must be ticked).
 */
export interface SignsAsked {
  question: SignQuestion;
  atFirstRun?: "none" | "some";
}

/**
 * The 20-second check-in: one tap for the back, the legs in one row, then the warning signs as
 * core asks them today: the compact question with "None of these" first and largest, or the full
 * list when it is due. "Something here is new or worse" opens the full list, so every sign is
 * ticked one by one and triage gets exact answers. Pain and context stay folded away. A calm day
 * is three taps: Calm, None of these, See today's plan.
 */
export function CheckInForm({
  greeting,
  onSubmit,
  asked,
}: {
  greeting: string;
  onSubmit: (checkIn: CheckIn) => Promise<void>;
  asked: SignsAsked;
}) {
  const { question, atFirstRun } = asked;
  const [back, setBack] = useState<CheckIn["back"]>();
  const [leg, setLeg] = useState<NonNullable<CheckIn["leg"]>>("none");
  const [pain, setPain] = useState<number>();
  const [signs, setSigns] = useState<WarningSign[]>([]);
  const [noneOfThese, setNoneOfThese] = useState(atFirstRun === "none");
  // The full list: when core says it is due, when first run said some apply, or on request.
  const [fullList, setFullList] = useState(
    atFirstRun === "some" || (atFirstRun === undefined && question.full),
  );
  const [context, setContext] = useState<Context>({});
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const listStart = useRef<HTMLParagraphElement>(null);
  const legId = useId();
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    if (opened) listStart.current?.focus();
  }, [opened]);

  const toggleSign = (sign: WarningSign, on: boolean) => {
    setNoneOfThese(false);
    setSigns((before) => (on ? [...before, sign] : before.filter((s) => s !== sign)));
  };
  const openList = () => {
    setNoneOfThese(false);
    setFullList(true);
    setOpened(true);
  };
  const answered = noneOfThese || signs.length > 0;
  const ready = back !== undefined && answered;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!back || !answered) return;
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

  const none = (
    <button
      type="button"
      class="none-of-these"
      aria-pressed={noneOfThese}
      onClick={() => {
        setSigns([]);
        setNoneOfThese(true);
      }}
    >
      None of these
    </button>
  );

  return (
    <form class="check-in" onSubmit={submit} aria-labelledby="check-in-title">
      <p class="muted greeting">{greeting}</p>
      <h1 id="check-in-title">How is your back today?</h1>
      <div class="back">
        <Choice legend="Your back feels" options={BACK} value={back} onChange={setBack} />
      </div>
      <div class="leg-row">
        <label for={legId}>
          Leg symptoms<span class="visually-hidden"> (pain, tingling or numbness)</span>
        </label>
        <select
          id={legId}
          value={leg}
          onChange={(e) => setLeg(e.currentTarget.value as NonNullable<CheckIn["leg"]>)}
        >
          {LEG.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>

      <fieldset class="signs-question">
        <legend>Anything new of these?</legend>
        {atFirstRun === "none" && !fullList ? (
          <>
            <p class="small muted">
              You answered the warning signs a moment ago: none of them apply today.
            </p>
            <button type="button" onClick={openList}>
              Something has changed
            </button>
          </>
        ) : fullList ? (
          <>
            <p class="small muted" ref={listStart} tabIndex={-1}>
              {atFirstRun === "some"
                ? "You said some of these apply to you. Please tick each one, so Limber can guide you safely."
                : opened || !question.why
                  ? "Tick each sign that is new or worse."
                  : FULL_LIST_WHY[question.why]}
            </p>
            {SIGN_GROUPS.map((group) => {
              const listed = question.signs.filter(group.holds);
              if (listed.length === 0) return null;
              return (
                <div key={group.heading}>
                  <p class="small muted">{group.heading}</p>
                  {listed.map((sign) => (
                    <label class="check" key={sign}>
                      <input
                        type="checkbox"
                        checked={signs.includes(sign)}
                        onChange={(e) => toggleSign(sign, e.currentTarget.checked)}
                      />
                      <span>{WARNING_SIGNS[sign]}</span>
                    </label>
                  ))}
                </div>
              );
            })}
            {none}
          </>
        ) : (
          <>
            <ul class="sign-lines">
              {question.lines.map((line) => (
                <li key={line.text}>{line.text}</li>
              ))}
            </ul>
            <div class="sign-answers">
              {none}
              <button type="button" onClick={openList}>
                Something here is new or worse
              </button>
            </div>
          </>
        )}
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

      <div class="sticky-action">
        {/* Beside the button that failed, so the sticky button never hides it. */}
        {problem && (
          <p class="notice" role="alert">
            Your check-in was not saved: {problem}
          </p>
        )}
        {/* Said to screen readers with the disabled button; the dimmed button shows it. */}
        {!ready && (
          <p class="visually-hidden" id="check-in-needs">
            {back === undefined
              ? answered
                ? "Choose how your back feels first."
                : "Answer both questions first."
              : "Answer the signs question first."}
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
