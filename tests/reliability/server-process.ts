import { type ChildProcess, spawn } from "node:child_process";
import { get } from "node:http";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const LIMBER_BIN = fileURLToPath(new URL("../../packages/server/bin/limber.mjs", import.meta.url));
const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** Enough of what a process wrote to explain why it would not start or why it died. */
const OUTPUT_TAIL_CHARS = 8_000;

/** What one `limber serve` is started with; a restart reuses it unchanged. */
export interface ServerProcessOptions {
  port: number;
  /** SQLite's folder (also set, and unused, when a database URL is given). */
  dataDir: string;
  /** `postgres://…` to use PostgreSQL instead of SQLite. */
  databaseUrl?: string;
  /** How long it may take to answer after being spawned. */
  readyDeadlineMs?: number;
  /** Further LIMBER_* settings, such as LIMBER_TRUST_PROXY. */
  env?: Readonly<Record<string, string>>;
  /**
   * Serve from a disk of this many bytes: the data folder becomes a tmpfs of that size, mounted
   * in a mount namespace of the server's own (`unshare`, as root or in a user namespace), so
   * the disk really fills up and nothing outside the server sees it.
   */
  diskBytes?: number;
}

/** A running `limber serve` child process. */
export interface ServerProcess {
  readonly options: ServerProcessOptions;
  /** `http://127.0.0.1:<port>`: the address, and the Origin its state-changing requests need. */
  readonly origin: string;
  readonly child: ChildProcess;
  /** The last few thousand characters it wrote to stdout and stderr. */
  output(): string;
}

// Every child still alive, so a test runner that exits early (a crash, Ctrl-C, a timeout that
// skips afterAll) still takes them down with it rather than leaving servers on the ports.
const alive = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of alive) child.kill("SIGKILL");
});

/** A TCP port nothing listens on right now, picked by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error("no port was assigned"))));
    });
  });
}

/** Spawns the real `limber serve` (no shell, no npx: the pid is the server) and waits until it answers. */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith("LIMBER_")) env[key] = value;
  }
  Object.assign(env, {
    LIMBER_HOST: "127.0.0.1",
    LIMBER_PORT: String(options.port),
    LIMBER_DATA_DIR: options.dataDir,
    LIMBER_LOG: "off",
    ...(options.databaseUrl ? { LIMBER_DATABASE_URL: options.databaseUrl } : {}),
    ...options.env,
  });
  const [command, args] = options.diskBytes
    ? onSmallDisk(options.dataDir, options.diskBytes)
    : [process.execPath, [LIMBER_BIN, "serve"]];
  const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  alive.add(child);
  child.once("exit", () => alive.delete(child));
  let tail = "";
  // Read both pipes to the end: an unread pipe fills up and stalls the server's writes.
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString("utf8")).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const server: ServerProcess = {
    options,
    origin: `http://127.0.0.1:${options.port}`,
    child,
    output: () => tail,
  };
  try {
    await waitUntilReady(server, options.readyDeadlineMs ?? 20_000);
  } catch (error) {
    await killServerProcess(server);
    throw error;
  }
  return server;
}

/**
 * `limber serve` with its data folder on a tmpfs of `bytes`, in a mount namespace of its own;
 * `exec` keeps the server's pid the child's, so killing the child kills the server.
 */
function onSmallDisk(dataDir: string, bytes: number): [string, string[]] {
  const asRoot = process.getuid?.() === 0;
  const script = `mount -t tmpfs -o size=${bytes},mode=0700 tmpfs "$1" && exec "$2" "$3" serve`;
  return [
    "unshare",
    [
      ...(asRoot ? [] : ["--user", "--map-root-user"]),
      "--mount",
      "--propagation",
      "private",
      "sh",
      "-c",
      script,
      "sh",
      dataDir,
      process.execPath,
      LIMBER_BIN,
    ],
  ];
}

/**
 * Polls until the server answers any HTTP request (an unknown API path answers 404), and fails
 * with its output if it exits first or the deadline passes.
 */
export async function waitUntilReady(server: ServerProcess, deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (hasExited(server.child)) {
      throw new Error(
        `limber serve exited (${server.child.exitCode ?? server.child.signalCode}) before answering:\n${server.output()}`,
      );
    }
    if (await answers(`${server.origin}/api/v1/ready`)) return;
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
  throw new Error(
    `limber serve did not answer at ${server.origin} within ${deadlineMs} ms:\n${server.output()}`,
  );
}

/** Kills the process (SIGKILL by default: a crash, no shutdown code runs) and waits until it is gone. */
export async function killServerProcess(
  server: ServerProcess,
  signal: NodeJS.Signals = "SIGKILL",
): Promise<void> {
  const { child } = server;
  if (hasExited(child)) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill(signal);
  await exited;
}

/** Kills the process and starts a new one with the same port, data folder and database. */
export async function restartServerProcess(server: ServerProcess): Promise<ServerProcess> {
  await killServerProcess(server);
  return startServerProcess(server.options);
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = get(url, { agent: false, timeout: 1_000 }, (response) => {
      response.resume();
      resolve(true);
    });
    request.once("timeout", () => request.destroy());
    request.once("error", () => resolve(false));
  });
}
