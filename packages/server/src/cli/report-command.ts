import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import {
  type ClinicianReport,
  clinicianReport,
  dayLabel,
  type LimberEvent,
  REPORT_NAME_MAX,
  REPORT_WEEKS,
  type ReportWeeks,
  readLog,
  reportName,
  reportStart,
} from "@limber/core";
import { healthRecord } from "@limber/core/fhir";
import { reportPdf, reportText } from "@limber/core/report";
import { calendarDay, strictly } from "./args.ts";
import { CliInputError } from "./cli-input-error.ts";
import type { Command } from "./command.ts";
import type { DataIo } from "./data-io.ts";
import { readEvents } from "./day-log.ts";
import type { CliIo } from "./io.ts";
import { refuseExisting, sizeText, writeNewFile } from "./new-file.ts";
import { accountByEmail, readableEvents, serverConfig, withServerData } from "./server-data.ts";
import { terminalText } from "./terminal-text.ts";

const help = `Usage: limber report (--log FILE | --user EMAIL) [--weeks 4|8|12] [--today YYYY-MM-DD]
                     [--notes] [--name NAME] [--out FILE] [--format text|pdf] [--fhir]

Makes the progress report a person can hand a clinician: practice days against the
weekly goal, pain by week, everyday activities, hamstring range, warning signs, sessions
that needed care, where each exercise stands, and how a prescribed programme was followed.
A change is called meaningful only past its measure's threshold. Made from the log alone.
With --fhir, the same record as a FHIR R4 Bundle (JSON) for a health record system.

Options:
  -l, --log FILE       the event log: a JSON array of events, or NDJSON (one per line)
  -u, --user EMAIL     or: the log of this account on this server
  -w, --weeks N        how many weeks, ending with the week of --today: 4, 8 or 12 (default 8);
                       a log that begins later is reported from its first entry
  -t, --today DAY      the report's last day, YYYY-MM-DD. Default: the day of the log's
                       latest event (not the machine's date)
      --notes          include the person's notes (left out unless asked for)
  -n, --name NAME      the person's name (at most 80 characters), at the top of the summary
                       and in the FHIR Patient
      --fhir           write a FHIR R4 Bundle (JSON) to --out FILE.json instead
  -o, --out FILE       write to FILE, which must not exist yet; a name ending in .pdf
                       gets a PDF, any other name plain text. Default: text on stdout
  -f, --format KIND    text or pdf, when the name of --out does not say (pdf needs --out)
  -h, --help           show this help
`;

const FLAGS = {
  log: { type: "string", short: "l" },
  user: { type: "string", short: "u" },
  weeks: { type: "string", short: "w" },
  today: { type: "string", short: "t" },
  notes: { type: "boolean", default: false },
  name: { type: "string", short: "n" },
  fhir: { type: "boolean", default: false },
  out: { type: "string", short: "o" },
  format: { type: "string", short: "f" },
  help: { type: "boolean", short: "h", default: false },
} as const;

type Format = "text" | "pdf" | "fhir";

interface ReportOptions {
  source: { log: string } | { user: string };
  weeks: ReportWeeks;
  today?: string;
  notes: boolean;
  name?: string;
  out?: string;
  format: Format;
}

/** Reads and checks every flag before anything is read or written. */
function readOptions(args: readonly string[]): ReportOptions | "help" {
  const { values } = strictly("report", () => parseArgs({ args: [...args], options: FLAGS }));
  if (values.help) return "help";
  const { log, user, out } = values;
  if (log !== undefined && user !== undefined) {
    throw new CliInputError("usage", "report reads --log FILE or --user EMAIL, not both");
  }
  if (log === undefined && user === undefined) {
    throw new CliInputError(
      "usage",
      "report needs --log FILE or --user EMAIL; see limber report --help",
    );
  }
  const weeks = Number(values.weeks ?? "8");
  if (!REPORT_WEEKS.includes(weeks as ReportWeeks) || !/^\d+$/.test(values.weeks ?? "8")) {
    throw new CliInputError("usage", `--weeks ${JSON.stringify(values.weeks)} is not 4, 8 or 12`);
  }
  const today = values.today === undefined ? undefined : calendarDay(values.today, "--today");
  const format = values.fhir ? fhirFormat(values.format, out) : readFormat(values.format, out);
  const name = nameOption(values.name);
  if (out !== undefined) refuseExisting(out);
  return {
    source: log !== undefined ? { log } : { user: user as string },
    weeks: weeks as ReportWeeks,
    ...(today ? { today } : {}),
    notes: values.notes,
    ...(name ? { name } : {}),
    ...(out !== undefined ? { out } : {}),
    format,
  };
}

