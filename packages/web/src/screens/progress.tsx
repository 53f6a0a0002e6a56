import {
  addDays,
  contextCounts,
  easierAnswers,
  functionProgress,
  LIMITED_DEFICIT_DEGREES,
  painByWeek,
  painChange,
  rangeProgress,
} from "@limber/core";
import { useMemo } from "preact/hooks";
import { useTopOnShow } from "../components/top.ts";
import { Chart } from "../progress/chart.tsx";
import type { ScreenProps } from "../progress/routes.tsx";
import { screenDay } from "../progress/words.ts";
import { localDay } from "../store/local-time.ts";

const WEEKS = 8;
const oneDecimal = (value: number) => value.toFixed(1);

/**
 * Progress that means something (domain.md §6): what has become easier first, then pain, the
 * everyday activities and the knee test, each change called meaningful only past its threshold.
 */
export function Progress({ log }: ScreenProps) {
  useTopOnShow();
  const { state } = log;
  const today = localDay(new Date());
  const figures = useMemo(() => {
    const from = addDays(today, -(WEEKS * 7 - 1));
    return {
      easier: easierAnswers(state, 3),
      weeks: painByWeek(state, today, WEEKS),
      pain: painChange(state, today, WEEKS),
      func: functionProgress(state, today),
      range: rangeProgress(state, today),
      context: contextCounts(state, from, today),
    };
  }, [state, today]);
  const { easier, weeks, pain, func, range, context } = figures;
  const painWeeks = weeks.filter((w) => w.average !== undefined);
  const rangeDays = [
    ...new Set(range.sides.flatMap((s) => s.measurements.map((m) => m.day))),
  ].sort();

  return (
    <main>
      <h1>Progress</h1>

      <h2>What has become easier</h2>
      {easier.length > 0 ? (
        <ul class="plain-list">
          {easier.map((entry) => (
            <li key={entry.id}>
              {entry.text}
              <span class="entry-meta">{screenDay(entry.day)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">
          After a session you can say what felt easier. Those words will gather here.
        </p>
      )}
      <p>
        <a href="#/journal">Your journal</a>
      </p>

      <h2>Pain</h2>
      {painWeeks.length >= 2 ? (
        <Chart
          title={`Average pain each week, last ${WEEKS} weeks`}
          summary={pain?.text ?? "Not enough weeks with a pain rating to compare yet."}
          days={painWeeks.map((w) => w.weekStart)}
          series={[{ label: "Pain (0–10)", values: painWeeks.map((w) => w.average ?? null) }]}
          yMin={0}
          yMax={10}
          yLabel="Pain"
          format={oneDecimal}
        />
      ) : (
        <p class="muted">
          Rate your pain in the check-in on a few days in two different weeks, and the trend will
          show here. A change of 2 points or 30% is one that matters.
        </p>
      )}

      <h2>Everyday activities</h2>
      {func.goals.length === 0 ? (
        <p>
          Name up to three things your back makes hard, such as tying your shoes, and rate them each
          week. <a href="#/goals">Name your activities</a>
        </p>
      ) : (
        <>
          {func.scores.length >= 2 ? (
            <Chart
              title="How easy your activities are, 0 to 10"
              summary={func.change?.text ?? "Rated once so far."}
              days={func.scores.map((s) => s.day)}
              series={[{ label: "Average rating", values: func.scores.map((s) => s.average) }]}
              yMin={0}
              yMax={10}
              yLabel="Rating"
              format={oneDecimal}
            />
          ) : (
            <p class="muted">Rate your activities in two different weeks to see a trend.</p>
          )}
          <p>
            <a href="#/goals">
              {func.ratingDue ? "Rate your activities for this week" : "Your activities"}
            </a>
          </p>
        </>
      )}

      <h2>Knee straightening (hamstring range)</h2>
      {range.sides.length > 0 ? (
        <Chart
          title="Degrees short of a straight knee (lower is further)"
          summary={range.sides
            .map(
              (side) =>
                side.change?.text ??
                `${side.side === "left" ? "Left" : "Right"} knee measured once: ${Math.round(side.measurements[0]?.deficitDegrees ?? 0)}° short of straight.`,
            )
            .join(" ")}
          days={rangeDays}
          series={range.sides.map((side) => ({
            label: side.side === "left" ? "Left" : "Right",
            values: rangeDays.map(
              (day) => side.measurements.findLast((m) => m.day === day)?.deficitDegrees ?? null,
            ),
          }))}
          yMin={0}
          yMax={Math.max(
            60,
            ...range.sides.flatMap((s) => s.measurements.map((m) => m.deficitDegrees + 10)),
          )}
          yLabel="Degrees"
          format={(v) => `${Math.round(v)}°`}
        />
      ) : (
        <p class="muted">Measure how far each knee straightens to follow your range.</p>
      )}
      {range.sides.some((s) => s.limited) && (
        <p class="small">
          More than {LIMITED_DEFICIT_DEGREES}° short of straight counts as tight hamstrings. Tight
          hamstrings are one factor among many in back pain.
        </p>
      )}
      <p class="small muted">Changes under 8° are within measurement error.</p>
      <p>
        <a href="#/range-test">Measure your range</a>
      </p>

      <h2>Days that shared something</h2>
      {context.length > 0 ? (
        <>
          <p class="small muted">
            Counts of days from the last {WEEKS} weeks' check-ins. They show what happened together,
            not what caused what.
          </p>
          <ul class="plain-list">
            {context.map((row) => (
              <li key={`${row.factor}-${row.value}`}>{row.text}</li>
            ))}
          </ul>
        </>
      ) : (
        <p class="muted">
          Add sleep, stress or a desk day in the check-in's extra context to see these counts.
        </p>
      )}

      <h2>More</h2>
      <ul class="stack-links">
        <li>
          <a href="#/journal">Journal</a>
        </li>
        <li>
          <a href="#/goals">Everyday activities</a>
        </li>
        <li>
          <a href="#/range-test">Range test</a>
        </li>
        <li>
          <a href="#/report">Summary for a clinician</a>
        </li>
      </ul>
    </main>
  );
}
