import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { CliInputError } from "./cli-input-error.ts";

/** Where a password comes from: the process's stdin, or a stream standing in for it in tests. */
export type PasswordInput = NodeJS.ReadableStream & { isTTY?: boolean };

/**
 * A new password, typed at a terminal without echo (twice, since a typo cannot be seen), or
 * the first line piped on stdin. Undefined when none comes: stdin ends first, or Ctrl-C or
 * Ctrl-D at the prompt. Prompts go to `output` (stderr), keeping stdout for results.
 */
export async function askPassword(
  input: PasswordInput,
  output: NodeJS.WritableStream,
  prompt: string,
): Promise<string | undefined> {
  if (!input.isTTY) return firstLine(input);
  const terminal = hiddenTerminal(input, output);
  try {
    const first = await terminal.ask(prompt);
    if (!first) return undefined;
    const again = await terminal.ask("The same password again: ");
    if (again === undefined) return undefined;
    if (again !== first) {
      throw new CliInputError("no-password", "the two passwords typed differ; nothing was changed");
    }
    return first;
  } finally {
    terminal.close();
  }
}

/** A readline that shows its prompts but not what is typed after them. */
function hiddenTerminal(input: PasswordInput, output: NodeJS.WritableStream) {
  let muted = false;
  // readline echoes each keystroke (and redraws the line) through its output; the prompt is
  // written before `muted` is set, everything after it is dropped.
  const sink = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) output.write(chunk);
      done();
    },
  });
  const readline = createInterface({ input, output: sink, terminal: true });
  let closed = false;
  readline.once("close", () => {
    closed = true;
  });
  // Without a listener, Ctrl-C would only pause the prompt and leave the command waiting.
  readline.on("SIGINT", () => readline.close());
  return {
    ask(prompt: string): Promise<string | undefined> {
      if (closed) return Promise.resolve(undefined);
      return new Promise((resolve) => {
        const onClose = () => {
          output.write("\n");
          resolve(undefined);
        };
        readline.once("close", onClose);
        muted = false;
        readline.question(prompt, (answer) => {
          readline.off("close", onClose);
          output.write("\n");
          resolve(answer);
        });
        muted = true;
      });
    },
    close: () => readline.close(),
  };
}

/** The first line of a piped stream, without its line ending; undefined if it ends first. */
function firstLine(input: PasswordInput): Promise<string | undefined> {
  return new Promise((resolve) => {
    const lines = createInterface({ input, terminal: false });
    let answer: string | undefined;
    lines.once("line", (line) => {
      answer = line;
      lines.close();
    });
    lines.once("close", () => resolve(answer || undefined));
  });
}
