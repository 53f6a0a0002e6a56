import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ConfigError, readConfig } from "../serve/config.ts";
import { createStaticServer } from "../serve/static-server.ts";
import { readPlainOptions } from "./args.ts";
import { CliInputError } from "./cli-input-error.ts";
import type { Command } from "./command.ts";

const help = `Usage: limber serve

Serves the Limber web app, built by \`npm run build\`, until stopped with Ctrl-C.

Environment:
  LIMBER_HOST    the address to listen on (default 127.0.0.1)
  LIMBER_PORT    the port (default 8787)
`;

/** Where `npm run build -w @limber/web` puts the app. */
export const WEB_DIST = fileURLToPath(new URL("../../../web/dist", import.meta.url));

export const serveCommand: Command = {
  name: "serve",
  summary: "serve the web app on http://127.0.0.1:8787",
  help,
  async run(args, io) {
    if (readPlainOptions("serve", args).help) {
      io.stdout(help);
      return 0;
    }
    let config: ReturnType<typeof readConfig>;
    try {
      config = readConfig();
    } catch (error) {
      if (error instanceof ConfigError) throw new CliInputError("config", error.message);
      throw error;
    }
    if (!existsSync(`${WEB_DIST}/index.html`)) {
      throw new CliInputError(
        "not-built",
        "the web app is not built yet; run npm start (or npm run build) first",
      );
    }
    const server = createStaticServer(WEB_DIST);
    await new Promise<void>((resolve, reject) => {
      server.once("error", (error: NodeJS.ErrnoException) =>
        reject(
          error.code === "EADDRINUSE"
            ? new CliInputError(
                "config",
                `port ${config.port} is already in use; set LIMBER_PORT to another`,
              )
            : error,
        ),
      );
      server.listen(config.port, config.host, resolve);
    });
    const shown = config.host.includes(":") ? `[${config.host}]` : config.host;
    io.stdout(`Limber is running at http://${shown}:${config.port}\n`);
    await new Promise<void>((resolve) => {
      const stop = () => server.close(() => resolve());
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    return 0;
  },
};
