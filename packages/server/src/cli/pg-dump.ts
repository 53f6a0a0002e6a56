import { spawn } from "node:child_process";
import { CliInputError, oneLine } from "./cli-input-error.ts";

/**
 * How to run pg_dump for a database URL. The password travels in PGPASSWORD rather than on the
 * command line, where anyone on the machine could read it in the list of processes.
 */
export function pgDumpInvocation(databaseUrl: string, file: string) {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = "";
  return {
    args: ["--format=custom", `--file=${file}`, `--dbname=${url.href}`],
    env: password ? { PGPASSWORD: password } : {},
  };
}

/** Runs pg_dump (no shell) into `file`; a missing pg_dump or a failed dump is one clear line. */
export function runPgDump(databaseUrl: string, file: string, env: NodeJS.ProcessEnv) {
  const invocation = pgDumpInvocation(databaseUrl, file);
  return new Promise<void>((resolve, reject) => {
    // Node looks pg_dump up on the PATH of the environment given here.
    const child = spawn("pg_dump", invocation.args, {
      env: { ...env, ...invocation.env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (text: string) => {
      stderr += text;
    });
    child.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "ENOENT"
          ? new CliInputError(
              "missing-tool",
              "pg_dump is not installed (or not on the PATH); install the PostgreSQL client tools, the same major version as the server or newer, and try again",
            )
          : error,
      );
    });
    child.once("close", (status, signal) => {
      if (status === 0) return resolve();
      const last = stderr.trim().split("\n").at(-1) ?? "";
      const why = last ? `: ${oneLine(last.replace(/^pg_dump: (error: )?/, ""))}` : "";
      const how = signal ? `was stopped by ${signal}` : `exited with status ${status}`;
      reject(new CliInputError("backup-failed", `pg_dump ${how}${why}`));
    });
  });
}
