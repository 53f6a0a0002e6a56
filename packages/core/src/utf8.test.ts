import { describe, expect, it } from "vitest";
import { utf8Bytes, utf8Text } from "./utf8.ts";

describe("UTF-8 without TextEncoder", () => {
  it("spells texts as TextEncoder does, from ASCII to four-byte characters", () => {
    const texts = ["", "plain", "Æsa Ødegård", "ストレッチ", "🧘 hold 30 s", "a\u0000b%41"];
    for (const text of [...texts, "lone \ud800 and \udc00 halves", "\udbff"]) {
      expect(utf8Bytes(text)).toEqual(new TextEncoder().encode(text));
    }
    for (const text of texts) expect(utf8Text(utf8Bytes(text))).toBe(text);
  });

  it("refuses bytes that are not UTF-8", () => {
    expect(utf8Text(Uint8Array.from([0xc3]))).toBeUndefined();
    expect(utf8Text(Uint8Array.from([0xff, 0x41]))).toBeUndefined();
    expect(utf8Text(Uint8Array.from([0xed, 0xa0, 0x80]))).toBeUndefined();
  });
});
