import {
  codeOf,
  dayLabel,
  decodeProgramme,
  doseRangeText,
  doseText,
  exerciseById,
  PACE_WORDS,
  PRESCRIBABLE,
  PROGRESSIONS,
  type PrescribableId,
  type Programme,
  prescribedLadder,
  prescriberText,
  programmeLines,
  programmeLink,
  type VariantId,
  variantById,
} from "@limber/core";
import { useEffect, useState } from "preact/hooks";
import {
  checkDraft,
  type Draft,
  draftOf,
  type ExerciseDraft,
  emptyDraft,
  fieldsOf,
  fieldWords,
  limitsOf,
  variantsOfExercise,
} from "../clinician/draft.ts";
import { QrCode } from "../clinician/qr-code.tsx";
import { Choice } from "../components/choice.tsx";
import { Illustration } from "../components/illustration.tsx";
import { useTopOnShow } from "../components/top.ts";
import { localDay } from "../store/local-time.ts";
import "../clinician/clinician.css";

const USES = [
  { value: "limber", label: "As Limber decides" },
  { value: "prescribed", label: "Prescribe" },
  { value: "excluded", label: "Leave out" },
] as const;

const PACES = PROGRESSIONS.map((value) => ({
  value,
  label: value === "limber" ? "As Limber decides" : value === "slow" ? "Slower" : "None",
}));

/** The address of this app, for the link: where it is served, without any fragment. */
const appAddress = () => `${location.origin}${location.pathname}`;

/**
 * For clinicians, with no account: prescribe a programme from the catalog within its limits, and
 * hand it over as a link whose fragment carries it (never sent to a server), a QR code of that
 * link, and a one-page sheet to print. A programme opened from its link keeps its id and is
 * saved as the next revision.
 */
