import { describe, expect, it } from "vitest";
import { SOURCE_USES, SOURCES } from "./source-citations.ts";
import { SOURCE_IDS, SOURCE_LABELS, type SourceId } from "./sources.ts";

/** Not published works: the essay Limber grew from and the list of emergency numbers. */
const NOT_PUBLICATIONS: readonly SourceId[] = ["ESSAY", "NUMBERS"];

/**
 * Entries allowed to say "et al.", each with the reason. Every citation lists all its authors,
 * so this list is empty; an entry added here must say why.
 */
const ET_AL_ALLOWED: Partial<Record<SourceId, string>> = {};

/** Entries allowed without a year, each with the reason. */
const NO_YEAR_ALLOWED: Partial<Record<SourceId, string>> = {
  BMJCES: "a living reference updated continuously; its last-update date was not verified",
};

/** Entries allowed without a DOI or an https address, each with the reason. */
const NO_LINK_ALLOWED: Partial<Record<SourceId, string>> = {
  BANDY94: "no DOI or stable address could be verified for this 1994 paper",
};

const cited = SOURCE_IDS.filter((id) => !NOT_PUBLICATIONS.includes(id));

describe("sources", () => {
  it("knows the sources of the design's list", () => {
    expect(SOURCE_IDS).toHaveLength(23);
    for (const id of NOT_PUBLICATIONS) expect(SOURCE_IDS).toContain(id);
  });

  it.each(cited)("%s gives a year", (id) => {
    if (NO_YEAR_ALLOWED[id]) {
      expect(SOURCES[id]).not.toMatch(/\b(19|20)\d\d\b/);
      return;
    }
    expect(SOURCES[id]).toMatch(/\b(19|20)\d\d\b/);
  });

  it.each(cited)("%s gives a DOI or an https address", (id) => {
    const linked = /doi:10\.\d{4,}\/\S+/.test(SOURCES[id]) || /https:\/\/\S+/.test(SOURCES[id]);
    expect(linked).toBe(!NO_LINK_ALLOWED[id]);
  });

  it.each(cited)("%s names its authors or its publisher in full", (id) => {
    const hasEtAl = /\bet al\b/i.test(SOURCES[id]);
    expect(hasEtAl).toBe(Boolean(ET_AL_ALLOWED[id]));
  });

  it.each(cited)("%s has a title and a body that publishes it, each ended by a full stop", (id) => {
    // Authors (or the publishing body), then the title, then where it appeared.
    expect(SOURCES[id].split(". ").length).toBeGreaterThanOrEqual(3);
  });

  it("gives a reason for every exception, and makes none it does not need", () => {
    for (const list of [ET_AL_ALLOWED, NO_YEAR_ALLOWED, NO_LINK_ALLOWED]) {
      for (const [id, reason] of Object.entries(list)) {
        expect(SOURCE_IDS).toContain(id);
        expect(reason?.length ?? 0).toBeGreaterThan(20);
      }
    }
  });

  it("writes DOIs one way, without a resolver prefix", () => {
    for (const id of SOURCE_IDS) {
      expect(SOURCES[id]).not.toMatch(/doi\.org\//);
      expect(SOURCES[id]).not.toMatch(/DOI:/);
    }
  });

  it("labels every source and says what Limber takes from it", () => {
    expect(Object.keys(SOURCE_LABELS).sort()).toEqual([...SOURCE_IDS].sort());
    expect(Object.keys(SOURCE_USES).sort()).toEqual([...SOURCE_IDS].sort());
    for (const id of SOURCE_IDS) {
      expect(SOURCE_LABELS[id].trim()).not.toBe("");
      expect(SOURCE_USES[id]).toMatch(/^[A-Z].*\.$/);
      expect(SOURCE_USES[id]).not.toContain("!");
    }
  });

  it("labels each paper by its first author's surname and year", () => {
    const byAuthor = cited.filter((id) => /^[A-Z][a-z-]+ \d{4}$/.test(SOURCE_LABELS[id]));
    expect(byAuthor.length).toBeGreaterThan(10);
    for (const id of byAuthor) {
      const [surname = "", year = ""] = SOURCE_LABELS[id].split(" ");
      expect(SOURCES[id].startsWith(`${surname} `)).toBe(true);
      // The label's year is the year of first publication (Ingram: online 2024, in print 2025).
      expect(SOURCES[id]).toContain(year);
    }
  });
});
