/** Test helpers: run `limber` in memory, against files given as text. Not used by the CLI. */
import { readFileSync } from "node:fs";
import type { CliIo } from "./io.ts";
import { main } from "./main.ts";

export interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `limber …argv` with `files` as the only readable files, keyed by path. */
export async function limber(argv: string[], files: Record<string, string> = {}): Promise<Run> {
  const run = { stdout: "", stderr: "" };
  const io: CliIo = {
    stdout: (text) => {
      run.stdout += text;
    },
    stderr: (text) => {
      run.stderr += text;
    },
    readFile: async (path) => {
      const text = files[path];
      if (text !== undefined) return text;
      // The shape node's fs gives a missing file, so the CLI's handling is the real one.
      throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), {
        code: "ENOENT",
      });
    },
  };
  const status = await main(argv, io);
  return { status, ...run };
}

/** The repository's root folder, where `examples/` lives. */
export const REPO_ROOT = new URL("../../../../", import.meta.url);

/** An example log's text, keyed by its path from the repository root, ready for `limber`. */
export function exampleLog(name: string): Record<string, string> {
  const path = `examples/${name}`;
  return { [path]: readFileSync(new URL(path, REPO_ROOT), "utf8") };
}
