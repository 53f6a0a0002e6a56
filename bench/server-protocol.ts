/** The messages between bench/server.ts and the process it loads (bench/server-target.ts). */
export type ToTarget = { type: "storage" } | { type: "cpu" } | { type: "stop" };

export type FromTarget =
  /** `reference`: the bare durable-push route (bench/push-reference.ts), beside SQLite only. */
  | { type: "ready"; hello: string; limber: string; backend: string; reference?: string }
  | { type: "storage"; bytes: number; rows: number }
  /** The CPU time the server process has used so far, user and system, in microseconds. */
  | { type: "cpu"; micros: number }
  | { type: "stopped" };
