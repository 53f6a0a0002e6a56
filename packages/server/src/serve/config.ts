import { resolve } from "node:path";

/** Why the server cannot start with the configuration it was given: one sentence. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

export interface ServerConfig {
  host: string;
  port: number;
  /** Where SQLite keeps its file (and nothing else is written). */
  dataDir: string;
  /** `postgres://…` to use PostgreSQL instead of SQLite. */
  databaseUrl?: string;
  /** Trust X-Forwarded-* headers from a reverse proxy that terminates TLS. */
  trustProxy: boolean;
  /** Whether anyone who reaches the server may create an account (else `limber user add` only). */
  signups?: "open" | "closed";
}

/** Reads the LIMBER_* settings (architecture.md: Configuration), refusing bad values. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const host = env.LIMBER_HOST ?? "127.0.0.1";
  if (!/^[A-Za-z0-9.:-]+$/.test(host)) {
    throw new ConfigError(
      `LIMBER_HOST must be a host name or an IP address, not ${JSON.stringify(host)}.`,
    );
  }
  const rawPort = env.LIMBER_PORT ?? "8787";
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port < 1 || port > 65535) {
    throw new ConfigError(
      `LIMBER_PORT must be a whole number from 1 to 65535, not ${JSON.stringify(rawPort)}.`,
    );
  }
  const databaseUrl = env.LIMBER_DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(
      "LIMBER_DATABASE_URL must start with postgres:// (leave it unset to use SQLite).",
    );
  }
  const trust = env.LIMBER_TRUST_PROXY ?? "false";
  if (!["true", "false", "1", "0"].includes(trust)) {
    throw new ConfigError(
      `LIMBER_TRUST_PROXY must be true or false, not ${JSON.stringify(trust)}.`,
    );
  }
  const signups = env.LIMBER_SIGNUPS ?? "open";
  if (signups !== "open" && signups !== "closed") {
    throw new ConfigError(`LIMBER_SIGNUPS must be open or closed, not ${JSON.stringify(signups)}.`);
  }
  return {
    host,
    port,
    signups,
    dataDir: resolve(env.LIMBER_DATA_DIR || "data"),
    ...(databaseUrl ? { databaseUrl } : {}),
    trustProxy: trust === "true" || trust === "1",
  };
}
