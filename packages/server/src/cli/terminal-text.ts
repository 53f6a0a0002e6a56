/**
 * Characters a terminal acts on rather than shows: every control character (C0, DEL and C1,
 * among them ESC and the one-byte CSI) but the line feed and the tab, and the bidirectional
 * controls that reorder what is shown (the "Trojan Source" characters).
 */
const TERMINAL_CONTROL = /(?![\n\t])[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/**
 * Text safe to print to a terminal: what a person wrote (a note, an anchor) can hold an escape
 * sequence that clears the screen, retitles the window or hides a line. Every control character
 * goes; what was printable stays as it was, so a stripped sequence shows as harmless text.
 */
export function terminalText(text: string): string {
  return text.replace(TERMINAL_CONTROL, "");
}
