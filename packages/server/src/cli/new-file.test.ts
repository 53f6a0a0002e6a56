import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sizeText, writeNewFile } from "./new-file.ts";

let dir = "";
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "limber-new-file-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("a file the CLI creates", () => {
  it("appears under its name only once complete, and says its size", async () => {
    const path = join(dir, "backup.sqlite3");
    const size = await writeNewFile(path, async (partial) => {
      expect(partial).toMatch(/backup\.sqlite3\.partial-[0-9a-f]{8}$/);
      writeFileSync(partial, "half");
      expect(readdirSync(dir)).not.toContain("backup.sqlite3");
      writeFileSync(partial, "whole", { flag: "a" });
    });
    expect(size).toBe(9);
    expect(readFileSync(path, "utf8")).toBe("halfwhole");
    expect(readdirSync(dir)).toEqual(["backup.sqlite3"]);
  });

  it("leaves nothing behind when writing fails part-way", async () => {
    const path = join(dir, "backup.sqlite3");
    const failing = writeNewFile(path, async (partial) => {
      writeFileSync(partial, "half");
      throw new Error("disk full");
    });
    await expect(failing).rejects.toThrowError("disk full");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("never replaces a file, even one made while it was writing", async () => {
    const path = join(dir, "backup.sqlite3");
    const racing = writeNewFile(path, async (partial) => {
      writeFileSync(partial, "mine");
      writeFileSync(path, "theirs");
    });
    await expect(racing).rejects.toThrowError(/backup\.sqlite3 already exists/);
    expect(readFileSync(path, "utf8")).toBe("theirs");
    expect(readdirSync(dir)).toEqual(["backup.sqlite3"]);
  });
});

describe("sizes, as a person reads them", () => {
  it.each([
    [1, "1 byte"],
    [812, "812 bytes"],
    [52_400, "52.4 kB"],
    [999_960, "1.0 MB"],
    [3_100_000, "3.1 MB"],
    [7_250_000_000, "7.3 GB"],
  ])("%d bytes is %s", (bytes, text) => {
    expect(sizeText(bytes)).toBe(text);
  });
});
