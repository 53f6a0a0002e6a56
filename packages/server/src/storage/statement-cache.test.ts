import BetterSqlite3 from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { withStatementCache } from "./database.ts";

let sqlite: BetterSqlite3.Database;
afterEach(() => {
  if (sqlite?.open) sqlite.close();
});

function open() {
  sqlite = new BetterSqlite3(":memory:");
  sqlite.exec("create table t (n integer); insert into t values (1), (2), (3)");
  return sqlite;
}

describe("the prepared statement cache", () => {
  it("hands back the same prepared statement for the same SQL", () => {
    const cache = withStatementCache(open());
    const first = cache.prepare("select n from t where n > ?");
    expect(cache.prepare("select n from t where n > ?")).toBe(first);
    expect(cache.prepare("select n from t where n < ?")).not.toBe(first);
    expect(first.all(1)).toEqual([{ n: 2 }, { n: 3 }]);
  });

  it("never hands out a statement that is still being iterated", () => {
    const cache = withStatementCache(open());
    const outer = cache.prepare("select n from t order by n");
    const seen: number[][] = [];
    for (const row of outer.iterate() as Iterable<{ n: number }>) {
      const inner = cache.prepare("select n from t order by n");
      expect(inner).not.toBe(outer);
      seen.push([row.n, (inner.all() as { n: number }[]).length]);
    }
    expect(seen).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it("keeps only the most recently used statements", () => {
    const cache = withStatementCache(open(), 2);
    const a = cache.prepare("select 1");
    cache.prepare("select 2");
    expect(cache.prepare("select 1")).toBe(a);
    cache.prepare("select 3"); // evicts "select 2", the least recently used
    expect(cache.prepare("select 1")).toBe(a);
    const b = cache.prepare("select 2");
    expect(cache.prepare("select 2")).toBe(b);
  });
});
