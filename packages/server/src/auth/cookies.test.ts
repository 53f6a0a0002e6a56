import { describe, expect, it } from "vitest";
import {
  clearSessionCookie,
  readSessionToken,
  sessionCookie,
  sessionCookieName,
} from "./cookies.ts";
import { newSessionToken } from "./tokens.ts";

const token = newSessionToken();
const other = newSessionToken();
const MONTH_SECONDS = 30 * 24 * 60 * 60;

describe("sessionCookie", () => {
  it("over HTTPS, uses the __Host- name with Secure and no Domain", () => {
    expect(sessionCookie({ token, secure: true, maxAgeSeconds: MONTH_SECONDS })).toBe(
      `__Host-limber_session=${token}; Path=/; Max-Age=2592000; HttpOnly; SameSite=Lax; Secure`,
    );
  });

  it("over plain HTTP, uses the plain name without Secure", () => {
    expect(sessionCookie({ token, secure: false, maxAgeSeconds: 60 })).toBe(
      `limber_session=${token}; Path=/; Max-Age=60; HttpOnly; SameSite=Lax`,
    );
  });

  it.each([
    ["an empty token", ""],
    ["a token that would add an attribute", `${token}; Domain=evil.example`],
    ["a token that would split the header", `${token}\r\nSet-Cookie: x=y`],
  ])("refuses %s", (_, value) => {
    expect(() => sessionCookie({ token: value, secure: true, maxAgeSeconds: 60 })).toThrow();
  });

  it.each([[0], [-1], [1.5], [Number.NaN], [Number.POSITIVE_INFINITY]])(
    "refuses a Max-Age of %d",
    (maxAgeSeconds) => {
      expect(() => sessionCookie({ token, secure: true, maxAgeSeconds })).toThrow(RangeError);
    },
  );
});

describe("clearSessionCookie", () => {
  it.each([
    [true, "__Host-limber_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure"],
    [false, "limber_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"],
  ])("with secure %s, empties the cookie and expires it now", (secure, expected) => {
    expect(clearSessionCookie(secure)).toBe(expected);
  });
});

describe("readSessionToken", () => {
  const secureName = sessionCookieName(true);
  const plainName = sessionCookieName(false);

  it.each([
    ["the only cookie", `${secureName}=${token}`],
    ["among others", `theme=dark; ${secureName}=${token}; lang=en`],
    ["without spaces after ';'", `theme=dark;${secureName}=${token};lang=en`],
    ["with tabs and extra spaces", `\t${secureName} = ${token} ;`],
    ["named twice with the same value", `${secureName}=${token}; ${secureName}=${token}`],
    ["beside a pair with no '='", `garbage; ${secureName}=${token}`],
    ["beside a pair with an empty name", `=x; ${secureName}=${token}`],
    ["beside non-ASCII cookies", `naïve=café; ${secureName}=${token}; 名前=値`],
    ["beside a plain-HTTP session cookie", `${plainName}=${other}; ${secureName}=${token}`],
  ])("over HTTPS, finds the token as %s", (_, header) => {
    expect(readSessionToken(header, true)).toBe(token);
  });

  it("over plain HTTP, reads the plain name and ignores the __Host- one", () => {
    expect(readSessionToken(`${secureName}=${other}; ${plainName}=${token}`, false)).toBe(token);
    expect(readSessionToken(`${secureName}=${token}`, false)).toBeUndefined();
  });

  it.each([
    ["no header", undefined],
    ["an empty header", ""],
    ["only separators", ";;; ;"],
    ["only other cookies", "theme=dark; lang=en"],
    ["the plain-HTTP name only (could be planted over HTTP)", `${plainName}=${token}`],
    ["the name in another case", `__host-limber_session=${token}`],
    ["the name as a prefix of another", `${secureName}x=${token}`],
    ["the name with no '='", `${secureName}`],
    ["an empty value", `${secureName}=`],
    ["a quoted value", `${secureName}="${token}"`],
    ["a percent-encoded value", `${secureName}=${encodeURIComponent(`${token.slice(0, 42)}/`)}`],
    ["a value one character short", `${secureName}=${token.slice(1)}`],
    ["a value with trailing garbage", `${secureName}=${token}=`],
    ["a non-ASCII value", `${secureName}=${token.slice(1)}é`],
    ["a value with a NUL", `${secureName}=${token.slice(1)}\u0000`],
    ["two different values", `${secureName}=${token}; ${secureName}=${other}`],
    ["a good value and a bad one", `${secureName}=${token}; ${secureName}=nonsense`],
  ])("returns nothing for %s", (_, header) => {
    expect(readSessionToken(header, true)).toBeUndefined();
  });

  it("never throws on a header that is not a string at run time", () => {
    const asArray: unknown = [`${secureName}=${token}`];
    expect(readSessionToken(asArray as string, true)).toBeUndefined();
  });

  // Linear work only: the test's default timeout would catch anything worse.
  it("reads a very long header correctly", () => {
    const clutter = Array.from({ length: 20_000 }, (_, i) => `c${i}=${"x".repeat(40)}`).join("; ");
    expect(readSessionToken(`${clutter}; ${secureName}=${token}`, true)).toBe(token);
    expect(readSessionToken(`${secureName}=${"A".repeat(1_000_000)}`, true)).toBeUndefined();
    expect(readSessionToken(";".repeat(1_000_000), true)).toBeUndefined();
  });
});
