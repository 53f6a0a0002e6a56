import { describeEmergencyNumber, emergencyNumberFor } from "@limber/core";
import { useMemo } from "preact/hooks";
import { regions } from "../regions.ts";
import { Choice } from "./choice.tsx";

/** Region picker: it sets the emergency number shown on an emergency day (R-EMERGENCY-NUMBER). */
export function RegionField({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (code: string) => void;
}) {
  const list = useMemo(() => regions(), []);
  const number = emergencyNumberFor(value);
  return (
    <div>
      <label for="region">Where you live</label>
      <select id="region" value={value ?? ""} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">Choose your country or region</option>
        {list.map((r) => (
          <option key={r.code} value={r.code}>
            {r.name}
          </option>
        ))}
      </select>
      <p class="small muted">
        In an emergency Limber will show: {describeEmergencyNumber(number)}
        {number.generic ? ". Please check the number where you live." : "."}
      </p>
    </div>
  );
}

/** The daily anchor (R-ANCHOR): practice tied to something that already happens every day. */
export function AnchorField({
  value,
  onChange,
}: {
  value: string;
  onChange: (anchor: string) => void;
}) {
  const ideas = [
    "after my morning coffee",
    "while the kettle boils",
    "after I brush my teeth",
    "when I get home",
  ];
  return (
    <div>
      <label for="anchor">When will you practise?</label>
      <input
        id="anchor"
        type="text"
        maxLength={120}
        list="anchor-ideas"
        value={value}
        onInput={(e) => onChange(e.currentTarget.value)}
        placeholder="after my morning coffee"
      />
      <datalist id="anchor-ideas">
        {ideas.map((idea) => (
          <option key={idea} value={idea} />
        ))}
      </datalist>
      <p class="small muted">
        Tying practice to something you already do each day makes it easier to keep.
      </p>
    </div>
  );
}

/** Practice days a week (R-CONSISTENCY): a weekly goal, never a streak. */
export function WeeklyDaysField({
  value,
  onChange,
}: {
  value: number;
  onChange: (days: number) => void;
}) {
  return (
    <div>
      <Choice
        legend="Practice days a week"
        options={[1, 2, 3, 4, 5, 6, 7].map((n) => ({ value: n, label: String(n) }))}
        value={value}
        onChange={onChange}
        compact
      />
      <p class="small muted">
        A missed day is just a day. The goal is a number of days, not a streak.
      </p>
    </div>
  );
}