export function Clinician() {
  useTopOnShow();
  const today = localDay(new Date());
  const [draft, setDraft] = useState<Draft>(() => {
    const opened = decodeProgramme(codeOf(location.hash));
    return opened.ok ? draftOf(opened.programme, today) : emptyDraft(today);
  });
  const [pasted, setPasted] = useState("");
  const [openProblem, setOpenProblem] = useState<string>();
  const [problems, setProblems] = useState<string[]>([]);
  const [made, setMade] = useState<{ programme: Programme; link: string }>();
  const [copied, setCopied] = useState("");
  useEffect(() => {
    document.title = "For clinicians · Limber";
  }, []);

  const update = (change: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...change }));
    setMade(undefined);
  };
  const updateExercise = (id: PrescribableId, change: Partial<ExerciseDraft>) =>
    update({ exercises: { ...draft.exercises, [id]: { ...draft.exercises[id], ...change } } });

  const open = () => {
    const opened = decodeProgramme(codeOf(pasted.includes("#") ? pasted : `#?p=${pasted}`));
    if (!opened.ok) {
      setOpenProblem(opened.problem);
      return;
    }
    setOpenProblem(undefined);
    setProblems([]);
    setMade(undefined);
    setDraft(draftOf(opened.programme, today));
  };

  const make = () => {
    const checked = checkDraft(draft);
    if (!checked.ok) {
      setProblems(checked.problems);
      setMade(undefined);
      return;
    }
    setProblems([]);
    setMade({ programme: checked.programme, link: programmeLink(appAddress(), checked.programme) });
  };

  const copy = async () => {
    if (!made) return;
    try {
      await navigator.clipboard.writeText(made.link);
      setCopied("The link is copied.");
    } catch {
      setCopied("This browser did not allow copying: select the link above and copy it.");
    }
  };

  return (
    <main class="clinician">
      <div class="no-print">
        <h1>For clinicians</h1>
        <p>
          Prescribe a home programme for someone who uses Limber. No account is needed: the
          programme travels in a link, after its #, which is never sent to any server. The person
          sees who prescribed what before anything is recorded, and Limber's safety rules still
          decide each day.
        </p>
        <details class="card">
          <summary>Change a programme you made before</summary>
          <label for="paste">Its link</label>
          <input
            id="paste"
            type="text"
            value={pasted}
            onInput={(e) => setPasted(e.currentTarget.value)}
            autocomplete="off"
          />
          <p>
            <button type="button" onClick={open}>
              Open it
            </button>
          </p>
          {openProblem && (
            <p class="notice" role="alert">
              {openProblem}
            </p>
          )}
        </details>
        {draft.revision > 1 && (
          <p class="card" role="status">
            Changing {draft.name || "this"} programme: the link you make now is revision{" "}
            {draft.revision}, and replaces the one before on the person's device when they use it.
          </p>
        )}

        <h2>Who prescribes it</h2>
        <label for="name">Your name</label>
        <input
          id="name"
          type="text"
          value={draft.name}
          maxLength={80}
          onInput={(e) => update({ name: e.currentTarget.value })}
        />
        <label for="role">Your role (optional)</label>
        <input
          id="role"
          type="text"
          value={draft.role}
          maxLength={60}
          onInput={(e) => update({ role: e.currentTarget.value })}
        />
        <label for="practice">Your practice (optional)</label>
        <input
          id="practice"
          type="text"
          value={draft.practice}
          maxLength={80}
          onInput={(e) => update({ practice: e.currentTarget.value })}
        />

        <h2>Exercises</h2>
        <p class="small muted">
          The limits shown are Limber's catalog limits; ranges stay within them. Exercises left to
          Limber are dosed and progressed as it always does.
        </p>
        {PRESCRIBABLE.map((id) => (
          <ExerciseForm
            key={id}
            id={id}
            entry={draft.exercises[id]}
            onChange={(change) => updateExercise(id, change)}
          />
        ))}

        <h2>Pace, days and note</h2>
        <Choice
          legend="Progression"
          options={PACES}
          value={draft.progression}
          onChange={(progression) => update({ progression })}
          stack
        />
        <p class="small muted">{PACE_WORDS[draft.progression]}.</p>
        <label for="days">Practice days a week</label>
        <select
          id="days"
          value={String(draft.daysPerWeek)}
          onChange={(e) => update({ daysPerWeek: Number(e.currentTarget.value) })}
        >
          {[1, 2, 3, 4, 5, 6, 7].map((n) => (
            <option key={n} value={String(n)}>
              {n}
            </option>
          ))}
        </select>
        <label for="ends">Ends on (optional)</label>
        <input
          id="ends"
          type="date"
          value={draft.endsOn}
          min={draft.prescribedOn}
          onInput={(e) => update({ endsOn: e.currentTarget.value })}
        />
        <label for="note">A note to the person (optional)</label>
        <textarea
          id="note"
          maxLength={400}
          value={draft.note}
          onInput={(e) => update({ note: e.currentTarget.value })}
        />

        <p class="row-actions">
          <button class="primary" type="button" onClick={make}>
            Make the link
          </button>
        </p>
        {problems.length > 0 && (
          <div class="notice" role="alert">
            <p>The programme needs a change before it can be shared:</p>
            <ul>
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        )}
      </div>

      {made && (
        <section aria-labelledby="share-heading">
          <div class="no-print">
            <h2 id="share-heading">Share it</h2>
            <label for="link">The link (revision {made.programme.revision})</label>
            <input id="link" type="text" readOnly value={made.link} />
            <div class="row-actions">
              <button type="button" onClick={copy}>
                Copy the link
              </button>
              <button type="button" class="primary" onClick={() => print()}>
                Print the sheet
              </button>
            </div>
            <p role="status" class="small muted">
              {copied}
            </p>
            <p class="small muted">The sheet below is what prints, on one page.</p>
          </div>
          <Sheet programme={made.programme} link={made.link} />
        </section>
      )}
    </main>
  );
}

