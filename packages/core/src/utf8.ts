/**
 * UTF-8 with the language alone: the core runs anywhere, so it has no TextEncoder. Both rest
 * on `encodeURIComponent` and `decodeURIComponent`, which speak UTF-8 and refuse what is not.
 */

/** A surrogate without its pair, which has no UTF-8; TextEncoder writes U+FFFD for it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A text's UTF-8 bytes, as TextEncoder gives them. */
export function utf8Bytes(text: string): Uint8Array {
  const escaped = encodeURIComponent(text.replace(LONE_SURROGATE, "\ufffd"));
  const bytes: number[] = [];
  for (let i = 0; i < escaped.length; i++) {
    if (escaped[i] === "%") {
      bytes.push(Number.parseInt(escaped.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(escaped.charCodeAt(i));
  }
  return Uint8Array.from(bytes);
}

/** The text UTF-8 bytes spell; undefined when they are not UTF-8. */
export function utf8Text(bytes: Uint8Array): string | undefined {
  let escaped = "";
  for (const byte of bytes) escaped += `%${byte.toString(16).padStart(2, "0")}`;
  try {
    return decodeURIComponent(escaped);
  } catch {
    return undefined;
  }
}