/** --name as the summary carries it (trimmed, spaces run together), or a refusal. */
function nameOption(typed: string | undefined): string | undefined {
  const refusal = `--name needs a name of 1 to ${REPORT_NAME_MAX} characters`;
  if (typed === undefined) return undefined;
  try {
    const name = reportName(typed);
    if (name) return name;
  } catch {
    // Too long: refused below in the option's own words.
  }
  throw new CliInputError("usage", refusal);
}

/** --fhir writes JSON to a file: it needs --out, and no other format. */
function fhirFormat(given: string | undefined, out: string | undefined): Format {
  if (given !== undefined) {
    throw new CliInputError("usage", "--fhir writes a FHIR Bundle; leave out --format");
  }
  if (out === undefined) throw new CliInputError("usage", "a FHIR Bundle needs --out FILE.json");
  if (!out.toLowerCase().endsWith(".json")) {
    throw new CliInputError("usage", `--fhir writes JSON; name the file FILE.json, not ${out}`);
  }
  return "fhir";
}

function readFormat(given: string | undefined, out: string | undefined): Format {
  const pdfName = out?.toLowerCase().endsWith(".pdf") ?? false;
  if (given !== undefined && given !== "text" && given !== "pdf") {
    throw new CliInputError("usage", `--format ${JSON.stringify(given)} is not text or pdf`);
  }
  if (given === "text" && pdfName) {
    throw new CliInputError(
      "usage",
      `--format text would write plain text into ${out}; choose a name not ending in .pdf`,
    );
  }
  const format = given ?? (pdfName ? "pdf" : "text");
  if (format === "pdf" && out === undefined) {
    throw new CliInputError("usage", "a PDF report needs --out FILE.pdf");
  }
  return format;
}

async function eventsOf(options: ReportOptions, io: CliIo, data: DataIo): Promise<LimberEvent[]> {
  const { source } = options;
  if ("log" in source) return readEvents(io, source.log);
  return withServerData(serverConfig(data.env), async (repository) => {
    const user = await accountByEmail(repository, source.user);
    return readableEvents(repository, user, io);
  });
}

function latestDay(events: readonly LimberEvent[], where: string): string {
  const day = events
    .map((event) => event.day)
    .sort()
    .at(-1);
  if (day === undefined) {
    throw new CliInputError(
      "invalid-log",
      `${where} holds no events, so there is nothing to report`,
    );
  }
  return day;
}

/** `limber report`, reading a log file or, with --user, the server's data as set in `data`. */
export function reportCommand(data: DataIo): Command {
  return {
    name: "report",
    help,
    async run(args, io) {
      const options = readOptions(args);
      if (options === "help") {
        io.stdout(help);
        return 0;
      }
      const events = await eventsOf(options, io, data);
      const where =
        "log" in options.source ? options.source.log : `the log of ${options.source.user}`;
      const today = options.today ?? latestDay(events, where);
      // The log as it stood at the end of the report's last day, its days as they were seen.
      const log = readLog(
        events.filter((event) => event.day <= today),
        { from: reportStart(today, options.weeks) },
      );
      const report: ClinicianReport = clinicianReport(log, today, options.weeks, {
        includeNotes: options.notes,
        ...(options.name ? { name: options.name } : {}),
      });
      const { out } = options;
      // The notes are the person's own words, which may hold escape sequences.
      const text = () => terminalText(reportText(report));
      if (out === undefined) {
        io.stdout(text());
        return 0;
      }
      const body =
        options.format === "pdf"
          ? await reportPdf(report)
          : options.format === "fhir"
            ? `${JSON.stringify(healthRecord(log, report, { made: new Date().toISOString() }), null, 2)}\n`
            : text();
      const bytes = await writeNewFile(out, (partial) => writeFile(partial, body, { flag: "wx" }));
      const what = options.format === "fhir" ? "FHIR R4 Bundle of the" : "";
      io.stdout(
        `Wrote the ${what ? `${what} ` : ""}${report.span}-week report (${dayLabel(report.from, "date")} to ${dayLabel(report.to, "date")}) to ${out} (${sizeText(bytes)})\n`,
      );
      return 0;
    },
  };
}
