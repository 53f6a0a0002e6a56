import {
  LESSONS,
  type Lesson,
  lessonForRule,
  RULES,
  type RuleId,
  SOURCE_LABELS,
} from "@limber/core";
import { useTopOnShow } from "../components/top.ts";

/** Which lesson the address asks for: `#/learn?lesson=id`, or the lesson behind `?rule=R-…`. */
function requestedLesson(): Lesson | undefined {
  const query = new URLSearchParams(location.hash.split("?")[1] ?? "");
  const id = query.get("lesson");
  if (id) return LESSONS.find((lesson) => lesson.id === id);
  const rule = query.get("rule");
  return rule && Object.hasOwn(RULES, rule) ? lessonForRule(rule as RuleId) : undefined;
}

/** Learn: short lessons in Limber's own words, each with the rules it explains and its sources. */
export function Learn() {
  const lesson = requestedLesson();
  useTopOnShow(lesson?.id);
  return lesson ? <LessonView lesson={lesson} /> : <LessonIndex />;
}

function LessonIndex() {
  return (
    <main>
      <h1>Learn</h1>
      <p>Why each part of the practice is there, and what the evidence does and does not say.</p>
      <p class="card">
        <a href="#/how-to">How to do each exercise</a>: every exercise Limber may plan, in pictures
        and a few short steps.
      </p>
      <ol class="blocks">
        {LESSONS.map((lesson) => (
          <li class="card" key={lesson.id}>
            <h2 style={{ margin: 0, fontSize: "1.1rem" }}>
              <a href={`#/learn?lesson=${lesson.id}`}>{lesson.title}</a>
            </h2>
            <p class="muted">{lesson.summary}</p>
          </li>
        ))}
      </ol>
    </main>
  );
}

function LessonView({ lesson }: { lesson: Lesson }) {
  return (
    <main>
      <p>
        <a href="#/learn">All lessons</a>
      </p>
      <h1>{lesson.title}</h1>
      <p class="muted">{lesson.summary}</p>
      {lesson.screens.map((screen) => (
        <section key={screen.heading} class="card">
          <h2>{screen.heading}</h2>
          {screen.paragraphs.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </section>
      ))}
      <h2>The rules this explains</h2>
      <ul>
        {lesson.rules.map((rule) => (
          <li key={rule}>{RULES[rule].text}</li>
        ))}
      </ul>
      <h2>Sources</h2>
      <ul>
        {lesson.sources.map((id) => (
          <li key={id}>
            <a href={`#/sources?id=${id}`}>{SOURCE_LABELS[id]}</a>
          </li>
        ))}
      </ul>
    </main>
  );
}
