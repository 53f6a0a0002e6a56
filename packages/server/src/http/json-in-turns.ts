import { EVENTS_PER_TURN, nextTurn } from "../storage/event-bodies.ts";

/**
 * Reads an import's JSON body, a list of events or an object whose `events` is that list (an
 * export), one event at a time with turns of the event loop between, so a body of many
 * megabytes is never parsed in one step that holds up everyone else. Each event (and every other
 * value of the object) still goes through JSON.parse, so what is accepted is exactly what
 * JSON.parse accepts. Resolves to the events, or to undefined when the body is valid JSON of
 * another shape; throws SyntaxError when it is not JSON.
 */
export async function readEventListInTurns(text: string): Promise<unknown[] | undefined> {
  const reader = jsonReader(text);
  let at = reader.space(0);
  let events: unknown[] | undefined;
  if (text[at] === "[") {
    [events, at] = await reader.list(at);
  } else if (text[at] === "{") {
    at = reader.space(at + 1);
    if (text[at] === "}") at += 1;
    while (text[at - 1] !== "}") {
      const keyEnd = reader.stringEnd(at);
      const key: unknown = JSON.parse(text.slice(at, keyEnd));
      at = reader.expect(reader.space(keyEnd), ":");
      at = reader.space(at);
      if (key === "events" && text[at] === "[") {
        [events, at] = await reader.list(at);
      } else {
        const end = reader.valueEnd(at);
        const value: unknown = JSON.parse(text.slice(at, end));
        if (key === "events") events = Array.isArray(value) ? value : undefined;
        at = end;
      }
      at = reader.space(at);
      at = reader.expect(at, text[at] === "," ? "," : "}");
      if (text[at - 1] === ",") at = reader.space(at);
    }
  } else {
    JSON.parse(text); // not a list or an object: JSON.parse says whether it is JSON at all
    return undefined;
  }
  if (reader.space(at) !== text.length) throw new SyntaxError("text after the end of the JSON");
  return events;
}

const QUOTE = 34;
const BACKSLASH = 92;
const WHITESPACE = new Set([32, 9, 10, 13]);
const OPENS = new Set([91, 123]); // [ {
const CLOSES = new Set([93, 125]); // ] }
const VALUE_ENDS = new Set([44, 93, 125, 32, 9, 10, 13]); // , ] } and whitespace

/** Finds where JSON values begin and end in `text`, leaving the parsing to JSON.parse. */
function jsonReader(text: string) {
  const fail = (at: number): never => {
    throw new SyntaxError(`Unexpected token in JSON at position ${at}`);
  };
  const reader = {
    space(from: number): number {
      let at = from;
      while (WHITESPACE.has(text.charCodeAt(at))) at += 1;
      return at;
    },
    expect(at: number, character: string): number {
      return text[at] === character ? at + 1 : fail(at);
    },
    /** After the closing quote of the string whose opening quote is at `from`. */
    stringEnd(from: number): number {
      if (text.charCodeAt(from) !== QUOTE) fail(from);
      let at = from + 1;
      for (;;) {
        const quote = text.indexOf('"', at);
        if (quote === -1) fail(text.length);
        let backslashes = 0;
        while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes += 1;
        if (backslashes % 2 === 0) return quote + 1;
        at = quote + 1;
      }
    },
    /** After the value that starts at `from`; JSON.parse of the slice checks it. */
    valueEnd(from: number): number {
      const first = text.charCodeAt(from);
      if (first === QUOTE) return reader.stringEnd(from);
      if (!OPENS.has(first)) {
        let at = from;
        while (at < text.length && !VALUE_ENDS.has(text.charCodeAt(at))) at += 1;
        return at === from ? fail(from) : at;
      }
      let depth = 0;
      let at = from;
      while (at < text.length) {
        const code = text.charCodeAt(at);
        if (code === QUOTE) {
          at = reader.stringEnd(at);
          continue;
        }
        if (OPENS.has(code)) depth += 1;
        else if (CLOSES.has(code) && --depth === 0) return at + 1;
        at += 1;
      }
      return fail(text.length);
    },
    /** The items of the list that starts at `from`, parsed in turns, and where the list ends. */
    async list(from: number): Promise<[unknown[], number]> {
      const items: unknown[] = [];
      let at = reader.space(from + 1);
      if (text[at] === "]") return [items, at + 1];
      for (;;) {
        if (items.length > 0 && items.length % EVENTS_PER_TURN === 0) await nextTurn();
        const end = reader.valueEnd(at);
        items.push(JSON.parse(text.slice(at, end)));
        at = reader.space(end);
        if (text[at] === "]") return [items, at + 1];
        at = reader.space(reader.expect(at, ","));
      }
    },
  };
  return reader;
}
