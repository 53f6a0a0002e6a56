import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "./database.ts";
import { preparedQuery } from "./prepared-query.ts";
import { NOW, useStorageHarness } from "./testing/harness.ts";

const dataDir = mkdtempSync(join(tmpdir(), "limber-prepared-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("preparedQuery", () => {
  const harness = useStorageHarness(() => openDatabase({ dataDir }));

  it("runs with each call's values what the same query built anew would", async () => {
    for (const n of [1, 2, 3]) await harness.addPerson(n);
    const { db } = harness;
    const byEmailOrId = preparedQuery<{ email: string; id: string }, { email: string }>((value) =>
      db
        .selectFrom("users")
        .select("email")
        .where((eb) => eb.or([eb("email", "=", value("email")), eb("id", "=", value("id"))]))
        // A constant among the values stays as it was built.
        .where("created_at", "=", NOW.toISOString())
        .orderBy("email"),
    );
    const people = await harness.repository.listUsers();
    const [first, second, third] = people;
    if (!first || !second || !third) throw new Error("three people were added");
    for (const [email, id] of [
      [first.email, second.id],
      [third.email, "nobody"],
      ["nobody@example.org", "nobody"],
    ] as const) {
      const built = await db
        .selectFrom("users")
        .select("email")
        .where((eb) => eb.or([eb("email", "=", email), eb("id", "=", id)]))
        .where("created_at", "=", NOW.toISOString())
        .orderBy("email")
        .execute();
      expect(await byEmailOrId(db, { email, id })).toEqual(built);
    }
    expect(await byEmailOrId(db, { email: first.email, id: second.id })).toHaveLength(2);
  });

  it("refuses, when it is made, a value the compiled query does not carry as a value", () => {
    const { db } = harness;
    expect(() =>
      preparedQuery<{ table: string }, { n: number }>((value) =>
        db.selectNoFrom(sql<number>`${sql.raw(value("table"))}`.as("n")),
      ),
    ).toThrow("prepared query: table not among its values");
  });
});
