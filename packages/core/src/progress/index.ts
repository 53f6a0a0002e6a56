/** Progress that means something (domain.md §6–7): statements of change, calendar, journal, report. */

export {
  type ExerciseAdherence,
  type Override,
  type ProgrammeAdherence,
  programmeAdherence,
} from "./adherence.ts";
export { type CalendarDay, type CalendarWeek, practiceCalendar } from "./calendar.ts";
export {
  type ChangeStatement,
  functionStatement,
  type Measure,
  painChangeIsMeaningful,
  painStatement,
  rangeStatement,
  WITHIN_MEASUREMENT_ERROR,
  WITHIN_VARIATION,
} from "./change.ts";
export { type ContextCount, contextCounts } from "./context.ts";
export {
  activeGoals,
  canAddGoal,
  type FunctionProgress,
  functionProgress,
  type GoalProgress,
  MAX_GOALS,
  RATING_INTERVAL_DAYS,
} from "./function.ts";
export {
  EASIER_PREFIX,
  EASIER_QUESTION,
  easierAnswers,
  easierNote,
  type JournalEntry,
  journal,
} from "./journal.ts";
export { painByWeek, painChange, type WeekPain } from "./pain.ts";
export {
  LIMITED_DEFICIT_DEGREES,
  type RangeProgress,
  type RangeSide,
  rangeProgress,
} from "./range.ts";
export {
  type ClinicianReport,
  clinicianReport,
  REPORT_NAME_MAX,
  REPORT_WEEKS,
  type ReportOptions,
  type ReportWeeks,
  reportName,
  reportStart,
} from "./report.ts";
