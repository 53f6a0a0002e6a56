import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  clinicianReport,
  type LimberEvent,
  parseLog,
  type ReportWeeks,
  readLog,
} from "@limber/core";
import { reportText } from "@limber/core/report";
import { extractText, getDocumentProxy } from "unpdf";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { note } from "../storage/testing/events.ts";
import { exampleLog, limber } from "./cli-testing.ts";
import { refusal, useDataFolder } from "./data-testing.ts";

const LOG = "examples/three-weeks.ndjson";
const files = exampleLog("three-weeks.ndjson");
const events = parseLog(files[LOG] as string);
const lastDay = events
  .map((e) => e.day)
  .sort()
  .at(-1) as string;

let dir: string;
/** The report of the log as it stood at the end of `today`. */
const report = (today: string, weeks: ReportWeeks, includeNotes = false) =>
  clinicianReport(readLog(events.filter((event) => event.day <= today)), today, weeks, {
    includeNotes,
  });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "limber-report-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("limber report --log", () => {
  it("prints the report as text, ending on the log's latest day by default", async () => {
    const run = await limber(["report", "--log", LOG], files);
    expect(run).toMatchObject({ status: 0, stderr: "" });
    const expected = report(lastDay, 8);
    expect(run.stdout).toBe(reportText(expected));
    // The log begins on Thursday 5 Nov: the summary starts there, not 8 weeks back.
    expect(run.stdout).toContain("5 Nov 2026 to 25 Nov 2026 (4 weeks, from the first entry)");
    expect(run.stdout).toContain(`${expected.practiceDays} practice days in 4 weeks`);
    expect(run.stdout).not.toContain("\nNotes\n");
  });

  it("takes --weeks, --today and --notes", async () => {
    const run = await limber(
      ["report", "-l", LOG, "--weeks", "4", "--today", "2026-11-20", "--notes"],
      files,
    );
    expect(run.status).toBe(0);
    const expected = report("2026-11-20", 4, true);
    expect(run.stdout).toBe(reportText(expected));
    expect(run.stdout).toContain("5 Nov 2026 to 20 Nov 2026 (3 weeks, from the first entry)");
    expect(run.stdout).toContain("\nNotes\n");
  });

  it("prints the person's notes with every terminal control character taken out", async () => {
    const trap = "clear\u001b[2J\u001b]0;owned\u0007 me\rhidden\u009b31m red \u202eevil";
    const withNote = [
      ...events,
      { ...note(1, trap), at: `${lastDay}T20:00:00Z`, day: lastDay },
    ] as LimberEvent[];
    const log = "trap.ndjson";
    const text = withNote.map((e) => JSON.stringify(e)).join("\n");
    for (const out of [undefined, join(dir, "report.txt")]) {
      const run = await limber(
        ["report", "--log", log, "--notes", ...(out ? ["--out", out] : [])],
        { [log]: text },
      );
      expect(run.status).toBe(0);
      const printed = out ? readFileSync(out, "utf8") : run.stdout;
      expect(printed).toContain("clear[2J]0;owned me");
      expect(printed).toContain("hidden31m red evil");
      expect(printed.replaceAll("\n", "")).not.toMatch(/[\p{Cc}\u202E]/u);
    }
  });

  it("writes a PDF to a new file when --out ends in .pdf", async () => {
    const out = join(dir, "report.pdf");
    const run = await limber(["report", "--log", LOG, "--out", out], files);
    expect(run.stderr).toBe("");
    const expected = report(lastDay, 8);
    expect(expected.from).toBe("2026-11-05");
    expect(run.stdout).toMatch(
      new RegExp(
        `^Wrote the 4-week report \\(5 Nov 2026 to 25 Nov 2026\\) to ${out} \\([\\d.]+ kB\\)\\n$`,
      ),
    );
    const bytes = new Uint8Array(readFileSync(out));
    const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
    expect(text.replace(/\s+/g, " ")).toContain(
      `${expected.practiceDays} practice days in 4 weeks`,
    );
    expect(readdirSync(dir)).toEqual(["report.pdf"]);
  });

  it("writes text to any other name, or with --format text", async () => {
    const out = join(dir, "report.txt");
    const run = await limber(["report", "--log", LOG, "--out", out, "--format", "text"], files);
    expect(run.status).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(reportText(report(lastDay, 8)));
  });

  it.each<[string[], string]>([
    [["report"], "report needs --log FILE or --user EMAIL; see limber report --help"],
    [
      ["report", "--log", LOG, "--user", "a@example.org"],
      "report reads --log FILE or --user EMAIL, not both",
    ],
    [["report", "--log", LOG, "--weeks", "6"], '--weeks "6" is not 4, 8 or 12'],
    [["report", "--log", LOG, "--weeks", "8.0"], '--weeks "8.0" is not 4, 8 or 12'],
    [
      ["report", "--log", LOG, "--today", "2026-02-30"],
      '--today "2026-02-30" is not a calendar day; use YYYY-MM-DD, such as 2026-11-25',
    ],
    [
      ["report", "--log", LOG, "--today", "9999-12-31"],
      '--today "9999-12-31" is outside the years a log may hold, 1900 to 2999',
    ],
    [["report", "--log", LOG, "--format", "pdf"], "a PDF report needs --out FILE.pdf"],
    [["report", "--log", LOG, "--format", "html"], '--format "html" is not text or pdf'],
    [
      ["report", "--log", LOG, "--name", "a".repeat(81)],
      "--name needs a name of 1 to 80 characters",
    ],
    [
      ["report", "--log", LOG, "--json"],
      "report: unknown option '--json'; see limber report --help",
    ],
    [["report", "--log", "missing.ndjson"], "cannot read missing.ndjson: no such file"],
    [
      ["report", "--log", "empty.ndjson"],
      "empty.ndjson holds no events, so there is nothing to report",
    ],
  ])("refuses %j in one line", async (argv, message) => {
    const run = await limber(argv, { ...files, "empty.ndjson": "" });
    expect(refusal(run)).toBe(message);
  });

  it("writes nothing when the answer is no", async () => {
    const pdf = join(dir, "report.pdf");
    expect(
      refusal(await limber(["report", "--log", LOG, "--out", pdf, "--format", "text"], files)),
    ).toBe(`--format text would write plain text into ${pdf}; choose a name not ending in .pdf`);
    expect(refusal(await limber(["report", "--log", "missing.ndjson", "--out", pdf], files))).toBe(
      "cannot read missing.ndjson: no such file",
    );
    expect(readdirSync(dir)).toEqual([]);
    writeFileSync(pdf, "keep me");
    expect(refusal(await limber(["report", "--log", LOG, "--out", pdf], files))).toBe(
      `${pdf} already exists; choose another name, or move the old file away first`,
    );
    expect(readFileSync(pdf, "utf8")).toBe("keep me");
    expect(readdirSync(dir)).toEqual(["report.pdf"]);
  });

  it("has its own help", async () => {
    const run = await limber(["report", "--help"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: limber report /);
    expect(run.stdout).toContain("Default: the day of the log's");
  });
});

