#!/usr/bin/env node
// `limber`: runs the CLI compiled to JavaScript (scripts/build-cli.mjs), built by `npm ci` and
// built again here first whenever a source file changed since.
import { currentCli } from "../scripts/build-cli.mjs";

let entry;
try {
  entry = await currentCli();
} catch (error) {
  const why = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `limber: cannot build the command-line tool: ${why.replace(/\s*\n\s*/g, " ")}\n`,
  );
  process.exit(1);
}
const { main } = await import(entry);
process.exitCode = await main(process.argv.slice(2));
