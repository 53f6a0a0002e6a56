import { randomBytes } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { chmod, open, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { OWNER_FILE_MODE } from "../storage/database.ts";
import { CliInputError } from "./cli-input-error.ts";

/**
 * Refuses a path the CLI is asked to create when something is already there, or when its folder
 * is not: checked before any work starts, so a long backup never ends in that refusal.
 */
export function refuseExisting(path: string): void {
  if (existsSync(path)) {
    throw new CliInputError(
      "file-exists",
      `${path} already exists; choose another name, or move the old file away first`,
    );
  }
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new CliInputError("unwritable", `cannot write ${path}: there is no folder ${folder}`);
  }
}

/** A temporary name beside `path`, in the same folder so a rename onto `path` is atomic. */
export function partialPathFor(path: string, kind = "partial"): string {
  return join(dirname(path), `${basename(path)}.${kind}-${randomBytes(4).toString("hex")}`);
}

/**
 * Creates `path`, which must not exist yet: `write` fills a temporary file beside it, which is
 * flushed to disk and only then renamed into place. A crash or failure part-way never leaves
 * half a file under the real name, and the temporary file is removed when `write` fails.
 * Everything the CLI writes holds people's logs (a backup, a report), so the file is readable
 * by its owner only. Resolves to the size written, in bytes.
 */
export async function writeNewFile(
  path: string,
  write: (partialPath: string) => Promise<void>,
): Promise<number> {
  refuseExisting(path);
  const partial = partialPathFor(path);
  try {
    await write(partial);
    await chmod(partial, OWNER_FILE_MODE);
    await flushToDisk(partial);
    // Someone may have made the file while this one was written; never replace theirs.
    refuseExisting(path);
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  await flushFolder(dirname(path));
  return (await stat(path)).size;
}

/** fsync: the bytes are on disk before the rename can make them visible under the real name. */
export async function flushToDisk(path: string): Promise<void> {
  const handle = await open(path, "r+");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** fsync of a folder, so a rename in it survives a power cut. */
export async function flushFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some systems (Windows, some network file systems) cannot sync a folder; the rename has
    // still happened, it is only less certain to survive a power cut at this very moment.
  }
}

/** A size as a person reads it: "812 bytes", "52.4 kB", "3.1 MB". */
export function sizeText(bytes: number): string {
  if (bytes < 1000) return `${bytes} byte${bytes === 1 ? "" : "s"}`;
  const units = ["kB", "MB", "GB", "TB"];
  let size = bytes / 1000;
  let unit = 0;
  while (size >= 999.95 && unit < units.length - 1) {
    size /= 1000;
    unit += 1;
  }
  return `${size.toFixed(1)} ${units[unit]}`;
}
