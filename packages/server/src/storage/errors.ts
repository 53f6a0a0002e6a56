/**
 * Why storage refused or failed, each with a machine-readable `code`. The HTTP layer turns these
 * into problem responses in one place; the server's start-up turns the configuration and
 * migration ones into a single line and a non-zero exit.
 */
export abstract class StorageError extends Error {
  abstract readonly code: string;
}

/** The database setting cannot be used (a bad URL, an unknown scheme). */
export class StorageConfigError extends StorageError {
  readonly code = "storage-config";
  override name = "StorageConfigError";
}

/** The database was configured well but could not be reached. */
export class StorageUnavailableError extends StorageError {
  readonly code = "storage-unavailable";
  override name = "StorageUnavailableError";
}

/** A migration failed or the applied migrations do not match this Limber's. */
export class MigrationError extends StorageError {
  readonly code = "migration-failed";
  override name = "MigrationError";
  constructor(
    message: string,
    /** The migration that failed or is out of place, when one is to blame. */
    readonly migration?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Another account already uses this email address (compared case-insensitively). */
export class EmailTakenError extends StorageError {
  readonly code = "email-taken";
  override name = "EmailTakenError";
  constructor() {
    super("An account with this email address already exists.");
  }
}

/**
 * An import carries an event whose id is already taken by different content. The log is a
 * grow-only set keyed by id, so the import is refused rather than either copy being dropped.
 */
export class EventConflictError extends StorageError {
  readonly code = "event-conflict";
  override name = "EventConflictError";
  constructor(
    readonly eventId: string,
    /** 1-based position of the event in the import. */
    readonly position: number,
  ) {
    super(`event ${position}: id ${eventId} is already used by an event with different content`);
  }
}

/** A stored event no longer passes validation: the database was changed outside Limber. */
export class StoredEventError extends StorageError {
  readonly code = "stored-event-unreadable";
  override name = "StoredEventError";
}

/**
 * A sync's cursor is not one this server can continue from: beyond the person's last seq (the
 * database was restored from a backup older than what the device saw), or carried into a sign-in
 * that has never synced. The device sends its whole log again and pulls from 0.
 */
export class CursorAheadError extends StorageError {
  readonly code = "cursor-ahead";
  override name = "CursorAheadError";
}

/** A push or import would take the account past the most events one account may hold. */
export class QuotaExceededError extends StorageError {
  readonly code = "quota-exceeded";
  override name = "QuotaExceededError";
  constructor(readonly limit: number) {
    super(`the log would hold more than ${limit} events`);
  }
}

/** SQLite's own check finds the database file damaged; it is refused rather than used. */
export class DamagedDatabaseError extends StorageError {
  readonly code = "database-damaged";
  override name = "DamagedDatabaseError";
}

/**
 * Whether a driver error says the disk (or the database's space) is full: SQLite's SQLITE_FULL,
 * PostgreSQL's disk_full (53100). Nothing was written; the write can be tried again later.
 */
export function isStorageFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "SQLITE_FULL" || code === "53100";
}
