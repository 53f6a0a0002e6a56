/**
 * The CPU time every PostgreSQL process on this machine has used so far, in milliseconds, read
 * from /proc (Linux); undefined where /proc cannot be read. It counts the whole server, so other
 * work on the same PostgreSQL during a run is counted too.
 */
import { readdirSync, readFileSync } from "node:fs";

/** Linux reports utime and stime in clock ticks, 100 a second on every common build. */
const TICKS_PER_SECOND = 100;

export function postgresCpuMs(): number | undefined {
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  let ticks = 0;
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // ended meanwhile, or not ours to read
    }
    // "pid (comm) state ppid …": the name may hold spaces, so fields count from its ")".
    const close = stat.lastIndexOf(")");
    if (stat.slice(stat.indexOf("(") + 1, close) !== "postgres") continue;
    const fields = stat.slice(close + 2).split(" ");
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after "(comm)".
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}
