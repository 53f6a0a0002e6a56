import { readFileSync } from "node:fs";
import { CliInputError, oneLine } from "./cli-input-error.ts";
import type { Command } from "./command.ts";
import { type DataIo, processDataIo } from "./data-io.ts";
import { type CliIo, processIo } from "./io.ts";

/**
 * One command in `limber --help`, loaded only when it runs: `limber plan` never loads the
 * server, the database drivers or the PDF writer, which take most of a start-up.
 */
interface CommandEntry {
  name: string;
  /** One line for the list of commands in `limber --help`. */
  summary: string;
  load(data: DataIo): Promise<Command>;
}

/** Every command, in the order `limber --help` lists them. */
const COMMANDS: readonly CommandEntry[] = [
  {
    name: "plan",
    summary: "one day's session, with the reason for every choice",
    load: async () => (await import("./plan-command.ts")).planCommand,
  },
  {
    name: "report",
    summary: "a progress report for a clinician, as text or PDF",
    load: async (data) => (await import("./report-command.ts")).reportCommand(data),
  },
  {
    name: "triage",
    summary: "how carefully Limber may coach on one day, and why",
    load: async () => (await import("./triage-command.ts")).triageCommand,
  },
  {
    name: "catalog",
    summary: "every exercise and variant, with attributes and dose ranges",
    load: async () => (await import("./catalog-command.ts")).catalogCommand,
  },
  {
    name: "serve",
    summary: "serve the web app and its API on http://127.0.0.1:8787",
    load: async () => (await import("./serve-command.ts")).serveCommand,
  },
  {
    name: "user",
    summary: "add, list or delete accounts, or reset a password",
    load: async (data) => (await import("./user-command.ts")).userCommand(data),
  },
  {
    name: "backup",
    summary: "a consistent copy of the whole database, while the server runs",
    load: async (data) => (await import("./backup-command.ts")).backupCommand(data),
  },
  {
    name: "restore",
    summary: "put a backup back in place of the database (server stopped)",
    load: async (data) => (await import("./restore-command.ts")).restoreCommand(data),
  },
  {
    name: "export",
    summary: "one person's events as JSON, as the app exports them",
    load: async (data) => (await import("./export-command.ts")).exportCommand(data),
  },
];

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
    return await dispatch(argv, io, data);
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

async function dispatch(argv: readonly string[], io: CliIo, data: DataIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    throw new CliInputError("usage", "no command given; see limber --help");
  }
  if (first === "help" || first === "--help" || first === "-h") {
    io.stdout(await helpFor(rest[0], data));
    return 0;
  }
  if (first === "--version" || first === "-V") {
    io.stdout(`limber ${serverVersion()}\n`);
    return 0;
  }
  const entry = commandNamed(first);
  if (!entry) {
    const what = first.startsWith("-") ? "unknown option" : "unknown command";
    throw new CliInputError("usage", `${what} ${JSON.stringify(first)}; see limber --help`);
  }
  const command = await entry.load(data);
  return command.run(rest, io);
}

const commandNamed = (name: string) => COMMANDS.find((entry) => entry.name === name);

async function helpFor(topic: string | undefined, data: DataIo): Promise<string> {
  if (topic === undefined) return overview();
  const entry = commandNamed(topic);
  if (!entry) {
    throw new CliInputError("usage", `no help on ${JSON.stringify(topic)}; see limber --help`);
  }
  return (await entry.load(data)).help;
}

function overview(): string {
  const width = Math.max(...COMMANDS.map(({ name }) => name.length)) + 2;
  const list = COMMANDS.map(({ name, summary }) => `  ${name.padEnd(width)}${summary}`);
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
