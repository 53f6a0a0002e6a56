/**
 * How long another person waits while someone imports a whole history: the real server on
 * SQLite in a process of its own (bench/server-target.ts), one person importing 30,000 events
 * (about 11 MB of JSON) in one request, while another person's four devices sync one new event
 * each, one request after another, until the import is answered. Their latencies are set
 * beside the same devices' with no import running. Imports are read, checked and written in turns
 * of the event loop, so no one waits behind a whole history (docs/benchmarks.md). Asserts nothing.
 */
import { randomUUID } from "node:crypto";
import type { LimberEvent } from "@limber/core";
import { signUp, startTarget } from "./server-figures.ts";
import { syntheticLog } from "./synthetic-log.ts";

export const IMPORT_EVENTS = 30_000;
/** The goal: another person's requests wait no more than about this behind an import. */
export const GOAL_P99_MS = 100;
const DEVICES = 4;

export interface ImportYieldFigures {
  /** The other person's sync latencies with no import running, in milliseconds. */
  alone: Latencies;
  /** The same while the import runs. */
  duringImport: Latencies;
  importMs: number;
  importBytes: number;
  imported: number;
}

export interface Latencies {
  requests: number;
  p50: number;
  p99: number;
  max: number;
}

function latencies(times: number[]): Latencies {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { requests: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0 };
}

/** A whole history of `count` events: the synthetic log, repeated with new ids. */
function history(count: number): LimberEvent[] {
  const log = syntheticLog();
  return Array.from({ length: count }, (_, i) => ({
    ...(log[i % log.length] as LimberEvent),
    id: randomUUID(),
  }));
}

/** POSTs JSON as the app's page does and reads the JSON answer, failing on anything but 200. */
async function send<T>(base: string, path: string, body: string, cookie: string): Promise<T> {
  const response = await fetch(base + path, {
    method: "POST",
    headers: { origin: base, "content-type": "application/json", cookie },
    body,
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`POST ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

export async function measureImportYield(): Promise<ImportYieldFigures> {
  const target = await startTarget("sqlite");
  try {
    const base = target.limber;
    const importer = await signUp(base, "importer@bench.example");
    const other = await signUp(base, "other@bench.example");
    const newNote = (): LimberEvent => {
      const at = new Date().toISOString().replace(/\.\d+Z$/, "Z");
      return {
        id: randomUUID(),
        type: "note",
        at,
        day: at.slice(0, 10),
        v: 1,
        data: { text: "a walk" },
      };
    };
    let cursor = 0;
    const syncOnce = async () => {
      const started = performance.now();
      const push = JSON.stringify({ events: [newNote()], since: cursor });
      const answer = await send<{ cursor: number }>(base, "/api/v1/sync", push, other);
      cursor = Math.max(cursor, answer.cursor);
      return performance.now() - started;
    };
    /** Every device syncing in turn, each as soon as its last answer came, while `going()`. */
    const devices = async (going: () => boolean) => {
      const times: number[] = [];
      await Promise.all(
        Array.from({ length: DEVICES }, async () => {
          while (going()) times.push(await syncOnce());
        }),
      );
      return times;
    };
    await syncOnce();
    const quietUntil = performance.now() + 2_000;
    const alone = latencies(await devices(() => performance.now() < quietUntil));

    const body = JSON.stringify({ events: history(IMPORT_EVENTS) });
    let importing = true;
    const started = performance.now();
    const imported = send<{ imported: number }>(base, "/api/v1/import", body, importer).finally(
      () => {
        importing = false;
      },
    );
    const during = await devices(() => importing);
    const count = (await imported).imported;
    return {
      alone,
      duringImport: latencies(during),
      importMs: performance.now() - started,
      importBytes: Buffer.byteLength(body),
      imported: count,
    };
  } finally {
    await target.stop();
  }
}
