import { describe, expect, it } from "vitest";
import { exampleLog, limber, type Run } from "./cli-testing.ts";
import type { CliIo } from "./io.ts";
import { main } from "./main.ts";

const good = exampleLog("three-weeks.ndjson");
const goodText = good["examples/three-weeks.ndjson"] ?? "";
const goodLines = goodText.trim().split("\n");
const checkIn = goodLines.find((line) => line.includes('"type":"checkin"')) ?? "";
const withLine3 = (line: string) => [goodLines[0], goodLines[1], line].join("\n");

/** Bad input gets one line on stderr, starting "limber: ", exit 2, and no stack trace. */
function expectOneLineRefusal(run: Run, message: string | RegExp): void {
  expect(run.status).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr.endsWith("\n")).toBe(true);
  expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stderr.startsWith("limber: ")).toBe(true);
  if (typeof message === "string") expect(run.stderr).toBe(`limber: ${message}\n`);
  else expect(run.stderr).toMatch(message);
}

describe("a log Limber cannot read", () => {
  it.each<[string, Record<string, string>, string | RegExp]>([
    ["a missing file", {}, "cannot read log.ndjson: no such file"],
    [
      "a line that is not JSON",
      { "log.ndjson": withLine3('{"id": "01", oops') },
      "log.ndjson line 3: not valid JSON",
    ],
    [
      "an event failing its schema, naming the line and the field",
      { "log.ndjson": withLine3(checkIn.replace(/"back":"\w+"/, '"back":"sore"')) },
      'log.ndjson line 3: data.back: Invalid option: expected one of "calm"|"okay"|"grumpy"',
    ],
    [
      "an unknown event type",
      { "log.ndjson": withLine3(checkIn.replace('"type":"checkin"', '"type":"stretch"')) },
      /^limber: log\.ndjson line 3: type: unknown event type "stretch"; expected one of checkin, /,
    ],
    [
      "a JSON array that does not parse",
      { "log.ndjson": `[${goodLines[0]},` },
      /^limber: log\.ndjson: the log is not valid JSON \(.+\)\n$/,
    ],
    [
      "a JSON array with a bad event, naming its position",
      { "log.ndjson": `[${goodLines[0]}, {"type": "note", "v": 1}]` },
      /^limber: log\.ndjson event 2: id: /,
    ],
    [
      "an empty log",
      { "log.ndjson": "\n" },
      "log.ndjson holds no check-in, so there is no day to read",
    ],
  ])("%s", async (_, files, message) => {
    expectOneLineRefusal(await limber(["plan", "--log", "log.ndjson"], files), message);
  });

  it("refuses a day with no check-in, on plan and on triage", async () => {
    for (const command of ["plan", "triage"]) {
      const argv = [command, "--log", "examples/three-weeks.ndjson", "--date", "2026-11-09"];
      expectOneLineRefusal(
        await limber(argv, good),
        "examples/three-weeks.ndjson has no check-in on 2026-11-09",
      );
    }
  });

  it("reads a log that starts with a byte-order mark", async () => {
    const run = await limber(["plan", "--log", "bom.ndjson"], {
      "bom.ndjson": `\uFEFF${goodText}`,
    });
    expect(run.status).toBe(0);
  });
});

describe("a command line Limber cannot use", () => {
  const log = ["--log", "examples/three-weeks.ndjson"];
  it.each<[string[], string]>([
    [[], "no command given; see limber --help"],
    [["stretch"], 'unknown command "stretch"; see limber --help'],
    [["--verbose"], 'unknown option "--verbose"; see limber --help'],
    [["plan"], "plan needs --log FILE; see limber plan --help"],
    [["plan", ...log, "--colour"], "plan: unknown option '--colour'; see limber plan --help"],
    [["catalog", "--log", "x"], "catalog: unknown option '--log'; see limber catalog --help"],
    [["plan", ...log, "today"], "plan: unexpected argument 'today'; see limber plan --help"],
    [
      ["triage", "--log"],
      "triage: option '-l, --log <value>' argument missing; see limber triage --help",
    ],
    [
      ["plan", ...log, "--date", "25/11/2026"],
      '--date "25/11/2026" is not a calendar day; use YYYY-MM-DD, such as 2026-11-25',
    ],
    [
      ["plan", ...log, "--date", "2026-02-30"],
      '--date "2026-02-30" is not a calendar day; use YYYY-MM-DD, such as 2026-11-25',
    ],
    [["help", "stretch"], 'no help on "stretch"; see limber --help'],
  ])("limber %j", async (argv, message) => {
    expectOneLineRefusal(await limber(argv, good), message);
  });
});

describe("a bug inside Limber", () => {
  it("exits 1 with a short message and no stack trace", async () => {
    let stderr = "";
    const io: CliIo = {
      stdout: () => {
        throw new Error("the terminal went away\n    at somewhere (file.ts:1:1)");
      },
      stderr: (text) => {
        stderr += text;
      },
      readFile: async () => goodText,
    };
    expect(await main(["catalog"], io)).toBe(1);
    expect(stderr).toBe(
      "limber: internal error, please report it: the terminal went away at somewhere (file.ts:1:1)\n",
    );
  });
});
