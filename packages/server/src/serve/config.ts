import { isIP } from "node:net";
import { resolve } from "node:path";
import { defaultAllowedHosts, hostOfOrigin, normaliseHost } from "./allowed-hosts.ts";

/** Why the server cannot start with the configuration it was given: one sentence. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Which proxies in front of Limber to believe about the client's address and protocol
 * (X-Forwarded-For, X-Forwarded-Proto): none, the nearest `n` hops, or these addresses and
 * ranges. Never every hop, which would let any client name its own address.
 */
export type TrustProxy = false | number | readonly string[];

export interface ServerConfig {
  host: string;
  port: number;
  /** Where SQLite keeps its file and the server its VAPID keys (and nothing else is written). */
  dataDir: string;
  /** `postgres://…` to use PostgreSQL instead of SQLite. */
  databaseUrl?: string;
  trustProxy: TrustProxy;
  /** Whether anyone who reaches the server may create an account (else `limber user add` only). */
  signups?: "open" | "closed";
  /** The address people open, such as https://limber.example.org, when it is set. */
  publicOrigin?: string;
  /** The host names requests may carry (DNS rebinding); defaultAllowedHosts when not given. */
  allowedHosts?: readonly string[];
  /** The most events one account may hold. */
  maxEventsPerAccount?: number;
  /** The contact push services are given with each reminder (VAPID subject): mailto: or https:. */
  pushContact?: string;
}

/** The push contact when LIMBER_PUSH_CONTACT is not set and there is no https public origin. */
export const DEFAULT_PUSH_CONTACT = "mailto:limber@localhost";

/** The events an account may hold unless LIMBER_MAX_EVENTS_PER_ACCOUNT says otherwise. */
export const DEFAULT_MAX_EVENTS_PER_ACCOUNT = 100_000;
/** The seq column is a 32-bit integer, so no account can hold more events than this. */
const MAX_EVENTS_LIMIT = 2 ** 31 - 1;

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
  const signups = env.LIMBER_SIGNUPS ?? "open";
  if (signups !== "open" && signups !== "closed") {
    throw new ConfigError(`LIMBER_SIGNUPS must be open or closed, not ${JSON.stringify(signups)}.`);
  }
  const publicOrigin = readPublicOrigin(env.LIMBER_PUBLIC_ORIGIN);
  return {
    host,
    port,
    signups,
    dataDir: resolve(env.LIMBER_DATA_DIR || "data"),
    ...(databaseUrl ? { databaseUrl } : {}),
    trustProxy: readTrustProxy(env.LIMBER_TRUST_PROXY),
    ...(publicOrigin ? { publicOrigin } : {}),
    allowedHosts: readAllowedHosts(env.LIMBER_ALLOWED_HOSTS, host, publicOrigin),
    maxEventsPerAccount: readMaxEvents(env.LIMBER_MAX_EVENTS_PER_ACCOUNT),
    pushContact: readPushContact(env.LIMBER_PUSH_CONTACT, publicOrigin),
  };
}

/**
 * Who push services may write to about this server's reminders: LIMBER_PUSH_CONTACT, a mailto:
 * address or an https: page; else the public origin when it is https.
 */
function readPushContact(raw: string | undefined, publicOrigin: string | undefined): string {
  const text = raw?.trim();
  if (!text) {
    return publicOrigin?.startsWith("https://") ? publicOrigin : DEFAULT_PUSH_CONTACT;
  }
  const mailto = /^mailto:[^\s@<>]+@[^\s@<>]+$/.test(text);
  const https = /^https:\/\/[^\s]+$/.test(text) && URL.canParse(text);
  if (!mailto && !https) {
    throw new ConfigError(
      `LIMBER_PUSH_CONTACT is how push services can reach whoever runs this server: mailto:you@example.org or an https: address, not ${JSON.stringify(text)}.`,
    );
  }
  return text;
}

function readTrustProxy(raw: string | undefined): TrustProxy {
  const text = (raw ?? "").trim();
  if (text === "" || text === "false" || text === "0") return false;
  if (text === "true") {
    throw new ConfigError(
      "LIMBER_TRUST_PROXY=true would believe any address a client writes into X-Forwarded-For; set it to the number of proxies in front of Limber (1 for one reverse proxy) or to their addresses.",
    );
  }
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 16) {
      throw new ConfigError(
        `LIMBER_TRUST_PROXY counts the proxies in front of Limber, from 1 to 16, not ${hops}.`,
      );
    }
    return hops;
  }
  const addresses = text.split(",").map((part) => part.trim());
  const wrong = addresses.find((address) => !isAddressOrRange(address));
  if (wrong !== undefined) {
    throw new ConfigError(
      `LIMBER_TRUST_PROXY is a number of proxies or a comma-separated list of their IP addresses or ranges (such as 10.0.0.0/8), and ${JSON.stringify(wrong)} is neither.`,
    );
  }
  return addresses;
}

/** An IP address, or a range such as 10.0.0.0/8 or fd00::/8. */
function isAddressOrRange(text: string): boolean {
  const [address = "", bits, extra] = text.split("/");
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (bits === undefined) return true;
  return /^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

function readPublicOrigin(raw: string | undefined): string | undefined {
  const text = raw?.trim();
  if (!text) return undefined;
  const host = hostOfOrigin(text);
  if (host === undefined) {
    throw new ConfigError(
      `LIMBER_PUBLIC_ORIGIN is the address people open, such as https://limber.example.org, with no path, not ${JSON.stringify(text)}.`,
    );
  }
  return new URL(text).origin;
}

function readAllowedHosts(
  raw: string | undefined,
  host: string,
  publicOrigin: string | undefined,
): string[] {
  const text = raw?.trim();
  if (!text) return defaultAllowedHosts(host, publicOrigin);
  return text.split(",").map((part) => {
    const name = normaliseHost(part.trim());
    if (name === undefined) {
      throw new ConfigError(
        `LIMBER_ALLOWED_HOSTS is a comma-separated list of host names or addresses (such as limber.example.org,192.168.1.20), without a scheme, port or path, and ${JSON.stringify(part.trim())} is not one.`,
      );
    }
    return name;
  });
}

function readMaxEvents(raw: string | undefined): number {
  const text = raw?.trim();
  if (!text) return DEFAULT_MAX_EVENTS_PER_ACCOUNT;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1 || value > MAX_EVENTS_LIMIT) {
    throw new ConfigError(
      `LIMBER_MAX_EVENTS_PER_ACCOUNT must be a whole number from 1 to ${MAX_EVENTS_LIMIT}, not ${JSON.stringify(text)}.`,
    );
  }
  return value;
}
