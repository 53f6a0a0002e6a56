import { PassThrough } from "node:stream";
import { stripVTControlCharacters } from "node:util";
import { describe, expect, it } from "vitest";
import { CliInputError } from "./cli-input-error.ts";
import { askPassword } from "./password-input.ts";

/** A terminal (or a pipe) standing in for stdin, and what the person sees on stderr. */
function console(tty: boolean) {
  const input = Object.assign(new PassThrough(), { isTTY: tty });
  const output = new PassThrough();
  let shown = "";
  output.setEncoding("utf8").on("data", (text: string) => {
    shown += text;
  });
  const tick = () => new Promise((resolve) => setImmediate(resolve));
  return {
    input,
    output,
    shown: () => shown,
    /** Types keys once the prompt is waiting for them, as a person would. */
    async type(...keys: string[]) {
      for (const key of keys) {
        await tick();
        input.write(key);
      }
    },
  };
}

describe("a password typed at a terminal", () => {
  it("is asked for twice, and never shown", async () => {
    const terminal = console(true);
    const answer = askPassword(terminal.input, terminal.output, "Password for ana@example.org: ");
    await terminal.type("calm back\r", "calm back\r");
    expect(await answer).toBe("calm back");
    // readline draws its prompt with cursor moves; what is left is all that was shown.
    expect(stripVTControlCharacters(terminal.shown())).toBe(
      "Password for ana@example.org: \nThe same password again: \n",
    );
  });

  it("is refused when the two differ", async () => {
    const terminal = console(true);
    const answer = askPassword(terminal.input, terminal.output, "Password: ");
    await terminal.type("calm back\r", "clam back\r");
    await expect(answer).rejects.toThrowError(
      new CliInputError("no-password", "the two passwords typed differ; nothing was changed"),
    );
  });

  it.each([
    ["Ctrl-C", "\x03"],
    ["Ctrl-D", "\x04"],
    ["nothing but Enter", "\r"],
  ])("is not given after %s", async (_, key) => {
    const terminal = console(true);
    const answer = askPassword(terminal.input, terminal.output, "Password: ");
    await terminal.type(key);
    expect(await answer).toBeUndefined();
  });
});

describe("a password piped on stdin", () => {
  it.each([
    ["a line", "calm back\nsomething else\n", "calm back"],
    ["a Windows line", "calm back\r\n", "calm back"],
    ["no line ending", "calm back", "calm back"],
    ["spaces kept", " calm back \n", " calm back "],
    ["nothing", "", undefined],
    ["an empty line", "\n", undefined],
  ])("reads the first line: %s", async (_, piped, expected) => {
    const pipe = console(false);
    const answer = askPassword(pipe.input, pipe.output, "Password: ");
    pipe.input.end(piped);
    expect(await answer).toBe(expected);
    expect(pipe.shown()).toBe("");
  });
});
