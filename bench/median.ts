/** The middle of a set of measurements (the upper middle of an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("a median needs at least one value");
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
}
