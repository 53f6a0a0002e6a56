import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { screenDay } from "../screen-day.ts";
import type { ChartSeries } from "./chart.tsx";

/** The colours of the page's own palette, read from its CSS variables (light or dark). */
function palette(element: HTMLElement) {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    ink: read("--ink", "#1c2321"),
    muted: read("--muted", "#4a5552"),
    line: read("--line", "#d9d3c9"),
    accent: read("--accent", "#2b6e61"),
    second: read("--caution", "#7a4e00"),
  };
}

const DAY_SECONDS = 86_400;

/** A calendar day as the x value: whole days since 1970 (a local day has no time zone). */
export const dayNumber = (day: string): number =>
  Date.parse(`${day}T00:00:00Z`) / 1000 / DAY_SECONDS;
/** The calendar day of an x value. */
const dayOfNumber = (value: number): string =>
  new Date(Math.round(value) * DAY_SECONDS * 1000).toISOString().slice(0, 10);

/**
 * Draws a small line chart into `target` with uPlot, in the page's colours; redraws when the
 * container's width or the colour scheme changes. Returns a function that removes it.
 */
export function drawChart(
  target: HTMLElement,
  options: { days: string[]; series: ChartSeries[]; yMin: number; yMax: number; yLabel: string },
): () => void {
  const x = options.days.map(dayNumber);
  const data = [x, ...options.series.map((s) => s.values)] as uPlot.AlignedData;
  let chart: uPlot | undefined;

  const make = () => {
    chart?.destroy();
    const colours = palette(target);
    const font = `14px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;
    const axis = {
      stroke: colours.ink,
      font,
      labelFont: font,
      grid: { stroke: colours.line, width: 1 },
      ticks: { stroke: colours.line, width: 1 },
    };
    const first = x[0] ?? 0;
    const last = x.at(-1) ?? first;
    chart = new uPlot(
      {
        width: Math.max(240, target.clientWidth),
        height: 190,
        legend: { show: false },
        cursor: { show: false },
        select: { show: false, left: 0, top: 0, width: 0, height: 0 },
        scales: {
          x: { time: false, range: [first - 1, last + 1] },
          y: { range: [options.yMin, options.yMax] },
        },
        axes: [
          {
            ...axis,
            incrs: [1, 7, 14, 28, 56, 84],
            values: (_u, splits) => splits.map((s) => screenDay(dayOfNumber(s))),
          },
          { ...axis, label: options.yLabel, size: 40 },
        ],
        series: [
          {},
          ...options.series.map((s, i) => ({
            label: s.label,
            stroke: i === 0 ? colours.accent : colours.second,
            width: 2.5,
            dash: i === 0 ? undefined : [6, 4],
            spanGaps: true,
            points: {
              show: true,
              size: 8,
              stroke: i === 0 ? colours.accent : colours.second,
              fill: i === 0 ? colours.accent : colours.second,
            },
          })),
        ],
      },
      data,
      target,
    );
  };

  make();
  let width = target.clientWidth;
  const resize = new ResizeObserver(() => {
    if (target.clientWidth !== width && chart) {
      width = target.clientWidth;
      chart.setSize({ width: Math.max(240, width), height: 190 });
    }
  });
  resize.observe(target);
  const scheme = matchMedia("(prefers-color-scheme: dark)");
  scheme.addEventListener("change", make);
  return () => {
    resize.disconnect();
    scheme.removeEventListener("change", make);
    chart?.destroy();
  };
}
