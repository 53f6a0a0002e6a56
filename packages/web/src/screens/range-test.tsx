import { measurementData, rangeProgress } from "@limber/core";
import { useEffect, useRef, useState } from "preact/hooks";
import { Choice } from "../components/choice.tsx";
import { useTopOnShow } from "../components/top.ts";
import {
  deficitFromTilt,
  isReading,
  type Orientation,
  STEADY,
  Steadiness,
  tiltFrom,
  wholeDegrees,
} from "../progress/inclinometer.ts";
import type { ScreenProps } from "../progress/routes.tsx";
import { screenDay } from "../progress/words.ts";
import { sentenceFor } from "../sentence-for.ts";
import { localDay } from "../store/local-time.ts";

type Side = "left" | "right";
type Step =
  | { name: "intro" }
  | { name: "calibrate" }
  | { name: "measure"; calibration: Orientation }
  | { name: "captured"; deficit: number };

/** Flat enough to calibrate on the floor: within this many degrees of level. */
const FLAT_ENOUGH = 20;
/** The shin must be lifted at least this far before a reading can be captured. */
const LIFTED = 10;
/** Without a first reading after this long, the phone is taken to have no tilt sensor. */
const NO_SENSOR_MS = 3000;

interface OrientationPermission {
  requestPermission?: () => Promise<"granted" | "denied">;
}

/**
 * The active knee extension test (domain.md §6, NETO15): the phone on the shin as an
 * inclinometer, calibrated flat on the floor, capturing the angle once held still; or the
 * angle entered by hand.
 */
