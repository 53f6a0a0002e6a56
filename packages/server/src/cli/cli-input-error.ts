/**
 * Input the CLI cannot work with: a bad flag, an unreadable or invalid log, a day with no
 * check-in. `main` turns it into one line on stderr and exit status 2; anything else that is
 * thrown is a bug in Limber and exits 1.
 */
export class CliInputError extends Error {
  constructor(
    readonly code:
      | "usage"
      | "unreadable-log"
      | "invalid-log"
      | "no-check-in"
      | "config"
      | "not-built",
    message: string,
  ) {
    super(message);
    this.name = "CliInputError";
  }
}

/** A message folded onto one line: what the CLI prints is always a single line per error. */
export const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, " ").trim();
