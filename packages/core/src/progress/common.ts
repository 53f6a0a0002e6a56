import { addDays, weekStartOf } from "../days.ts";

export { weekStartOf };

import type { CheckIn } from "../events/schema.ts";
import type { Dated, LimberState } from "../events/state.ts";

/** Every day from `from` to `to`, both included; empty when `to` comes first. */
export function daysFrom(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

export const mean = (values: readonly number[]): number | undefined =>
  values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0) / values.length;

/** A figure as shown: one decimal place. */
export const oneDecimal = (value: number): string => value.toFixed(1);

/** Rounds to tenths, so a statement's figures and its verdict agree exactly. */
export const toTenths = (value: number): number => Math.round(value * 10);

/** Each day's check-in still in force: the latest of the day, keyed by day. */
export function checkInsByDay(
  state: LimberState,
  from: string,
  to: string,
): Map<string, Dated<CheckIn>> {
  const byDay = new Map<string, Dated<CheckIn>>();
  for (const checkIn of state.checkIns) {
    if (checkIn.day >= from && checkIn.day <= to) byDay.set(checkIn.day, checkIn);
  }
  return byDay;
}

export const plural = (count: number, word: string, many = `${word}s`): string =>
  `${count} ${count === 1 ? word : many}`;
