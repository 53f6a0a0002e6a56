/**
 * The standard PDF fonts (Helvetica) encode text as WinAnsi (Windows-1252): Latin-1 plus a few
 * typographic marks. Anything else (an arrow, ≥, an emoji, most non-Latin scripts) must be
 * replaced before drawing, or the PDF library throws.
 */
const EXTRA = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";

const REPLACEMENTS: Record<string, string> = {
  "→": "->",
  "←": "<-",
  "↑": "up",
  "↓": "down",
  "≥": ">=",
  "≤": "<=",
  "≠": "!=",
  "≈": "~",
  "−": "-",
  "‐": "-",
  "‑": "-",
  "‒": "-",
  "―": "-",
  "′": "'",
  "″": '"',
  "\u00a0": " ",
  "\u2009": " ",
  "\u202f": " ",
  "\t": " ",
};

/** Whether WinAnsi can encode this one character. */
export function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || EXTRA.includes(char);
}

/**
 * Text WinAnsi can encode: known symbols spelled out, accents kept when Latin-1 has the letter
 * and otherwise dropped, other characters shown as "?". Line breaks become spaces.
 */
export function toWinAnsi(text: string): string {
  let out = "";
  for (const char of text.replace(/\r\n|\r|\n/g, " ")) {
    if (isWinAnsi(char)) {
      out += char;
      continue;
    }
    const replacement = REPLACEMENTS[char];
    if (replacement !== undefined) {
      out += replacement;
      continue;
    }
    const bare = char.normalize("NFD").replace(/\p{M}/gu, "");
    out += bare.length > 0 && [...bare].every(isWinAnsi) ? bare : "?";
  }
  return out;
}
