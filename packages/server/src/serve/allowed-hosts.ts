import { isIP } from "node:net";
import { networkInterfaces } from "node:os";

/**
 * The host names Limber answers to. A page on another name that resolves to this server (DNS
 * rebinding: a stranger's site whose name is made to point at a server on your network) sends
 * its own name in `Host`, so a request naming anything else is refused before it is read.
 */

/** A host name or IP address, lower-cased, without brackets or a final dot; undefined if none. */
export function normaliseHost(text: string): string | undefined {
  const bare = text.toLowerCase().replace(/^\[(.*)\]$/, "$1");
  if (isIP(bare) !== 0) return bare;
  const name = bare.replace(/\.$/, "");
  const labels = name.split(".");
  const valid = labels.every((label) => /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(label));
  return valid && name.length <= 253 ? name : undefined;
}

/** The host a `Host` header names ("limber.example:8787", "[::1]:80"), without its port. */
export function hostOfHeader(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^(\[[^\]]+\]|[^:[\]]+)(?::\d{1,5})?$/.exec(header.trim());
  return match?.[1] === undefined ? undefined : normaliseHost(match[1]);
}

/** The host of an origin such as https://limber.example.org, or undefined if it is not one. */
export function hostOfOrigin(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  const bare = url.pathname === "/" && !url.search && !url.hash && !url.username;
  if (!bare || (url.protocol !== "http:" && url.protocol !== "https:")) return undefined;
  return normaliseHost(url.hostname);
}

const LOOPBACK = ["localhost", "127.0.0.1", "::1"];
const EVERY_ADDRESS = new Set(["0.0.0.0", "::"]);

/**
 * What Limber answers to unless LIMBER_ALLOWED_HOSTS says otherwise: localhost, the address it
 * listens on (every address of this machine when it listens on all of them, as on a home
 * network), and the public origin's host when one is set.
 */
export function defaultAllowedHosts(listenHost: string, publicOrigin?: string): string[] {
  const hosts = new Set(LOOPBACK);
  const listen = normaliseHost(listenHost);
  if (listen && EVERY_ADDRESS.has(listen)) {
    for (const addresses of Object.values(networkInterfaces())) {
      for (const { address } of addresses ?? []) hosts.add(address.toLowerCase());
    }
  } else if (listen) hosts.add(listen);
  const publicHost = publicOrigin ? hostOfOrigin(publicOrigin) : undefined;
  if (publicHost) hosts.add(publicHost);
  return [...hosts];
}
