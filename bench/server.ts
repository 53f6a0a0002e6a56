/**
 * `npm run bench:server`: durable sync pushes and 1,000-event pulls a second, on SQLite and
 * PostgreSQL, beside a bare Fastify hello-world and, on SQLite, a bare durable-insert route
 * (bench/server-figures.ts). `--seconds N` sets each scenario's length, 8 by default. Prints
 * figures; asserts nothing.
 */
import { cpus, totalmem } from "node:os";
import {
  benchServer,
  CONNECTIONS,
  eventBytes,
  GOAL_RATIO,
  readSeconds,
  serverTable,
  WARM_UP_SECONDS,
} from "./server-figures.ts";

const seconds = readSeconds(process.argv.slice(2));
const cpu = cpus();
console.log("Limber server: sync throughput, autocannon from a separate process");
console.log(
  `${CONNECTIONS} connections, ${seconds} s a scenario after ${WARM_UP_SECONDS} s warm-up; ${cpu.length} cores (${cpu[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);

const results = await benchServer(seconds);
for (const result of results) console.log(`  ${result.rows[0]?.backend}: ${result.detail}`);

const table = serverTable(results);
const widths = (table[0] as string[]).map((_, column) =>
  Math.max(...table.map((cells) => (cells[column] as string).length)),
);
for (const cells of table) {
  console.log(
    `  ${cells.map((cell, column) => (column < 2 ? cell.padEnd(widths[column] as number) : cell.padStart(widths[column] as number))).join("  ")}`,
  );
}
for (const result of results) {
  console.log(
    `  ${result.rows[0]?.backend}: ${result.pushesAcknowledged.toLocaleString("en-GB")} pushes answered 200, ${result.pushesStored.toLocaleString("en-GB")} new events stored; ${Math.round(result.bytesPerEvent)} bytes on disk per stored event (table and indexes)`,
  );
}
console.log(
  `  (pushes still in flight when a run stopped are stored but not counted: at most ${CONNECTIONS} a run)`,
);
console.log(`  a synthetic event is ${Math.round(eventBytes)} bytes of JSON on average`);
if (results.some((result) => result.detail.includes("PGlite"))) {
  console.log(
    "  PGlite is a stand-in: pglite-socket funnels every connection into one in-process database, so its rates (and any errors) are not PostgreSQL's",
  );
}

const reference = results[0]?.reference;
console.log(
  reference
    ? `Goal: on SQLite, a durable push at least ${GOAL_RATIO}× the bare durable-insert route: ${reference.ratio.toFixed(2)}×, ${reference.ratio >= GOAL_RATIO ? "met" : "not met"}.`
    : "Goal: on SQLite, a durable push at least half the bare durable-insert route: not measured.",
);
