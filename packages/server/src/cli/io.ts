import { readFile } from "node:fs/promises";

/** Everything the CLI does to the outside world, so tests can run it in memory. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<string>;
}

/** The real process: its standard streams and the disk. */
export const processIo: CliIo = {
  stdout: (text) => {
    process.stdout.write(text);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
  readFile: (path) => readFile(path, "utf8"),
};
