import { Choice } from "./choice.tsx";

const SCALE = Array.from({ length: 11 }, (_, n) => ({ value: n, label: String(n) }));

/** The 0–10 numeric pain rating, as eleven one-tap choices. */
export function PainScale({
  legend,
  value,
  onChange,
}: {
  legend: string;
  value: number | undefined;
  onChange: (pain: number) => void;
}) {
  return <Choice legend={legend} options={SCALE} value={value} onChange={onChange} compact />;
}
