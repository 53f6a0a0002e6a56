import { parseArgs } from "node:util";
import { sql } from "kysely";
import { strictly } from "./args.ts";
import { CliInputError } from "./cli-input-error.ts";
import type { Command } from "./command.ts";
import type { DataIo } from "./data-io.ts";
import { refuseExisting, sizeText, writeNewFile } from "./new-file.ts";
import { runPgDump } from "./pg-dump.ts";
import { serverConfig, withServerData } from "./server-data.ts";

const help = `Usage: limber backup --out FILE

Copies the whole database (every account and every event) into FILE, which must
not exist yet. The server can keep running: the copy is consistent, as of one moment.
The file appears only once it is complete; until then it is written beside it under a
temporary name.

  SQLite       FILE is a SQLite database; limber restore FILE puts it back.
  PostgreSQL   FILE is a pg_dump archive (custom format); it needs pg_dump installed,
               the same major version as the server or newer, and pg_restore to put it
               back (limber restore prints the command).

Options:
  -o, --out FILE     where to write the backup
  -h, --help         show this help
`;

const FLAGS = {
  out: { type: "string", short: "o" },
  help: { type: "boolean", short: "h", default: false },
} as const;

/** `limber backup`, with the database settings of `data`. */
export function backupCommand(data: DataIo): Command {
  return {
    name: "backup",
    help,
    async run(args, io) {
      const { values } = strictly("backup", () => parseArgs({ args: [...args], options: FLAGS }));
      if (values.help) {
        io.stdout(help);
        return 0;
      }
      const out = values.out;
      if (out === undefined) {
        throw new CliInputError("usage", "backup needs --out FILE; see limber backup --help");
      }
      const config = serverConfig(data.env);
      refuseExisting(out);
      const { databaseUrl } = config;
      const bytes = await withServerData(config, (_, database) =>
        writeNewFile(out, async (partial) => {
          if (databaseUrl !== undefined) await runPgDump(databaseUrl, partial, data.env);
          // VACUUM INTO reads one snapshot, so writes the server makes meanwhile cannot tear it.
          else await sql`vacuum into ${partial}`.execute(database.db);
        }),
      );
      io.stdout(`Backed up to ${out} (${sizeText(bytes)})\n`);
      return 0;
    },
  };
}
