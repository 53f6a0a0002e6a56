import type { LimberEvent } from "@limber/core";
import { normaliseEmail } from "../auth/emails.ts";
import { ConfigError, readConfig, type ServerConfig } from "../serve/config.ts";
import { type Database, openDatabase } from "../storage/database.ts";
import { StorageError } from "../storage/errors.ts";
import { migrateToLatest } from "../storage/migrate.ts";
import { createRepository, type Repository, type User } from "../storage/repository.ts";
import { CliInputError, oneLine } from "./cli-input-error.ts";
import type { CliIo } from "./io.ts";

/** The server's settings from `env`, read by the server's own reader; a bad one is bad input. */
export function serverConfig(env: NodeJS.ProcessEnv): ServerConfig {
  try {
    return readConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliInputError("config", oneLine(error.message));
    throw error;
  }
}

/**
 * Opens the database the server would use, brings it up to date as the server does at start,
 * hands it to `work` and closes it again, whatever happens. A database that cannot be reached,
 * migrated or read is reported in one line, like any other input the CLI cannot use.
 */
export async function withServerData<T>(
  config: ServerConfig,
  work: (repository: Repository, database: Database) => Promise<T>,
): Promise<T> {
  const database = await storageStep(() =>
    openDatabase({ url: config.databaseUrl, dataDir: config.dataDir }),
  );
  try {
    await storageStep(() => migrateToLatest(database));
    return await storageStep(() => work(createRepository(database), database));
  } finally {
    await database.close();
  }
}

async function storageStep<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof StorageError) throw new CliInputError("storage", oneLine(error.message));
    throw error;
  }
}

/** The account with this email (in any letter case), or a refusal naming the email. */
export async function accountByEmail(repository: Repository, email: string): Promise<User> {
  const address = normaliseEmail(email);
  const user = address === undefined ? undefined : await repository.userByEmail(address);
  if (!user) {
    throw new CliInputError(
      "no-account",
      `no account has the email ${JSON.stringify(email)}; see limber user list`,
    );
  }
  return user;
}

/** "1 event", "412 events". */
export const counted = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? "" : "s"}`;

/**
 * Every readable event of an account; each stored event that no longer reads (the database was
 * damaged or changed outside Limber) is left out with one line on stderr naming it.
 */
export function readableEvents(
  repository: Repository,
  user: User,
  io: Pick<CliIo, "stderr">,
): Promise<LimberEvent[]> {
  return repository.exportEvents(user.id, ({ id, seq, error }) => {
    io.stderr(
      `limber: left out event ${id} (seq ${seq}) of ${user.email}: ${oneLine(error.message)}\n`,
    );
  });
}
