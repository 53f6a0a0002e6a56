import { describe, expect, it } from "vitest";
import { verifyPassword } from "../auth/passwords.ts";
import { GOOD_PASSWORD, NOW, refusal, useDataFolder } from "./data-testing.ts";

const folder = useDataFolder();
const NEW_PASSWORD = "morning walk by the river";

const accountOf = (email: string) =>
  folder.withRepository((repository) => repository.userByEmail(email));

const sessionsOf = (userId: string) =>
  folder.withRepository(async (repository) => {
    const tokens = ["a", "b"].map((n) => `${userId}-${n}`);
    const found = await Promise.all(tokens.map((t) => repository.sessionByTokenHash(t, NOW)));
    return found.filter(Boolean).length;
  });

const signIn = (userId: string) =>
  folder.withRepository(async (repository) => {
    for (const n of ["a", "b"]) {
      const expiresAt = new Date(NOW.getTime() + 86_400_000);
      await repository.createSession({ tokenHash: `${userId}-${n}`, userId, now: NOW, expiresAt });
    }
  });

describe("limber user add", () => {
  it("adds an account with the password in LIMBER_PASSWORD, without asking", async () => {
    const run = await folder.limber(["user", "add", "Ana@Example.org"], {
      env: { LIMBER_PASSWORD: GOOD_PASSWORD },
    });
    expect(run).toEqual({ status: 0, stdout: "Added ana@example.org\n", stderr: "", prompts: [] });
    const ana = await accountOf("ana@example.org");
    expect(ana?.createdAt).toEqual(NOW);
    expect(ana?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(ana?.passwordHash ?? "", GOOD_PASSWORD)).toBe(true);
  });

  it("asks for the password when LIMBER_PASSWORD is not set", async () => {
    const run = await folder.limber(["user", "add", "ben@example.org"], {
      typed: [GOOD_PASSWORD],
    });
    expect(run).toMatchObject({ status: 0, prompts: ["Password for ben@example.org: "] });
    const ben = await accountOf("ben@example.org");
    expect(await verifyPassword(ben?.passwordHash ?? "", GOOD_PASSWORD)).toBe(true);
  });

  it.each([
    ["short", "calm", "Please use at least 8 characters; a short phrase works well."],
    [
      "one of the most common",
      "password123",
      "That password is one of the most common, so it is easy to guess; try a phrase of your own.",
    ],
    [
      "the email's own name",
      "Cleo.Walker",
      "A password that matches your email address is easy to guess; try something else.",
    ],
    [
      "the email itself",
      "cleo.walker@example.org",
      "A password that matches your email address is easy to guess; try something else.",
    ],
  ])("refuses a password that is %s, in sign-up's words", async (_, password, sentence) => {
    const run = await folder.limber(["user", "add", "cleo.walker@example.org"], {
      env: { LIMBER_PASSWORD: password },
    });
    expect(refusal(run)).toBe(sentence);
    expect(await accountOf("cleo.walker@example.org")).toBeUndefined();
  });

  it("refuses when no password comes", async () => {
    const run = await folder.limber(["user", "add", "dev@example.org"], { typed: [undefined] });
    expect(refusal(run)).toBe(
      "no password given; set LIMBER_PASSWORD, type it when asked, or pipe it on stdin",
    );
  });

  it("refuses an email already in use, in any letter case, before asking for a password", async () => {
    await folder.addPerson("ana@example.org");
    const run = await folder.limber(["user", "add", "ANA@example.org"]);
    expect(refusal(run)).toBe("an account with the email ana@example.org already exists");
    expect(run.prompts).toEqual([]);
  });

  it.each<[string[], string]>([
    [["user", "add", "not an email"], '"not an email" is not an email address'],
    [["user", "add"], "user add needs EMAIL; see limber user --help"],
    [
      ["user", "add", "a@example.org", "b@example.org"],
      "user add: unexpected argument 'b@example.org'; see limber user --help",
    ],
    [
      ["user", "add", "a@example.org", "--json"],
      "user add: unknown option '--json'; see limber user add --help",
    ],
    [["user"], "user needs one of add, list, delete or reset-password; see limber user --help"],
    [
      ["user", "remove", "a@example.org"],
      'user needs one of add, list, delete or reset-password, not "remove"; see limber user --help',
    ],
    [
      ["user", "list", "everyone"],
      "user list: unexpected argument 'everyone'; see limber user --help",
    ],
  ])("limber %j is refused in one line", async (argv, message) => {
    expect(refusal(await folder.limber(argv, { env: { LIMBER_PASSWORD: GOOD_PASSWORD } }))).toBe(
      message,
    );
  });
});

