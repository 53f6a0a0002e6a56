import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { strictly } from "./args.ts";
import { CliInputError } from "./cli-input-error.ts";
import { type Command, jsonText } from "./command.ts";
import type { DataIo } from "./data-io.ts";
import { refuseExisting, sizeText, writeNewFile } from "./new-file.ts";
import {
  accountByEmail,
  counted,
  readableEvents,
  serverConfig,
  withServerData,
} from "./server-data.ts";

const help = `Usage: limber export --user EMAIL [--out FILE]

Prints everything one person has recorded, as JSON: { "exportedAt", "events" }, the
same file the app's "Export my data" gives them, which the app can import again.

Options:
  -u, --user EMAIL   whose events to export
  -o, --out FILE     write to FILE, which must not exist yet, instead of stdout
  -h, --help         show this help
`;

const FLAGS = {
  user: { type: "string", short: "u" },
  out: { type: "string", short: "o" },
  help: { type: "boolean", short: "h", default: false },
} as const;

/** `limber export`, with the database settings and clock of `data`. */
export function exportCommand(data: DataIo): Command {
  return {
    name: "export",
    help,
    async run(args, io) {
      const { values } = strictly("export", () => parseArgs({ args: [...args], options: FLAGS }));
      if (values.help) {
        io.stdout(help);
        return 0;
      }
      const { user: email, out } = values;
      if (email === undefined) {
        throw new CliInputError("usage", "export needs --user EMAIL; see limber export --help");
      }
      const config = serverConfig(data.env);
      if (out !== undefined) refuseExisting(out);
      const { address, events } = await withServerData(config, async (repository) => {
        const user = await accountByEmail(repository, email);
        return { address: user.email, events: await readableEvents(repository, user, io) };
      });
      // The shape of GET /api/v1/export, so one file works with both.
      const text = jsonText({ exportedAt: data.now().toISOString(), events });
      if (out === undefined) {
        io.stdout(text);
        return 0;
      }
      const bytes = await writeNewFile(out, (partial) => writeFile(partial, text, { flag: "wx" }));
      io.stdout(
        `Exported ${counted(events.length, "event")} of ${address} to ${out} (${sizeText(bytes)})\n`,
      );
      return 0;
    },
  };
}