describe("limber report --user", () => {
  const folder = useDataFolder();

  it("reports on one account's log on this server", async () => {
    const user = await folder.addPerson("ana@example.org");
    await folder.withRepository((repository) => repository.pushEvents(user.id, events, new Date()));
    const run = await folder.limber(["report", "--user", "Ana@example.org", "--weeks", "4"]);
    expect(run).toMatchObject({ status: 0, stderr: "" });
    expect(run.stdout).toBe(reportText(report(lastDay, 4)));
  });

  it("refuses an unknown account and an empty log", async () => {
    expect(refusal(await folder.limber(["report", "--user", "nobody@example.org"]))).toBe(
      'no account has the email "nobody@example.org"; see limber user list',
    );
    await folder.addPerson("ben@example.org");
    expect(refusal(await folder.limber(["report", "--user", "ben@example.org"]))).toBe(
      "the log of ben@example.org holds no events, so there is nothing to report",
    );
  });
});

describe("limber report --fhir", () => {
  const programme = exampleLog("programme.ndjson");
  const PROGRAMME = "examples/programme.ndjson";

  it("writes the record as a FHIR R4 Bundle to a new .json file, with the name given", async () => {
    const out = join(dir, "record.json");
    const run = await limber(
      ["report", "--log", PROGRAMME, "--weeks", "4", "--fhir", "--name", "Alex Doe", "--out", out],
      programme,
    );
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(
      /^Wrote the FHIR R4 Bundle of the 4-week report \(2 Nov 2026 to 23 Nov 2026\) to .*record\.json \(\d/,
    );
    const bundle = JSON.parse(readFileSync(out, "utf8"));
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection" });
    const types = bundle.entry.map(
      (e: { resource: { resourceType: string } }) => e.resource.resourceType,
    );
    for (const type of [
      "Patient",
      "Observation",
      "Questionnaire",
      "QuestionnaireResponse",
      "CarePlan",
      "Provenance",
    ]) {
      expect(types).toContain(type);
    }
    expect(bundle.entry[0].resource.name).toEqual([{ text: "Alex Doe" }]);
  });

  it("refuses bad input with one line and exit status 2, writing nothing", async () => {
    const json = join(dir, "record.json");
    expect(refusal(await limber(["report", "--log", PROGRAMME, "--fhir"], programme))).toBe(
      "a FHIR Bundle needs --out FILE.json",
    );
    expect(
      refusal(
        await limber(
          ["report", "--log", PROGRAMME, "--fhir", "--out", join(dir, "r.pdf")],
          programme,
        ),
      ),
    ).toBe(`--fhir writes JSON; name the file FILE.json, not ${join(dir, "r.pdf")}`);
    expect(
      refusal(
        await limber(
          ["report", "--log", PROGRAMME, "--fhir", "--format", "pdf", "--out", json],
          programme,
        ),
      ),
    ).toBe("--fhir writes a FHIR Bundle; leave out --format");
    expect(
      refusal(
        await limber(
          ["report", "--log", PROGRAMME, "--fhir", "--name", " ", "--out", json],
          programme,
        ),
      ),
    ).toBe("--name needs a name of 1 to 80 characters");
    expect(
      refusal(
        await limber(["report", "--log", "missing.ndjson", "--fhir", "--out", json], programme),
      ),
    ).toMatch(/missing\.ndjson/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
