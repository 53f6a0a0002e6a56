/** Limber's coach: pure, deterministic, and the same in the browser, the server and the CLI. */
export * from "./api/contract.ts";
export * from "./catalog/index.ts";
export { type DayLabelForm, dayLabel } from "./day-label.ts";
export { addDays, daysBetween, weekdayOf, weekStartOf } from "./days.ts";
export { dayPain, dayPains } from "./events/day-pain.ts";
export { compareEvents, eventsInForce, type LogPosition } from "./events/in-force.ts";
export type { CoachMemory } from "./events/memory.ts";
export { EventParseError, type ParseResult, parseEvent, parseLog } from "./events/parse.ts";
export { periodStart } from "./events/period-start.ts";
export {
  CHECKPOINT_DAYS,
  coversDay,
  type DaySeen,
  keepRecent,
  PLAN_LOOKBACK_DAYS,
  project,
  type ReadModel,
  type ReadOptions,
  readLog,
  resumeLog,
} from "./events/read-model.ts";
export * from "./events/schema.ts";
export {
  notYetSet,
  type SettingName,
  type SettingSource,
  settingSources,
} from "./events/settings-source.ts";
export {
  type Dated,
  DEFAULT_WEEKLY_DAYS,
  type LimberState,
  type Settings,
} from "./events/state.ts";
export { type CsvFile, csvExport, csvField, parseCsv } from "./export/csv.ts";
export * from "./history.ts";
export { LESSONS, type Lesson, type LessonScreen, lessonForRule } from "./learn/lessons.ts";
export { minutesText, wholeMinutes } from "./minutes.ts";
export { pastDay } from "./past-day.ts";
export {
  GENTLE_HOLD_SECONDS,
  HOLD_CEILING_NOT_CALM,
  STRETCH_CEILING_PER_LEG,
} from "./planner/adjust.ts";
export { HIGH_PAIN, painNeedsConfirming } from "./planner/day.ts";
export { deskSnack } from "./planner/desk-snack.ts";
export { blockSeconds, PAUSES, stretchSecondsPerLeg, withinCeilings } from "./planner/dose.ts";
export { clockTime, doseRangeText, doseText } from "./planner/dose-text.ts";
export { type Level, stepIndexOf } from "./planner/levels.ts";
export { nerveEasedBlock, softenedBlock } from "./planner/live.ts";
export * from "./planner/plan.ts";
export { chooseStep } from "./planner/progression.ts";
export * from "./programme/index.ts";
export * from "./progress/index.ts";
export { type ReminderOptions, reminderCalendar } from "./reminders/ics.ts";
export {
  isTimeZone,
  practisedOn,
  REMINDER_LATE_MINUTES,
  reminderDueDay,
  reminderText,
  wallClock,
} from "./reminders/schedule.ts";
export {
  type ReportBlock,
  type ReportChartWeek,
  type ReportDocument,
  reportDocument,
} from "./report/document.ts";
export { type Reason, RULES, type RuleId, reason } from "./rules.ts";
export { SOURCE_USES, SOURCES } from "./source-citations.ts";
export { isSourceId, SOURCE_IDS, SOURCE_LABELS, type SourceId } from "./sources.ts";
export { applicableSigns, type SignLine, type SignQuestion, signQuestion } from "./triage/ask.ts";
export * from "./triage/emergency-number.ts";
export { type Findings, findingsOf } from "./triage/findings.ts";
export * from "./triage/signs.ts";
export * from "./triage/triage.ts";
export * from "./week.ts";
export { WEEKDAY_NAMES, WEEKDAYS, type Weekday } from "./weekdays.ts";
