/** Why the server cannot start with the configuration it was given: one sentence. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

export interface ServerConfig {
  host: string;
  port: number;
}

/** Reads LIMBER_HOST and LIMBER_PORT (architecture.md: Configuration), refusing bad values. */
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
  return { host, port };
}
