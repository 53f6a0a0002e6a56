import { describe, expect, it } from "vitest";
import { COMMON_PASSWORDS } from "./common-passwords.ts";

describe("COMMON_PASSWORDS", () => {
  const all = [...COMMON_PASSWORDS];

  it("holds well over a thousand passwords, and over a thousand long enough to matter", () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(1000);
    // Shorter ones are refused for their length before the list is consulted.
    expect(all.filter((password) => [...password].length >= 8).length).toBeGreaterThanOrEqual(1000);
  });

  it("is stored lower-cased and in NFC, the form passwordProblem looks up", () => {
    for (const password of all) {
      expect(password).toBe(password.normalize("NFC").toLowerCase());
    }
  });

  it("holds no blanks or whitespace", () => {
    expect(all.filter((password) => password === "" || /\s/.test(password))).toEqual([]);
  });

  it.each([
    ["a numeric run", "1234567890"],
    ["a numeric run down", "87654321"],
    ["a repeat", "00000000"],
    ["a repeated pair", "12121212"],
    ["a keyboard row", "qwertyuiop"],
    ["the home row", "asdfghjkl"],
    ["a column walk", "1qaz2wsx"],
    ["a zigzag walk", "1q2w3e4r"],
    ["a French keyboard row", "azertyuiop"],
    ["a leet spelling", "p@ssw0rd"],
    ["a word with digits", "sunshine123"],
    ["a word with a year", "football1999"],
    ["a word with an exclamation mark", "welcome1!"],
    ["a name with a recent year", "jennifer2025"],
    ["the service's name with a year", "limber2026"],
    ["a word about the service", "hamstring1"],
    ["a non-English password", "contraseña"],
  ])("holds %s: %s", (_, password) => {
    expect(COMMON_PASSWORDS.has(password)).toBe(true);
  });

  it("does not hold an ordinary passphrase", () => {
    expect(COMMON_PASSWORDS.has("kettle on the windowsill at dawn")).toBe(false);
  });
});
