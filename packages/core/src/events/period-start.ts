import type { ReadModel } from "./read-model.ts";

/**
 * The later of `from` and the day the person started (their first entry): a period a screen or
 * a summary shows begins there, with no empty weeks before the person began.
 */
export function periodStart(model: ReadModel, from: string): string {
  const started = model.first?.day;
  return started !== undefined && started > from ? started : from;
}
