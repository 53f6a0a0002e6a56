import { hash } from "@node-rs/argon2";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import {
  hashPassword,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  needsRehash,
  passwordProblem,
  verifyPassword,
} from "./passwords.ts";

// Each real hash costs 19 MiB and tens of milliseconds, so the suite makes only two.
describe("hashPassword and verifyPassword", () => {
  const password = "café on the floor at dawn"; // é as one precomposed character
  let stored = "";
  beforeAll(async () => {
    stored = await hashPassword(password);
  });

  it("hashes with argon2id at OWASP's minimum settings", () => {
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(stored).not.toContain(password);
  });

  it("salts every hash, so the same password hashes differently", async () => {
    expect(await hashPassword(password)).not.toBe(stored);
  });

  it("accepts the password and refuses any other", async () => {
    expect(await verifyPassword(stored, password)).toBe(true);
    expect(await verifyPassword(stored, "Café on the floor at dawn")).toBe(false);
  });

  it("accepts the same password typed with a combining accent", async () => {
    expect(await verifyPassword(stored, password.normalize("NFD"))).toBe(true);
  });

  it.each([
    ["an empty hash", ""],
    ["plain text", "café on the floor at dawn"],
    ["a truncated hash", "$argon2id$v=19$m=19456,t=2,p=1$"],
    ["a hash with a broken salt", "$argon2id$v=19$m=19456,t=2,p=1$!!!$AAAA"],
    ["a bcrypt hash", "$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"],
  ])("returns false, without throwing, for %s", async (_, malformed) => {
    await expect(verifyPassword(malformed, password)).resolves.toBe(false);
  });

  it("does not ask for a rehash of a hash made today", () => {
    expect(needsRehash(stored)).toBe(false);
  });
});

describe("needsRehash", () => {
  it("asks for one when a hash was made with less memory or fewer passes", async () => {
    const weak = await hash("anything at all", { memoryCost: 1024, timeCost: 1 });
    expect(needsRehash(weak)).toBe(true);
  });

  it("asks for one when the hash cannot be read", () => {
    expect(needsRehash("not a hash")).toBe(true);
  });
});

describe("passwordProblem", () => {
  const lengthOf = (count: number) => `${"k".repeat(count - 1)}!`;
  const yoga = "\u{1F9D8}"; // one character, two UTF-16 units

  it.each([
    ["a long passphrase", "correct horse battery staple lamp", undefined],
    ["exactly the minimum length", lengthOf(MIN_PASSWORD_LENGTH), undefined],
    ["exactly the maximum length", lengthOf(MAX_PASSWORD_LENGTH), undefined],
    ["the minimum in emoji, each one character", yoga.repeat(MIN_PASSWORD_LENGTH), undefined],
    ["the maximum in emoji, each one character", yoga.repeat(MAX_PASSWORD_LENGTH), undefined],
    ["a common word hidden in a longer phrase", "my password is long enough", undefined],
  ])("accepts %s", (_, password, expected) => {
    expect(passwordProblem(password)).toBe(expected);
  });

  it.each([
    ["empty", ""],
    ["one character short", lengthOf(MIN_PASSWORD_LENGTH - 1)],
    ["seven emoji, though JavaScript counts 14 units", yoga.repeat(7)],
    // Seven "é", each typed as e + a combining accent: 14 code points, 7 after NFC.
    ["seven accented letters typed in two parts", "e\u0301".repeat(7)],
  ])("refuses %s as too short", (_, password) => {
    expect(passwordProblem(password)).toMatch(/at least 8 characters/);
  });

  it.each([
    ["one character too many", lengthOf(MAX_PASSWORD_LENGTH + 1)],
    ["one emoji too many", yoga.repeat(MAX_PASSWORD_LENGTH + 1)],
  ])("refuses %s as too long", (_, password) => {
    expect(passwordProblem(password)).toMatch(/at most 128 characters/);
  });

  it.each([
    "password1",
    "qwerty123",
    "iloveyou",
    "PASSWORD1",
    "QwErTy123",
    "P@ssw0rd",
    "Sunshine2024",
    "Limber2026",
    "12345678",
    "1qaz2wsx",
  ])("refuses the common password %j", (password) => {
    expect(passwordProblem(password)).toMatch(/one of the most common/);
  });

  it.each([
    ["the whole email", "ana.lopez@example.com"],
    ["the email in another case", "ANA.LOPEZ@example.com"],
    ["the part before the @", "ana.lopez"],
    ["the part before the @ in another case", "Ana.Lopez"],
  ])("refuses %s", (_, password) => {
    expect(passwordProblem(password, " Ana.Lopez@Example.com ")).toMatch(/email address/);
  });

  it("accepts the same password when no email is given, or a different one is", () => {
    expect(passwordProblem("ana.lopez")).toBeUndefined();
    expect(passwordProblem("ana.lopez", "ben@example.com")).toBeUndefined();
  });

  it("does not mistake part of an email without an @ for its name", () => {
    expect(passwordProblem("ana.lope", "ana.lopez")).toBeUndefined();
    expect(passwordProblem("ana.lopez", "ana.lopez")).toMatch(/email address/);
  });

  it("never throws, and answers with nothing or one plain sentence", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 200 }),
        fc.string(),
        (password, email) => {
          const problem = passwordProblem(password, email);
          if (problem === undefined) return;
          expect(problem).toMatch(/^[A-Z][^\n!]*\.$/);
        },
      ),
    );
  });
});
