import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "./config.ts";

describe("server configuration", () => {
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
  ])("refuses %o with one clear sentence", (env, message) => {
    expect(() => readConfig(env)).toThrowError(ConfigError);
    expect(() => readConfig(env)).toThrowError(message);
  });

  it("never repeats a database password in its message", () => {
    expect(() => readConfig({ LIMBER_DATABASE_URL: "mysql://me:secret@db/x" })).not.toThrowError(
      /secret/,
    );
  });
});
