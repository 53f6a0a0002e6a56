import { useId } from "preact/hooks";

/**
 * Large one-tap choices: native radio buttons, so arrow keys, forms and screen readers treat
 * them as one group, drawn as buttons a thumb can hit from the floor.
 */
export function Choice<T extends string | number>({
  legend,
  options,
  value,
  onChange,
  stack = false,
  compact = false,
}: {
  legend: string;
  options: readonly { value: T; label: string }[];
  value: T | undefined;
  onChange: (value: T) => void;
  stack?: boolean;
  /** Narrow options in one row, such as a 0–10 scale. */
  compact?: boolean;
}) {
  const name = useId();
  const layout = stack ? "choices stack" : compact ? "choices compact" : "choices";
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div class={layout}>
        {options.map((option) => (
          <label class="choice" key={option.value}>
            <input
              type="radio"
              name={name}
              value={String(option.value)}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
