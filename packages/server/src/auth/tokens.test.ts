import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashToken, isWellFormedToken, newSessionToken, SESSION_LIFETIME_MS } from "./tokens.ts";

describe("session tokens", () => {
  it("last thirty days", () => {
    expect(SESSION_LIFETIME_MS).toBe(2_592_000_000);
  });

  it("are 43 base64url characters that decode to 32 bytes", () => {
    const token = newSessionToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(isWellFormedToken(token)).toBe(true);
  });

  it("do not repeat", () => {
    const tokens = new Set(Array.from({ length: 1000 }, newSessionToken));
    expect(tokens.size).toBe(1000);
  });

  it("are well formed for any 32 bytes, and the encoding round-trips", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
        const token = Buffer.from(bytes).toString("base64url");
        expect(isWellFormedToken(token)).toBe(true);
        expect(Buffer.from(token, "base64url").equals(Buffer.from(bytes))).toBe(true);
      }),
    );
  });
});

describe("hashToken", () => {
  it("is the SHA-256 of the token in hex", () => {
    // The well-known SHA-256 of "abc".
    expect(hashToken("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });

  it("is stable and never the token itself", () => {
    const token = newSessionToken();
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token);
  });
});

describe("isWellFormedToken", () => {
  const issued = newSessionToken();
  it.each([
    ["one character short", issued.slice(0, 42)],
    ["one character long", `${issued}A`],
    ["standard base64 '+'", `+${issued.slice(1)}`],
    ["standard base64 '/'", `/${issued.slice(1)}`],
    ["base64 padding", `${issued.slice(0, 42)}=`],
    ["a last character no 32-byte token can end with", `${issued.slice(0, 42)}B`],
    ["a space", ` ${issued.slice(1)}`],
    ["a trailing line break", `${issued.slice(0, 42)}\n`],
    ["non-ASCII", `é${issued.slice(1)}`],
    ["empty", ""],
  ])("refuses %s", (_, value) => {
    expect(isWellFormedToken(value)).toBe(false);
  });

  it.each([[undefined], [null], [42], [{}], [[issued]]])("refuses the non-string %j", (value) => {
    expect(isWellFormedToken(value)).toBe(false);
  });
});
