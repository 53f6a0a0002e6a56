/**
 * The evidence behind Limber's rules (domain.md §8), by id. Every rule and every catalog entry
 * cites sources by these ids, so a person or a clinician can always see where a decision comes
 * from. The full citations, and what Limber takes from each, are in `source-citations.ts`: a
 * screen that only names a source never downloads them.
 */

/** How each source is named in a sentence: author and year, or the body that publishes it. */
export const SOURCE_LABELS = {
  ESSAY: "the essay Limber grew from",
  ACP17: "ACP guideline 2017",
  NICE59: "NICE NG59",
  CHOU07: "Chou 2007",
  FINUCANE20: "Finucane 2020",
  BMJCES: "BMJ Best Practice",
  BANDY94: "Bandy 1994",
  BANDY97: "Bandy 1997",
  GRIBBLE99: "Gribble 1999",
  INGRAM24: "Ingram 2024",
  ACSM: "ACSM guidelines",
  GOU24: "Gou 2024",
  ALLAM23: "Allam 2023",
  COPPIETERS08: "Coppieters 2008",
  PAG18: "Physical Activity Guidelines 2018",
  MEDLINEPLUS: "MedlinePlus",
  OSTELO08: "Ostelo 2008",
  ABBOTT14: "Abbott 2014",
  NETO15: "Neto 2015",
  LIM23: "Lim 2023",
  MAYORGA14: "Mayorga-Vega 2014",
  WILLY01: "Willy 2001",
  NUMBERS: "national emergency numbers",
} as const satisfies Record<string, string>;

export type SourceId = keyof typeof SOURCE_LABELS;

export const SOURCE_IDS = Object.keys(SOURCE_LABELS) as SourceId[];

export function isSourceId(id: string): id is SourceId {
  return Object.hasOwn(SOURCE_LABELS, id);
}
