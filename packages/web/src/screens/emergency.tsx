import { describeEmergencyNumber, type Plan } from "@limber/core";
import { useEffect, useRef } from "preact/hooks";

/**
 * R-TRIAGE-A: the whole screen says to seek emergency care now, with the region's number as a
 * large call button, and nothing else competing. "I understand" only returns to a quiet page.
 */
export function EmergencyScreen({ plan, onUnderstood }: { plan: Plan; onUnderstood: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const emergency = plan.emergencyNumber;
  const why = plan.reasons.find((r) => r.rule === "R-TRIAGE-A");
  return (
    <main class="emergency" aria-labelledby="emergency-title">
      <h1 id="emergency-title" tabIndex={-1} ref={heading}>
        Seek emergency care now
      </h1>
      {why && <p>{why.text}</p>}
      {emergency && (
        <a class="call" href={`tel:${emergency.number}`}>
          {emergency.generic ? `Call ${emergency.number}` : describeEmergencyNumber(emergency)}
        </a>
      )}
      {emergency?.generic && (
        <p>If 112 does not work where you are, call your local emergency number.</p>
      )}
      <p>Or go to the nearest emergency department. There is no practice today.</p>
      <button type="button" onClick={onUnderstood}>
        I understand
      </button>
    </main>
  );
}

/** After "I understand": the day stays closed to practice, and the advice is one tap away. */
export function EmergencyDay({ onReread }: { onReread: () => void }) {
  return (
    <main>
      <h1>No practice today</h1>
      <p>
        You reported a sign that needs urgent care. Please seek emergency care if you have not
        already. When you next open Limber, it will ask first whether a clinician has seen you about
        it; practice waits until one says you can move.
      </p>
      <button class="primary" type="button" onClick={onReread}>
        Read the emergency advice again
      </button>
    </main>
  );
}