export function RangeTest({ log }: ScreenProps) {
  useTopOnShow();
  const { state, append } = log;
  const today = localDay(new Date());
  const [side, setSide] = useState<Side>("left");
  const [step, setStep] = useState<Step>({ name: "intro" });
  const [problem, setProblem] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const [manual, setManual] = useState("");
  const sides = rangeProgress(state, today).sides;

  const save = async (deficitDegrees: number, method: "inclinometer" | "manual") => {
    setProblem(undefined);
    const parsed = measurementData.safeParse({ test: "ake", side, deficitDegrees, method });
    if (!parsed.success) {
      setProblem("Enter the angle as a number of degrees from 0 to 90.");
      return false;
    }
    try {
      await append("measurement", parsed.data);
    } catch (error) {
      setProblem(`This was not saved: ${sentenceFor(error)}`);
      return false;
    }
    setSaved(
      `Saved: ${side === "left" ? "left" : "right"} knee ${deficitDegrees}° short of straight.`,
    );
    return true;
  };

  const start = async () => {
    setProblem(undefined);
    setSaved(undefined);
    if (typeof DeviceOrientationEvent === "undefined") {
      setProblem("This browser cannot read the phone's tilt. You can enter the angle by hand.");
      return;
    }
    // iOS asks for permission, and only from a tap.
    const ask = (DeviceOrientationEvent as unknown as OrientationPermission).requestPermission;
    if (typeof ask === "function") {
      try {
        if ((await ask.call(DeviceOrientationEvent)) !== "granted") {
          setProblem(
            "The phone did not allow Limber to read its tilt. You can allow motion access in its settings, or enter the angle by hand.",
          );
          return;
        }
      } catch (error) {
        setProblem(`The phone's tilt could not be read (${String(error)}).`);
        return;
      }
    }
    setStep({ name: "calibrate" });
  };

  return (
    <main>
      <h1>Range test</h1>
      <p>
        How far your knee straightens with the hip bent shows how much your hamstrings allow. Do it
        on the floor, both sides, about once every few weeks.
      </p>
      <Choice
        legend="Which leg?"
        options={[
          { value: "left", label: "Left" },
          { value: "right", label: "Right" },
        ]}
        value={side}
        onChange={(chosen) => {
          setSide(chosen);
          setSaved(undefined);
          if (step.name !== "intro") setStep({ name: "intro" });
        }}
      />

      {step.name === "intro" && (
        <section aria-labelledby="how-title">
          <h2 id="how-title">With your phone</h2>
          <ol>
            <li>Lay the phone flat on the floor to set level.</li>
            <li>
              Lie on your back. Bend your {side} hip to an upright thigh and hold it there with both
              hands behind the knee.
            </li>
            <li>
              Rest the phone on the front of your shin, screen up, its long edge along the shin.
            </li>
            <li>
              Slowly straighten the knee until you feel a firm stretch, not pain. Hold still while
              the phone reads the angle.
            </li>
          </ol>
          <button class="primary" type="button" onClick={start}>
            Start with the phone
          </button>
        </section>
      )}
      {(step.name === "calibrate" || step.name === "measure") && (
        <Inclinometer
          key={step.name}
          step={step}
          side={side}
          onCalibrated={(calibration) => setStep({ name: "measure", calibration })}
          onCaptured={(deficit) => setStep({ name: "captured", deficit })}
          onNoSensor={() => {
            setStep({ name: "intro" });
            setProblem(
              "This phone is not sending its tilt. You can enter the angle by hand below.",
            );
          }}
          onCancel={() => setStep({ name: "intro" })}
        />
      )}
      {step.name === "captured" && (
        <section aria-labelledby="captured-title">
          <h2 id="captured-title">Captured</h2>
          <p class="angle">{step.deficit}°</p>
          <p class="angle-caption">
            {side === "left" ? "Left" : "Right"} knee: {step.deficit}° short of straight.
          </p>
          <div class="row-actions">
            <button
              class="primary"
              type="button"
              onClick={async () => {
                if (await save(step.deficit, "inclinometer")) setStep({ name: "intro" });
              }}
            >
              Save this measurement
            </button>
            <button type="button" onClick={() => setStep({ name: "calibrate" })}>
              Measure again
            </button>
          </div>
        </section>
      )}

      {problem && (
        <p class="notice" role="alert">
          {problem}
        </p>
      )}
      <p role="status">{saved ?? ""}</p>

      <form
        onSubmit={async (event) => {
          event.preventDefault();
          const degrees = Number(manual.trim());
          if (manual.trim() === "" || !Number.isFinite(degrees)) {
            setProblem("Enter the angle as a number of degrees from 0 to 90.");
            return;
          }
          if (await save(wholeDegrees(degrees), "manual")) setManual("");
        }}
        aria-labelledby="manual-title"
        noValidate
      >
        <h2 id="manual-title">Or enter it by hand</h2>
        <p class="small">
          If someone measured the angle for you, with a goniometer or an angle app, enter how many
          degrees the {side} knee stayed short of straight.
        </p>
        <label for="manual-degrees">Degrees short of straight ({side})</label>
        <input
          id="manual-degrees"
          type="number"
          inputMode="numeric"
          min={0}
          max={90}
          step={1}
          value={manual}
          onInput={(e) => setManual(e.currentTarget.value)}
        />
        <div class="row-actions">
          <button type="submit">Save the angle</button>
        </div>
      </form>

      <h2>Your measurements</h2>
      <p class="small muted">
        A change under 8° is within measurement error; more than 20° short of straight counts as
        tight.
      </p>
      {sides.length === 0 ? (
        <p class="muted">None yet.</p>
      ) : (
        sides.map((s) => (
          <section key={s.side} aria-label={`${s.side === "left" ? "Left" : "Right"} knee`}>
            <h3>{s.side === "left" ? "Left" : "Right"} knee</h3>
            {s.change && <p>{s.change.text}</p>}
            <ul class="plain-list">
              {[...s.measurements].reverse().map((m, i) => (
                <li key={`${m.day}-${i}`}>
                  {Math.round(m.deficitDegrees)}° short of straight
                  <span class="entry-meta">
                    {screenDay(m.day)} · {m.method === "inclinometer" ? "phone" : "by hand"}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
      <SitAndReach log={log} />
      <p>
        <a href="#/progress">Back to Progress</a>
      </p>
    </main>
  );
}

/**
 * The optional sit-and-reach, entered by hand: weaker than the knee extension test (MAYORGA14),
 * so it sits below it, and its figures are shown without a verdict.
 */
function SitAndReach({ log }: ScreenProps) {
  const { state, append } = log;
  const [cm, setCm] = useState("");
  const [message, setMessage] = useState<{ text: string; problem: boolean }>();
  const entries = rangeProgress(state, localDay(new Date())).sitAndReach;
  return (
    <form
      aria-labelledby="reach-title"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const reach = Number(cm.trim());
        const parsed = measurementData.safeParse({ test: "sit-and-reach", cm: reach });
        if (cm.trim() === "" || !parsed.success) {
          setMessage({
            text: "Enter the reach in centimetres, from -50 (short of the toes) to 60.",
            problem: true,
          });
          return;
        }
        try {
          await append("measurement", parsed.data);
          setCm("");
          setMessage({ text: `Saved: a reach of ${reach} cm.`, problem: false });
        } catch (error) {
          const why = sentenceFor(error);
          setMessage({ text: `This was not saved: ${why}`, problem: true });
        }
      }}
    >
      <h2 id="reach-title">Sit-and-reach (optional)</h2>
      <p class="small">
        Sitting with legs straight, reach slowly toward your toes and measure from the toes: a
        positive number past them, a negative one short of them. It is a rougher measure than the
        knee test above, so Limber keeps the figures without judging their change.
      </p>
      <label for="reach-cm">Reach in centimetres</label>
      <input
        id="reach-cm"
        type="number"
        inputMode="decimal"
        min={-50}
        max={60}
        step={0.5}
        value={cm}
        onInput={(e) => setCm(e.currentTarget.value)}
      />
      <div class="row-actions">
        <button type="submit">Save the reach</button>
      </div>
      {message?.problem ? (
        <p class="notice" role="alert">
          {message.text}
        </p>
      ) : (
        <p role="status">{message?.text ?? ""}</p>
      )}
      {entries.length > 0 && (
        <ul class="plain-list">
          {[...entries].reverse().map((entry, i) => (
            <li key={`${entry.day}-${i}`}>
              {entry.cm} cm<span class="entry-meta">{screenDay(entry.day)}</span>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}

/** The live reading: calibrating on the floor, then measuring on the shin. */
function Inclinometer({
  step,
  side,
  onCalibrated,
  onCaptured,
  onNoSensor,
  onCancel,
}: {
  step: Extract<Step, { name: "calibrate" | "measure" }>;
  side: Side;
  onCalibrated: (calibration: Orientation) => void;
  onCaptured: (deficit: number) => void;
  onNoSensor: () => void;
  onCancel: () => void;
}) {
  const latest = useRef<Orientation>();
  const [shown, setShown] = useState<{ value?: number; hold: number; hint?: string }>({ hold: 0 });
  const calibration = step.name === "measure" ? step.calibration : undefined;
  // The latest callbacks, so a redraw of the screen never restarts the reading.
  const on = useRef({ onCalibrated, onCaptured, onNoSensor });
  on.current = { onCalibrated, onCaptured, onNoSensor };

  useEffect(() => {
    const started = performance.now();
    const still = new Steadiness(STEADY);
    let done = false;
    const read = (event: DeviceOrientationEvent) => {
      if (!isReading(event.beta, event.gamma)) return;
      const reading = { beta: event.beta as number, gamma: event.gamma as number };
      latest.current = reading;
      const value = calibration
        ? deficitFromTilt(tiltFrom(calibration, reading))
        : tiltFrom({ beta: 0, gamma: 0 }, reading);
      still.add(value, performance.now());
    };
    const tick = () => {
      if (done) return;
      const now = performance.now();
      const reading = latest.current;
      if (!reading) {
        if (now - started > NO_SENSOR_MS) {
          done = true;
          on.current.onNoSensor();
        }
        return;
      }
      if (!calibration) {
        const tilt = tiltFrom({ beta: 0, gamma: 0 }, reading);
        if (tilt > FLAT_ENOUGH) {
          still.reset();
          setShown({ value: tilt, hold: 0, hint: "Lay the phone flat on the floor." });
          return;
        }
        setShown({ value: tilt, hold: still.progress(now) });
        if (still.steadyValue(now) !== undefined) {
          done = true;
          on.current.onCalibrated(reading);
        }
        return;
      }
      const tilt = tiltFrom(calibration, reading);
      const deficit = deficitFromTilt(tilt);
      if (tilt < LIFTED) {
        still.reset();
        setShown({ value: deficit, hold: 0, hint: "Rest the phone on your shin and straighten." });
        return;
      }
      setShown({ value: deficit, hold: still.progress(now) });
      const steady = still.steadyValue(now);
      if (steady !== undefined) {
        done = true;
        on.current.onCaptured(wholeDegrees(steady));
      }
    };
    addEventListener("deviceorientation", read);
    const timer = setInterval(tick, 200);
    return () => {
      done = true;
      removeEventListener("deviceorientation", read);
      clearInterval(timer);
    };
  }, [calibration]);

  const measuring = step.name === "measure";
  return (
    <section aria-labelledby="live-title">
      <h2 id="live-title">{measuring ? `Measuring your ${side} knee` : "Setting level"}</h2>
      <p role="status">
        {measuring
          ? "Level is set. Now rest the phone on your shin, straighten the knee and hold still."
          : "Lay the phone flat on the floor and leave it still."}
      </p>
      <p class="angle" aria-hidden="true">
        {shown.value === undefined ? "–" : `${wholeDegrees(shown.value)}°`}
      </p>
      <p class="angle-caption muted">
        {shown.hint ?? (measuring ? "short of straight" : "from level")}
      </p>
      <label for="steady-progress" class="small">
        Holding still
      </label>
      <progress id="steady-progress" class="steady" max={1} value={shown.hold} />
      <div class="row-actions">
        <button type="button" onClick={onCancel}>
          Stop
        </button>
      </div>
    </section>
  );
}
