import type { CliIo } from "./io.ts";

/** One `limber <name>` command: its help text and what it does. Resolves to the exit status. */
export interface Command {
  name: string;
  /** The full text of `limber <name> --help`. */
  help: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** Pretty-printed JSON with a final newline, the one way every command prints JSON. */
export const jsonText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
