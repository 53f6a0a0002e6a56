import { EventParseError } from "@limber/core";
import { describe, expect, it } from "vitest";
import { SentenceError, sentenceFor } from "./sentence-for.ts";
import { OwnedByAnother } from "./store/ownership.ts";
import { ServerProblem } from "./sync/server.ts";

describe("sentenceFor", () => {
  it("gives the server's own sentence", () => {
    expect(
      sentenceFor(new ServerProblem("weak-password", "Please choose a longer password.", 400)),
    ).toBe("Please choose a longer password.");
  });

  it.each([
    ["QuotaExceededError", /no room left/],
    ["NotAllowedError", /did not allow/],
    ["SecurityError", /private windows/],
    ["InvalidStateError", /another tab/],
    ["VersionError", /newer Limber/],
    ["AbortError", /stopped before it finished/],
    ["UnknownError", /storage had a problem/],
  ])("turns the browser's %s into Limber's words, never its own text", (name, sentence) => {
    const error = Object.assign(new Error("Failed to execute 'add' on 'IDBObjectStore': raw"), {
      name,
    });
    expect(sentenceFor(error)).toMatch(sentence);
    expect(sentenceFor(error)).not.toMatch(/IDBObjectStore|raw/);
  });

  it("never shows schema text or a programmer's message", () => {
    const parse = new EventParseError(
      "data.pain: Too big: expected number to be <=10",
      1,
      "data.pain",
    );
    expect(sentenceFor(parse)).not.toMatch(/data\.pain|<=/);
    expect(sentenceFor(new Error("the journal is not open yet"))).toMatch(/^Something went wrong/);
    expect(sentenceFor("a string")).toMatch(/^Something went wrong/);
  });

  it("gives a schema's own words for what was wrong, as a sentence", () => {
    const own = new EventParseError(
      "data.workWindow.end: x",
      1,
      "data.workWindow.end",
      "the work window ends after it starts",
    );
    expect(sentenceFor(own)).toBe("The work window ends after it starts.");
  });

  it("keeps the sentences Limber writes for people", () => {
    expect(sentenceFor(new SentenceError("This is for a person."))).toBe("This is for a person.");
    const taken = new OwnedByAnother({ kind: "another", owner: "ana@example.org" } as never);
    expect(sentenceFor(taken)).toMatch(/entries of ana@example.org/);
  });

  it("says plainly when there is no connection", () => {
    expect(sentenceFor(new TypeError("Failed to fetch"))).toMatch(/No connection/);
  });
});
