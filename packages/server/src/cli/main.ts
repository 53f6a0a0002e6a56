import { readFileSync } from "node:fs";
import { backupCommand } from "./backup-command.ts";
import { catalogCommand } from "./catalog-command.ts";
import { CliInputError, oneLine } from "./cli-input-error.ts";
import type { Command } from "./command.ts";
import { type DataIo, processDataIo } from "./data-io.ts";
import { exportCommand } from "./export-command.ts";
import { type CliIo, processIo } from "./io.ts";
import { planCommand } from "./plan-command.ts";
import { reportCommand } from "./report-command.ts";
import { restoreCommand } from "./restore-command.ts";
import { serveCommand } from "./serve-command.ts";
import { triageCommand } from "./triage-command.ts";
import { userCommand } from "./user-command.ts";

type Commands = Record<string, Command>;

/** Every command by name, in the order `limber --help` lists them. */
function commandsWith(data: DataIo): Commands {
  return {
    plan: planCommand,
    report: reportCommand(data),
    triage: triageCommand,
    catalog: catalogCommand,
    serve: serveCommand,
    user: userCommand(data),
    backup: backupCommand(data),
    restore: restoreCommand(data),
    export: exportCommand(data),
  };
}

/**
 * Runs `limber` with the arguments after the program name and resolves to the exit status:
 * 0 done, 2 input Limber cannot use (one line on stderr, naming what was wrong), 1 a bug.
 * This is the one place where errors become what the person sees.
 */
export async function main(
  argv: readonly string[],
  io: CliIo = processIo,
  data: DataIo = processDataIo,
): Promise<number> {
  try {
    return await dispatch(argv, io, commandsWith(data));
  } catch (error) {
    if (error instanceof CliInputError) {
      io.stderr(`limber: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`limber: internal error, please report it: ${oneLine(message)}\n`);
    return 1;
  }
}

async function dispatch(argv: readonly string[], io: CliIo, commands: Commands): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    throw new CliInputError("usage", "no command given; see limber --help");
  }
  if (first === "help" || first === "--help" || first === "-h") {
    io.stdout(helpFor(commands, rest[0]));
    return 0;
  }
  if (first === "--version" || first === "-V") {
    io.stdout(`limber ${serverVersion()}\n`);
    return 0;
  }
  const command = commands[first];
  if (!command) {
    const what = first.startsWith("-") ? "unknown option" : "unknown command";
    throw new CliInputError("usage", `${what} ${JSON.stringify(first)}; see limber --help`);
  }
  return command.run(rest, io);
}

function helpFor(commands: Commands, topic: string | undefined): string {
  if (topic === undefined) return overview(commands);
  const command = commands[topic];
  if (!command) {
    throw new CliInputError("usage", `no help on ${JSON.stringify(topic)}; see limber --help`);
  }
  return command.help;
}

function overview(commands: Commands): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length)) + 2;
  const list = Object.values(commands).map(
    (command) => `  ${command.name.padEnd(width)}${command.summary}`,
  );
  return `limber ${serverVersion()}: a gentle hamstring-mobility coach for low back tension.

Usage: limber <command> [options]

Commands:
${list.join("\n")}

  limber <command> --help    options of one command
  limber --version           the version of this tool

A log is a file of Limber events: a JSON array, or NDJSON (one event per line).
Try: limber plan --log examples/three-weeks.ndjson

user, backup, restore, export and report --user work on the server's database, found
the way limber serve finds it: LIMBER_DATA_DIR (default ./data) or LIMBER_DATABASE_URL.
`;
}

/** The version of @limber/server, which ships this tool. */
function serverVersion(): string {
  const manifest: unknown = JSON.parse(
    readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
  );
  const version = (manifest as { version?: unknown }).version;
  return typeof version === "string" ? version : "unknown";
}
