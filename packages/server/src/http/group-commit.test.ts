import { describe, expect, it } from "vitest";
import { createGroupCommit } from "./group-commit.ts";

/** A fake store whose writes take one tick and record how they were grouped. */
function fakeStore(fail?: (item: number) => boolean) {
  const batches: number[][] = [];
  const write = async (items: number[]) => {
    await new Promise((r) => setTimeout(r, 5));
    if (fail && items.some(fail)) throw new Error("batch refused");
    batches.push(items);
    return items.map((n) => n * 10);
  };
  return { batches, write };
}

describe("group commit", () => {
  it("writes pushes that arrive in the same turn together, and later ones in the next group", async () => {
    const store = fakeStore();
    const push = createGroupCommit(store.write);
    const first = [1, 2, 3].map(push);
    await new Promise((r) => setImmediate(r));
    const second = [4, 5].map(push);
    expect(await Promise.all([...first, ...second])).toEqual([10, 20, 30, 40, 50]);
    expect(store.batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it("still writes a lone push after one turn of the loop", async () => {
    const store = fakeStore();
    const push = createGroupCommit(store.write);
    expect(await push(7)).toBe(70);
    expect(store.batches).toEqual([[7]]);
  });

  it("retries a failed group one by one, so only the bad push fails", async () => {
    const store = fakeStore((n) => n === 3);
    const push = createGroupCommit(store.write);
    const settled = await Promise.allSettled([1, 2, 3, 4].map(push));
    expect(settled.map((s) => s.status)).toEqual([
      "fulfilled",
      "fulfilled",
      "rejected",
      "fulfilled",
    ]);
    expect(store.batches.flat().sort()).toEqual([1, 2, 4]);
  });

  it("keeps batches within their size limit", async () => {
    const store = fakeStore();
    const push = createGroupCommit(store.write, 2);
    await Promise.all([1, 2, 3, 4, 5].map(push));
    expect(Math.max(...store.batches.map((b) => b.length))).toBeLessThanOrEqual(2);
  });
});