describe("limber user list", () => {
  it("lists each account with the day it was added and its number of events", async () => {
    await folder.addPerson("ana@example.org", 3);
    await folder.addPerson("benedict.long-name@example.org");
    const run = await folder.limber(["user", "list"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        "EMAIL                           ADDED       EVENTS",
        "ana@example.org                 2026-11-02       3",
        "benedict.long-name@example.org  2026-11-02       0",
        "",
      ].join("\n"),
    );
  });

  it("prints JSON with --json", async () => {
    await folder.addPerson("ana@example.org", 2);
    const run = await folder.limber(["user", "list", "--json"]);
    expect(JSON.parse(run.stdout)).toEqual([
      { email: "ana@example.org", createdAt: "2026-11-02T09:30:00.000Z", events: 2 },
    ]);
  });

  it("says how to add the first account when there is none", async () => {
    const run = await folder.limber(["user", "list"]);
    expect(run.stdout).toBe("No accounts yet; add one with limber user add EMAIL\n");
  });
});

describe("limber user delete", () => {
  it("without --yes, says what would go and deletes nothing", async () => {
    const ana = await folder.addPerson("ana@example.org", 12);
    const run = await folder.limber(["user", "delete", "ana@example.org"]);
    expect(refusal(run)).toBe(
      "deleting ana@example.org removes the account, its 12 events and all its sessions, for good; add --yes to delete",
    );
    expect(await accountOf(ana.email)).toBeDefined();
  });

  it("with --yes, deletes the account, its events and its sessions, and no one else's", async () => {
    const ana = await folder.addPerson("ana@example.org", 1);
    const ben = await folder.addPerson("ben@example.org", 4);
    await signIn(ana.id);
    await signIn(ben.id);
    const run = await folder.limber(["user", "delete", "ANA@example.org", "--yes"]);
    expect(run.stdout).toBe(
      "Deleted ana@example.org: the account, its 1 event and all its sessions\n",
    );
    expect(await accountOf("ana@example.org")).toBeUndefined();
    expect(await sessionsOf(ana.id)).toBe(0);
    expect(await sessionsOf(ben.id)).toBe(2);
    expect(await folder.withRepository((r) => r.countEvents(ben.id))).toBe(4);
  });

  it("refuses an email with no account", async () => {
    const run = await folder.limber(["user", "delete", "nobody@example.org", "-y"]);
    expect(refusal(run)).toBe(
      'no account has the email "nobody@example.org"; see limber user list',
    );
  });
});

describe("limber user reset-password", () => {
  it("sets the new password and signs the person out on every device", async () => {
    const ana = await folder.addPerson("ana@example.org");
    const ben = await folder.addPerson("ben@example.org");
    await signIn(ana.id);
    await signIn(ben.id);
    const run = await folder.limber(["user", "reset-password", "ana@example.org"], {
      typed: [NEW_PASSWORD],
    });
    expect(run).toMatchObject({
      status: 0,
      stdout: "Set a new password for ana@example.org and signed them out on every device\n",
      prompts: ["Password for ana@example.org: "],
    });
    const after = await accountOf("ana@example.org");
    expect(await verifyPassword(after?.passwordHash ?? "", NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(after?.passwordHash ?? "", GOOD_PASSWORD)).toBe(false);
    expect(after?.passwordChangedAt).toEqual(NOW);
    expect(await sessionsOf(ana.id)).toBe(0);
    expect(await sessionsOf(ben.id)).toBe(2);
  });

  it("keeps the old password and the sessions when the new one is too weak", async () => {
    const ana = await folder.addPerson("ana@example.org");
    await signIn(ana.id);
    const run = await folder.limber(["user", "reset-password", "ana@example.org"], {
      env: { LIMBER_PASSWORD: "qwerty" },
    });
    expect(refusal(run)).toBe("Please use at least 8 characters; a short phrase works well.");
    const after = await accountOf("ana@example.org");
    expect(await verifyPassword(after?.passwordHash ?? "", GOOD_PASSWORD)).toBe(true);
    expect(await sessionsOf(ana.id)).toBe(2);
  });

  it("refuses an unknown email before asking for a password", async () => {
    const run = await folder.limber(["user", "reset-password", "nobody@example.org"]);
    expect(refusal(run)).toMatch(/^no account has the email "nobody@example.org"/);
    expect(run.prompts).toEqual([]);
  });
});

describe("limber user, and the settings it reads", () => {
  it("is listed by limber --help, and has help of its own", async () => {
    expect((await folder.limber(["--help"])).stdout).toMatch(/^ {2}user {5}add, list or delete/m);
    for (const argv of [
      ["user", "--help"],
      ["help", "user"],
      ["user", "delete", "-h"],
    ]) {
      expect((await folder.limber(argv)).stdout).toMatch(/^Usage: limber user add EMAIL\n/);
    }
  });

  it("refuses a database setting the server would refuse, in the server's words", async () => {
    const run = await folder.limber(["user", "list"], {
      env: { LIMBER_DATABASE_URL: "mysql://root:s3cret@db.example.org/limber" },
    });
    expect(refusal(run)).toBe(
      "LIMBER_DATABASE_URL must start with postgres:// (leave it unset to use SQLite).",
    );
  });
});
