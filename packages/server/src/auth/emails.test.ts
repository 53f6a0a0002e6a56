import { describe, expect, it } from "vitest";
import { MAX_EMAIL_LENGTH, normaliseEmail } from "./emails.ts";

describe("normaliseEmail", () => {
  it.each([
    ["ana@example.com", "ana@example.com"],
    ["  Ana.Lopez@Example.COM \n", "ana.lopez@example.com"],
    ["ana+limber@mail.example.co.uk", "ana+limber@mail.example.co.uk"],
    ["o'brien@example.ie", "o'brien@example.ie"],
    ["jürgen@beispiel.de", "jürgen@beispiel.de"],
    // A decomposed ü (u + U+0308), as some keyboards send it, is the same address.
    ["ju\u0308rgen@beispiel.de", "jürgen@beispiel.de"],
    // Forms that only look different are folded into one (NFKC).
    ["\uff41\uff4e\uff41@example.com", "ana@example.com"],
    ["\u{1D41A}na@example.com", "ana@example.com"],
    ["\ufb01ona@example.com", "fiona@example.com"],
    // Whole words in one script, and the scripts Japanese, Chinese and Korean write together.
    ["иван@пример.рф", "иван@пример.рф"],
    ["\u7530\u4e2d\u3055\u3093@example.jp", "\u7530\u4e2d\u3055\u3093@example.jp"],
    ["ana2026@example.com", "ana2026@example.com"],
  ])("accepts %j as %j", (input, expected) => {
    expect(normaliseEmail(input)).toBe(expected);
  });

  it.each([
    ["empty", ""],
    ["only spaces", "   "],
    ["no @", "ana.example.com"],
    ["two @", "ana@home@example.com"],
    ["nothing before the @", "@example.com"],
    ["nothing after the @", "ana@"],
    ["no dot in the domain", "ana@localhost"],
    ["domain starting with a dot", "ana@.example.com"],
    ["domain ending with a dot", "ana@example."],
    ["two dots in a row", "ana@example..com"],
    ["a space inside", "ana lopez@example.com"],
    ["a display name", "Ana <ana@example.com>"],
    ["a tab inside", "ana\t@example.com"],
    ["a no-break space", "ana\u00a0@example.com"],
    ["a NUL", "ana\u0000@example.com"],
    ["a line break (header injection)", "ana@example.com\r\nBcc: eve@example.com"],
    ["a zero-width space", "ana\u200b@example.com"],
    ["a right-to-left override", "ana\u202e@example.com"],
    ["a Hangul filler, which draws nothing", "ana\u3164@example.com"],
    ["a braille blank", "ana\u2800@example.com"],
    ["a soft hyphen", "an\u00ada@example.com"],
    ["a private-use character", "ana\ue000@example.com"],
    ["a Cyrillic а among Latin letters", "p\u0430ypal@example.com"],
    ["a Greek ο in the domain", "ana@ex\u03bfample.com"],
    ["Cyrillic and Greek in one word", "\u0430\u03b2@example.com"],
  ])("refuses %s", (_, input) => {
    expect(normaliseEmail(input)).toBeUndefined();
  });

  it("accepts an address of exactly the maximum length and refuses one character more", () => {
    const domain = "@example.com";
    const longest = "a".repeat(MAX_EMAIL_LENGTH - domain.length) + domain;
    expect(normaliseEmail(longest)).toBe(longest);
    expect(normaliseEmail(`a${longest}`)).toBeUndefined();
  });

  it("counts characters, not UTF-16 units, against the maximum", () => {
    const domain = "@example.com";
    const emoji = "\u{1F9D8}"; // two UTF-16 units, one character
    const longest = emoji.repeat(MAX_EMAIL_LENGTH - domain.length) + domain;
    expect(normaliseEmail(longest)).toBe(longest);
  });

  it("returns its own output unchanged (idempotent)", () => {
    const once = normaliseEmail(" Ana@Example.com ");
    expect(once).toBeDefined();
    expect(normaliseEmail(once ?? "")).toBe(once);
  });
});
