import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ConfigError, readConfig, type ServerConfig } from "../serve/config.ts";
import { startServer } from "../serve/start.ts";
import { MigrationError, StorageError } from "../storage/errors.ts";
import { readPlainOptions } from "./args.ts";
import { CliInputError } from "./cli-input-error.ts";
import type { Command } from "./command.ts";

const help = `Usage: limber serve

Serves the Limber web app and its API (accounts and sync) until stopped with Ctrl-C.
Data is kept in SQLite under LIMBER_DATA_DIR, or in PostgreSQL when
LIMBER_DATABASE_URL is set. Migrations run at start-up.

Environment:
  LIMBER_HOST           the address to listen on (default 127.0.0.1)
  LIMBER_PORT           the port (default 8787)
  LIMBER_DATA_DIR       where SQLite keeps its file (default ./data)
  LIMBER_DATABASE_URL   postgres://user@host/db to use PostgreSQL instead
  LIMBER_TRUST_PROXY    behind a reverse proxy that terminates TLS: how many proxies
                        (1 for one), or their addresses; never true
  LIMBER_PUBLIC_ORIGIN  the address people open, such as https://limber.example.org
  LIMBER_ALLOWED_HOSTS  the host names to answer to (default: localhost, the listen
                        address and the public origin's host)
  LIMBER_SIGNUPS        closed to make accounts only with \`limber user add\` (default open)
  LIMBER_MAX_EVENTS_PER_ACCOUNT
                        the most entries one account may hold (default 100000)
  LIMBER_PUSH_CONTACT   mailto: or https: contact given to push services with reminders
                        (default: the https public origin, else mailto:limber@localhost)
  LIMBER_LOG            off to silence the request log (it never holds passwords,
                        tokens or event contents)

At start-up SQLite's quick check runs on the database; a damaged file is refused.
Reminders by Web Push are signed with the keys in LIMBER_DATA_DIR/vapid-keys.json,
made on the first start: keep it with your backups.
`;

/** Where `npm run build -w @limber/web` puts the app. */
export const WEB_DIST = fileURLToPath(new URL("../../../web/dist", import.meta.url));

export const serveCommand: Command = {
  name: "serve",
  help,
  async run(args, io) {
    if (readPlainOptions("serve", args).help) {
      io.stdout(help);
      return 0;
    }
    const config = configOrExplain();
    const built = existsSync(`${WEB_DIST}/index.html`);
    if (!built)
      io.stderr("limber: the web app is not built (npm run build), so only the API is served\n");
    let server: Awaited<ReturnType<typeof startServer>>;
    try {
      server = await startServer(config, {
        ...(built ? { webDist: WEB_DIST } : {}),
        logger: process.env.LIMBER_LOG !== "off",
      });
    } catch (error) {
      throw explainStartFailure(error, config);
    }
    const where = server.dialect === "sqlite" ? `SQLite in ${config.dataDir}` : "PostgreSQL";
    io.stdout(`Limber is running at ${server.address} (data: ${where})\n`);
    await new Promise<void>((resolve) => {
      const stop = () => void server.close().then(resolve);
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    return 0;
  },
};

function configOrExplain(): ServerConfig {
  try {
    return readConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new CliInputError("config", error.message);
    throw error;
  }
}

/** A start-up failure as one sentence a person can act on. */
function explainStartFailure(error: unknown, config: ServerConfig): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EADDRINUSE") {
    return new CliInputError(
      "config",
      `port ${config.port} is already in use; set LIMBER_PORT to another`,
    );
  }
  if (code === "EACCES") {
    return new CliInputError(
      "config",
      `cannot listen on ${config.host}:${config.port} (permission denied)`,
    );
  }
  if (error instanceof MigrationError || error instanceof StorageError) {
    return new CliInputError("config", error.message);
  }
  return error;
}
