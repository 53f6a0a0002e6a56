import type { FastifyInstance } from "fastify";
import { buildApp } from "../http/app.ts";
import { reminderScheduler } from "../push/scheduler.ts";
import { pushSender } from "../push/sender.ts";
import { loadVapidKeys } from "../push/vapid-keys.ts";
import { openDatabase } from "../storage/database.ts";
import { migrateToLatest } from "../storage/migrate.ts";
import { createRepository } from "../storage/repository.ts";
import { defaultAllowedHosts } from "./allowed-hosts.ts";
import {
  DEFAULT_MAX_EVENTS_PER_ACCOUNT,
  DEFAULT_PUSH_CONTACT,
  type ServerConfig,
} from "./config.ts";

export interface RunningServer {
  app: FastifyInstance;
  /** Where it listens, e.g. http://127.0.0.1:8787. */
  address: string;
  dialect: "sqlite" | "postgres";
  close(): Promise<void>;
}

/**
 * Opens the database (refusing a SQLite file that fails its quick check), brings its schema up
 * to date (refusing a failed or out-of-order migration), and serves the web app and the API,
 * sending reminders by Web Push with the VAPID keys kept in the data folder (made on the first
 * start).
 */
export async function startServer(
  config: ServerConfig,
  options: { webDist?: string; logger?: boolean } = {},
): Promise<RunningServer> {
  const database = await openDatabase({
    dataDir: config.dataDir,
    ...(config.databaseUrl ? { url: config.databaseUrl } : {}),
    checkIntegrity: true,
  });
  try {
    await migrateToLatest(database);
    const keys = loadVapidKeys(config.dataDir);
    const repository = createRepository(database, {
      maxEventsPerAccount: config.maxEventsPerAccount ?? DEFAULT_MAX_EVENTS_PER_ACCOUNT,
    });
    const app = await buildApp({
      repository,
      push: { publicKey: keys.publicKey },
      trustProxy: config.trustProxy,
      allowedHosts: config.allowedHosts ?? defaultAllowedHosts(config.host, config.publicOrigin),
      signups: config.signups ?? "open",
      ...(options.webDist ? { webDist: options.webDist } : {}),
      logger: options.logger ?? false,
    });
    await app.listen({ host: config.host, port: config.port });
    const scheduler = reminderScheduler({
      repository,
      sender: pushSender({ keys, contact: config.pushContact ?? DEFAULT_PUSH_CONTACT }),
      log: app.log,
    });
    scheduler.start();
    const shown = config.host.includes(":") ? `[${config.host}]` : config.host;
    const port = (app.server.address() as { port: number }).port;
    return {
      app,
      address: `http://${shown}:${port}`,
      dialect: database.dialect,
      async close() {
        await scheduler.stop();
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
