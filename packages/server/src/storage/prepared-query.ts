import type { Compilable, CompiledQuery, Kysely } from "kysely";
import type { Schema } from "./schema.ts";

/** Where a query runs: the database, or a transaction on it. */
export type QueryTarget = Pick<Kysely<Schema>, "executeQuery">;

/** Stands for a value given at each run; never a value a caller could pass. */
const placeholderFor = (name: string) => `\u0000limber:${name}\u0000`;

/**
 * A query built and compiled once, then run with new values. Kysely builds and compiles every
 * query anew, which on the sync path's small queries costs more than SQLite takes to run them
 * (docs/benchmarks.md). `build` makes the query with `value(name)` wherever a value of the
 * arguments goes; each run puts the arguments in those places, in the order the dialect's
 * compiler put them. A value `build` asked for that the compiled query does not hold (a
 * builder that copied it into the SQL text) is a bug here, and throws at once.
 */
export function preparedQuery<Args extends Record<string, unknown>, Row>(
  build: (value: (name: keyof Args & string) => never) => Compilable<Row>,
): (target: QueryTarget, args: Args) => Promise<Row[]> {
  const used = new Set<string>();
  const compiled = build((name) => {
    used.add(name);
    // Typed as never so that it fits any column; it only ever reaches the compiler.
    return placeholderFor(name) as never;
  }).compile();
  // For each of the compiled query's values, the argument that goes there (or none: a constant).
  const names = compiled.parameters.map((parameter) =>
    [...used].find((name) => placeholderFor(name) === parameter),
  );
  const lost = [...used].filter((name) => !names.includes(name));
  if (lost.length > 0) throw new Error(`prepared query: ${lost.join(", ")} not among its values`);
  return async (target, args) => {
    const parameters = names.map((name, at) =>
      name === undefined ? compiled.parameters[at] : args[name],
    );
    const query: CompiledQuery<Row> = { ...compiled, parameters };
    return (await target.executeQuery(query)).rows;
  };
}
