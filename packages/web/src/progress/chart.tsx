import { useEffect, useRef, useState } from "preact/hooks";
import { screenDay } from "../screen-day.ts";
import { sentenceFor } from "../sentence-for.ts";

export interface ChartSeries {
  label: string;
  /** One value per day of the chart; null where there is none. */
  values: (number | null)[];
}

/**
 * A small line chart with its meaning in words. The words come first and are what a screen
 * reader hears; the drawing (uPlot, loaded on first use) is hidden from it, and the figures
 * behind it are one tap away as a table.
 */
export function Chart({
  title,
  summary,
  days,
  series,
  yMin,
  yMax,
  yLabel,
  format = (value) => String(value),
}: {
  title: string;
  summary: string;
  days: string[];
  series: ChartSeries[];
  yMin: number;
  yMax: number;
  yLabel: string;
  format?: (value: number) => string;
}) {
  const target = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<string>();
  const key = JSON.stringify([days, series, yMin, yMax]);
  useEffect(() => {
    const element = target.current;
    if (!element) return;
    let remove: (() => void) | undefined;
    let live = true;
    import("./uplot-chart.ts")
      .then(({ drawChart }) => {
        if (live) remove = drawChart(element, { days, series, yMin, yMax, yLabel });
      })
      .catch((error: unknown) => setProblem(sentenceFor(error)));
    return () => {
      live = false;
      remove?.();
    };
    // The key holds every figure of the drawing, so it redraws only when they change.
  }, [key]);

  return (
    <figure class="chart">
      <figcaption>
        <h3>{title}</h3>
        <p class="chart-summary">{summary}</p>
      </figcaption>
      {series.length > 1 && (
        <p class="chart-key small" aria-hidden="true">
          {series.map((s, i) => (
            <span key={s.label} class={i === 0 ? "key-first" : "key-second"}>
              {s.label}
            </span>
          ))}
        </p>
      )}
      <div class="chart-canvas" ref={target} aria-hidden="true" />
      {problem && <p class="small muted">The drawing could not load ({problem}).</p>}
      <details class="chart-figures">
        <summary>The figures</summary>
        <table>
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              {series.map((s) => (
                <th scope="col" key={s.label}>
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((day, i) => (
              <tr key={day}>
                <th scope="row">{screenDay(day)}</th>
                {series.map((s) => {
                  const value = s.values[i];
                  return (
                    <td key={s.label}>
                      {value === null || value === undefined ? "–" : format(value)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
