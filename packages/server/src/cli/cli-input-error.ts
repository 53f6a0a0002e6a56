/**
 * Input the CLI cannot work with: a bad flag, an unreadable or invalid log, a day with no
 * check-in, an account or file that is not there (or is there already), a database it cannot
 * open. `main` turns it into one line on stderr and exit status 2; anything else that is
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
      | "not-built"
      | "storage"
      | "no-account"
      | "account-exists"
      | "invalid-email"
      | "no-password"
      | "weak-password"
      | "not-confirmed"
      | "file-exists"
      | "unwritable"
      | "not-a-backup"
      | "database-in-use"
      | "missing-tool"
      | "backup-failed"
      | "postgres-restore",
    message: string,
  ) {
    super(message);
    this.name = "CliInputError";
  }
}

/** A message folded onto one line: what the CLI prints is always a single line per error. */
export const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, " ").trim();