/** One exercise: left to Limber, prescribed (variants, ranges, start) or left out. */
function ExerciseForm({
  id,
  entry,
  onChange,
}: {
  id: PrescribableId;
  entry: ExerciseDraft;
  onChange: (change: Partial<ExerciseDraft>) => void;
}) {
  const exercise = exerciseById(id);
  const ladder = prescribedLadder(id, entry.variants.length > 0 ? entry.variants : undefined);
  const toggle = (variant: VariantId, on: boolean) => {
    const all = variantsOfExercise(id).map((v) => v.id);
    const variants = all.filter((v) => (v === variant ? on : entry.variants.includes(v)));
    onChange({ variants, startStep: "" });
  };
  return (
    <fieldset class="card exercise-form">
      <legend>{exercise.name}</legend>
      <Choice
        legend="Use it"
        options={USES}
        value={entry.use}
        onChange={(use) => onChange({ use })}
        stack
      />
      {entry.use === "prescribed" && (
        <>
          <fieldset>
            <legend>Variants allowed</legend>
            {variantsOfExercise(id).map((variant) => (
              <div class="variant-choice" key={variant.id}>
                <label class="check">
                  <input
                    type="checkbox"
                    checked={entry.variants.includes(variant.id)}
                    onChange={(e) => toggle(variant.id, e.currentTarget.checked)}
                  />
                  <span>
                    {variant.name}
                    <span class="small muted block">Limits: {doseRangeText(variant)}</span>
                  </span>
                </label>
                <Illustration
                  variant={variant.id}
                  label={`${variant.name}: start and end position`}
                />
              </div>
            ))}
          </fieldset>
          {fieldsOf(entry.variants).map((field) => {
            const [low, high] = limitsOf(entry.variants, field);
            const [from = "", to = ""] = entry.dose[field] ?? [];
            const set = (range: [string, string]) =>
              onChange({ dose: { ...entry.dose, [field]: range } });
            return (
              <fieldset key={field} class="range">
                <legend>
                  {fieldWords(field).charAt(0).toUpperCase() + fieldWords(field).slice(1)} (limits{" "}
                  {low}–{high}; empty for Limber's)
                </legend>
                <label>
                  <span>From</span>
                  <input
                    type="number"
                    inputMode="numeric"
                    min={low}
                    max={high}
                    value={from}
                    onInput={(e) => set([e.currentTarget.value, to])}
                  />
                </label>
                <label>
                  <span>To</span>
                  <input
                    type="number"
                    inputMode="numeric"
                    min={low}
                    max={high}
                    value={to}
                    onInput={(e) => set([from, e.currentTarget.value])}
                  />
                </label>
              </fieldset>
            );
          })}
          {ladder && (
            <>
              <label for={`start-${id}`}>Start at</label>
              <select
                id={`start-${id}`}
                value={entry.startStep}
                onChange={(e) => onChange({ startStep: e.currentTarget.value })}
              >
                <option value="">Where the person already is</option>
                {ladder.steps.map((step, i) => {
                  const variant = variantById(step.variant);
                  const dose = doseText(variant.mode, {
                    ...step.dose,
                    perSide: variant.side === "each",
                  });
                  return (
                    <option key={`${step.variant}-${i}`} value={String(i)}>
                      {variant.name}, {dose}
                    </option>
                  );
                })}
              </select>
            </>
          )}
        </>
      )}
    </fieldset>
  );
}

/** The one-page sheet: the QR code and the programme in words. */
function Sheet({ programme, link }: { programme: Programme; link: string }) {
  return (
    <article class="programme-sheet" aria-labelledby="sheet-title">
      <h2 id="sheet-title">Your home programme</h2>
      <p>
        From {prescriberText(programme)}, {dayLabel(programme.prescribedOn, "date")} (revision{" "}
        {programme.revision}).
      </p>
      <div class="sheet-qr">
        <QrCode text={link} label="QR code of the programme's link" />
        <p>
          Point your phone's camera at this code and open the link in the browser you use Limber in.
          Read the programme, then tap Use this programme.
        </p>
      </div>
      <ul>
        {programmeLines(programme).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {programme.note && (
        <p class="sheet-note">
          <strong>Note from {programme.prescriber.name}:</strong> {programme.note}
        </p>
      )}
      <p class="small">
        Limber's safety rules still decide each day: warning signs pause practice, and on a grumpy
        day, with leg symptoms or after a pain spike a step is gentler than prescribed, or left out,
        and says why.
      </p>
      <p class="small sheet-link">{link}</p>
    </article>
  );
}
