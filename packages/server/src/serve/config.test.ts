import { describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_PUSH_CONTACT, readConfig } from "./config.ts";

describe("server configuration", () => {
  it("gives push services LIMBER_PUSH_CONTACT, else an https public origin, else a default", () => {
    expect(readConfig({ LIMBER_PUSH_CONTACT: " mailto:care@example.org " }).pushContact).toBe(
      "mailto:care@example.org",
    );
    expect(readConfig({ LIMBER_PUSH_CONTACT: "https://example.org/contact" }).pushContact).toBe(
      "https://example.org/contact",
    );
    expect(readConfig({ LIMBER_PUBLIC_ORIGIN: "https://limber.example.org" }).pushContact).toBe(
      "https://limber.example.org",
    );
    expect(readConfig({ LIMBER_PUBLIC_ORIGIN: "http://limber.lan:8787" }).pushContact).toBe(
      DEFAULT_PUSH_CONTACT,
    );
  });

  it("defaults to SQLite in ./data on 127.0.0.1:8787", () => {
    const config = readConfig({});
    expect(config).toMatchObject({ host: "127.0.0.1", port: 8787, trustProxy: false });
    expect(config.dataDir).toMatch(/\/data$/);
    expect(config.databaseUrl).toBeUndefined();
  });

  it.each([
    [{ LIMBER_PORT: "eighty" }, /LIMBER_PORT must be a whole number/],
    [{ LIMBER_PORT: "70000" }, /LIMBER_PORT/],
    [{ LIMBER_HOST: "local host" }, /LIMBER_HOST/],
    [{ LIMBER_DATABASE_URL: "mysql://x" }, /must start with postgres:\/\//],
    [{ LIMBER_TRUST_PROXY: "maybe" }, /LIMBER_TRUST_PROXY/],
    [
      { LIMBER_TRUST_PROXY: "true" },
      /^LIMBER_TRUST_PROXY=true would believe any address a client writes into X-Forwarded-For; set it to the number of proxies in front of Limber \(1 for one reverse proxy\) or to their addresses\.$/,
    ],
    [{ LIMBER_TRUST_PROXY: "17" }, /from 1 to 16/],
    [{ LIMBER_TRUST_PROXY: "10.0.0.1, 10.0.0.0/33" }, /"10\.0\.0\.0\/33" is neither/],
    [
      { LIMBER_ALLOWED_HOSTS: "https://limber.example.org" },
      /LIMBER_ALLOWED_HOSTS .* "https:\/\/limber\.example\.org" is not one/,
    ],
    [{ LIMBER_ALLOWED_HOSTS: "limber.example.org:443" }, /LIMBER_ALLOWED_HOSTS/],
    [
      { LIMBER_PUBLIC_ORIGIN: "limber.example.org" },
      /LIMBER_PUBLIC_ORIGIN is the address people open/,
    ],
    [{ LIMBER_PUBLIC_ORIGIN: "https://limber.example.org/app" }, /with no path/],
    [
      { LIMBER_MAX_EVENTS_PER_ACCOUNT: "0" },
      /LIMBER_MAX_EVENTS_PER_ACCOUNT must be a whole number from 1/,
    ],
    [{ LIMBER_MAX_EVENTS_PER_ACCOUNT: "1e6" }, /LIMBER_MAX_EVENTS_PER_ACCOUNT/],
    [{ LIMBER_PUSH_CONTACT: "you@example.org" }, /LIMBER_PUSH_CONTACT .* not "you@example.org"/],
    [{ LIMBER_PUSH_CONTACT: "http://example.org" }, /mailto:you@example.org or an https: address/],
    [{ LIMBER_PUSH_CONTACT: "mailto:nobody" }, /LIMBER_PUSH_CONTACT/],
  ])("refuses %o with one clear sentence", (env, message) => {
    expect(() => readConfig(env)).toThrowError(ConfigError);
    expect(() => readConfig(env)).toThrowError(message);
  });

  it("takes a count of proxies, or their addresses and ranges, and nothing but false by default", () => {
    expect(readConfig({ LIMBER_TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(readConfig({ LIMBER_TRUST_PROXY: "0" }).trustProxy).toBe(false);
    expect(readConfig({ LIMBER_TRUST_PROXY: "10.0.0.1, fd00::/8" }).trustProxy).toEqual([
      "10.0.0.1",
      "fd00::/8",
    ]);
  });

  it("answers to localhost, the listen address and the public origin's host unless told which", () => {
    expect(readConfig({}).allowedHosts).toEqual(["localhost", "127.0.0.1", "::1"]);
    const behindProxy = readConfig({ LIMBER_PUBLIC_ORIGIN: "https://Limber.Example.org" });
    expect(behindProxy.publicOrigin).toBe("https://limber.example.org");
    expect(behindProxy.allowedHosts).toContain("limber.example.org");
    const onTheNetwork = readConfig({ LIMBER_HOST: "0.0.0.0" }).allowedHosts ?? [];
    expect(onTheNetwork).toEqual(expect.arrayContaining(["localhost", "127.0.0.1"]));
    expect(readConfig({ LIMBER_ALLOWED_HOSTS: "limber.home, 192.168.1.20" }).allowedHosts).toEqual([
      "limber.home",
      "192.168.1.20",
    ]);
  });

  it("holds 100,000 events an account unless told otherwise", () => {
    expect(readConfig({}).maxEventsPerAccount).toBe(100_000);
    expect(readConfig({ LIMBER_MAX_EVENTS_PER_ACCOUNT: "250000" }).maxEventsPerAccount).toBe(
      250_000,
    );
  });

  it("never repeats a database password in its message", () => {
    expect(() => readConfig({ LIMBER_DATABASE_URL: "mysql://me:secret@db/x" })).not.toThrowError(
      /secret/,
    );
  });
});
