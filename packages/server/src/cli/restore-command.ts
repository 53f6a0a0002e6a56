import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { SQLITE_FILE_NAME } from "../storage/database.ts";
import { strictly } from "./args.ts";
import { CliInputError } from "./cli-input-error.ts";
import type { Command } from "./command.ts";
import type { DataIo } from "./data-io.ts";
import { counted, serverConfig } from "./server-data.ts";
import { claimDatabase, inspectBackup, installDatabase, liveContents } from "./sqlite-backup.ts";

const help = `Usage: limber restore FILE --yes

Puts back a SQLite backup made by limber backup: every account and every event in
the data folder (LIMBER_DATA_DIR) is replaced by the backup's.

Stop the server first. Limber refuses while the database is open elsewhere, but a
server started during the restore would keep working on the old copy.

Restore checks that FILE is a Limber database it can use, then says what it would
replace; run it again with --yes to replace it. The new file is put in place in one
step, so a failure part-way leaves the old database as it was.

It ends every session in the backup: everyone signs in again, and each device then
sends its whole log again, so what a device recorded after the backup comes back.

With PostgreSQL (LIMBER_DATABASE_URL set) it prints the commands to run instead.

Options:
  -y, --yes          replace the database
  -h, --help         show this help
`;

const FLAGS = {
  yes: { type: "boolean", short: "y", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

/** `limber restore`, with the database settings of `data`. */
export function restoreCommand(data: DataIo): Command {
  return {
    name: "restore",
    help,
    async run(args, io) {
      const { values, positionals } = strictly("restore", () =>
        parseArgs({ args: [...args], options: FLAGS, allowPositionals: true }),
      );
      if (values.help) {
        io.stdout(help);
        return 0;
      }
      const [file, extra] = positionals;
      if (extra !== undefined) {
        throw new CliInputError(
          "usage",
          `restore: unexpected argument '${extra}'; see limber restore --help`,
        );
      }
      if (file === undefined) {
        throw new CliInputError("usage", "restore needs FILE; see limber restore --help");
      }
      const config = serverConfig(data.env);
      if (config.databaseUrl !== undefined) {
        throw new CliInputError(
          "postgres-restore",
          `restore puts back SQLite backups only; with PostgreSQL, stop the server and run: pg_restore --clean --if-exists --no-owner --dbname="$LIMBER_DATABASE_URL" ${shellWord(file)} && psql "$LIMBER_DATABASE_URL" -c 'delete from auth_sessions' (which ends every session, so that each device sends its whole log again)`,
        );
      }
      const target = join(config.dataDir, SQLITE_FILE_NAME);
      if (resolve(file) === resolve(target)) {
        throw new CliInputError("usage", `${file} is the database itself; restore a backup of it`);
      }
      const restored = inspectBackup(file);
      if (!values.yes) {
        const current = liveContents(target);
        throw new CliInputError(
          "not-confirmed",
          current
            ? `restoring replaces everything in ${target} (${current}) with ${file} (${restored}); stop the server, then add --yes`
            : `restoring makes ${file} (${restored}) the database at ${target}, where there is none yet; add --yes`,
        );
      }
      claimDatabase(target);
      const ended = await installDatabase(file, target);
      const signedOut =
        ended === 0
          ? "No one was signed in."
          : `Ended ${counted(ended, "session")}: everyone signs in again, and each device then sends its whole log again.`;
      io.stdout(
        `Restored ${file} to ${target}: ${restored}. ${signedOut} Start the server again.\n`,
      );
      return 0;
    },
  };
}

/** A path as one word for a POSIX shell: as it is when that is safe, else single-quoted. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}
