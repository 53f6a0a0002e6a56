import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readEventListInTurns } from "./json-in-turns.ts";

describe("reading an import's JSON in turns", () => {
  it("reads any list, bare or as an object's `events`, as JSON.parse does", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.jsonValue(), { maxLength: 8 }),
        fc.jsonValue(),
        fc.constantFrom(0, 2),
        async (events, other, indent) => {
          expect(await readEventListInTurns(JSON.stringify(events, null, indent))).toEqual(
            JSON.parse(JSON.stringify(events)),
          );
          const exported = JSON.stringify(
            { exportedAt: other, events, after: other },
            null,
            indent,
          );
          expect(await readEventListInTurns(exported)).toEqual(JSON.parse(exported).events);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("answers undefined for JSON of another shape", async () => {
    for (const text of ["null", "42", '"events"', "{}", '{"events":{}}', '{"other":[1]}']) {
      expect([text, await readEventListInTurns(text)]).toEqual([text, undefined]);
    }
  });

  it("refuses what JSON.parse refuses", async () => {
    for (const text of [
      "",
      "[",
      "[1,]",
      "[1 2]",
      '{"events":[1],}',
      '{"events" [1]}',
      "{events:[1]}",
      '["a\\"]',
      "[{]",
      "[1]]",
      '{"events":[1]} x',
    ]) {
      expect(() => JSON.parse(text)).toThrow(SyntaxError);
      await expect(readEventListInTurns(text), text).rejects.toThrow(SyntaxError);
    }
  });
});
