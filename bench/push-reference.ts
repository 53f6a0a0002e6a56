/**
 * The reference a durable push is measured against: the least a Fastify route can do to store
 * a push durably, with no Limber code. `POST /api/v1/sync` takes the same JSON body as Limber's
 * sync, inserts each pushed event's JSON as a row of an SQLite table, and answers once the row
 * is committed. The database is set up as Limber's (WAL, synchronous=FULL) and writes are
 * grouped as Limber groups them: requests that arrive together share one transaction, the
 * first waiting one turn of the event loop for the others. No session, no validation, no
 * sequence numbers, no pull. Loaded by bench/server-target.ts.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import Fastify from "fastify";

export interface PushReference {
  address: string;
  /** How many rows the table holds. */
  rows(): number;
  close(): Promise<void>;
}

/** The reference's table, in a new SQLite file in `dataDir`, set up as Limber's database. */
export function openReferenceTable(dataDir: string) {
  const sqlite = new BetterSqlite3(join(dataDir, "reference.sqlite3"));
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.exec("create table pushed (id integer primary key, body text not null)");
  const insert = sqlite.prepare("insert into pushed (body) values (?)");
  return {
    /** Inserts the bodies in one transaction, durable when it returns. */
    insertAll: sqlite.transaction((bodies: string[]) => {
      for (const body of bodies) insert.run(body);
    }),
    rows: () => (sqlite.prepare("select count(*) as n from pushed").get() as { n: number }).n,
    close: () => sqlite.close(),
  };
}

export async function startPushReference(host: string): Promise<PushReference> {
  const dataDir = mkdtempSync(join(tmpdir(), "limber-bench-reference-"));
  const table = openReferenceTable(dataDir);

  // Group commit: every body queued before the flush runs goes in its one transaction.
  let queue: { bodies: string[]; done: (error?: unknown) => void }[] = [];
  const flush = () => {
    const group = queue;
    queue = [];
    try {
      table.insertAll(group.flatMap((push) => push.bodies));
      for (const push of group) push.done();
    } catch (error) {
      for (const push of group) push.done(error);
    }
  };
  const store = (bodies: string[]) =>
    new Promise<void>((resolve, reject) => {
      if (queue.length === 0) setImmediate(flush);
      queue.push({ bodies, done: (error) => (error ? reject(error) : resolve()) });
    });

  const app = Fastify({ logger: false });
  app.post("/api/v1/sync", async (request) => {
    const { events } = request.body as { events: unknown[] };
    await store(events.map((event) => JSON.stringify(event)));
    return { stored: events.length };
  });
  await app.listen({ host, port: 0 });
  const { port } = app.server.address() as { port: number };
  return {
    address: `http://${host}:${port}`,
    rows: table.rows,
    async close() {
      const closing = app.close();
      app.server.closeAllConnections();
      await closing;
      table.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
