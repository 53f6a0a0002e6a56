import { askPassword } from "./password-input.ts";

/**
 * What the commands on the server's data (accounts, backups, exports) need from the outside
 * world besides CliIo, so tests can run them on a temporary folder with a fixed clock.
 */
export interface DataIo {
  /** The settings, read as the server reads them (LIMBER_DATA_DIR, LIMBER_DATABASE_URL, …). */
  env: NodeJS.ProcessEnv;
  now(): Date;
  /** A password typed without echo, or piped on stdin; undefined when none comes. */
  askPassword(prompt: string): Promise<string | undefined>;
}

/** The real process: its environment, the clock, and its stdin (prompts on stderr). */
export const processDataIo: DataIo = {
  env: process.env,
  now: () => new Date(),
  askPassword: (prompt) => askPassword(process.stdin, process.stderr, prompt),
};
