import type { Kysely, Selectable } from "kysely";
import { EmailTakenError } from "./errors.ts";
import type { Schema, UsersTable } from "./schema.ts";

export interface User {
  id: string;
  /** Lower-cased. */
  email: string;
  passwordHash: string;
  createdAt: Date;
  passwordChangedAt: Date;
}

export interface NewUser {
  id: string;
  email: string;
  passwordHash: string;
  now: Date;
}

export interface UserStore {
  /** Adds an account; throws EmailTakenError when the email is in use, in any letter case. */
  createUser(user: NewUser): Promise<User>;
  userByEmail(email: string): Promise<User | undefined>;
  userById(id: string): Promise<User | undefined>;
  /** Every account, oldest first. */
  listUsers(): Promise<User[]>;
  /**
   * Stores a new password and ends every session of the person, in one transaction: no session
   * made with the old password outlives the change, and no change is half made.
   */
  setPassword(userId: string, passwordHash: string, now: Date): Promise<void>;
  /** Removes the person and everything of theirs in one transaction; false if there was none. */
  deleteUser(userId: string): Promise<boolean>;
}

/** Emails compare case-insensitively, so they are stored and looked up lower-cased. */
const normaliseEmail = (email: string) => email.trim().toLowerCase();

export function userStore(db: Kysely<Schema>): UserStore {
  return {
    async createUser({ id, email, passwordHash, now }) {
      const row = {
        id,
        email: normaliseEmail(email),
        password_hash: passwordHash,
        created_at: now.toISOString(),
        password_changed_at: now.toISOString(),
      };
      // DO NOTHING rather than catching the unique violation: the same on both dialects, and a
      // failed statement would end a PostgreSQL transaction this might one day run inside.
      const inserted = await db
        .insertInto("users")
        .values(row)
        .onConflict((conflict) => conflict.column("email").doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!inserted) throw new EmailTakenError();
      return toUser(row);
    },

    async userByEmail(email) {
      const row = await db
        .selectFrom("users")
        .selectAll()
        .where("email", "=", normaliseEmail(email))
        .executeTakeFirst();
      return row && toUser(row);
    },

    async userById(id) {
      const row = await db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
      return row && toUser(row);
    },

    async listUsers() {
      const rows = await db
        .selectFrom("users")
        .selectAll()
        .orderBy("created_at")
        .orderBy("email")
        .execute();
      return rows.map(toUser);
    },

    async setPassword(userId, passwordHash, now) {
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable("users")
          .set({ password_hash: passwordHash, password_changed_at: now.toISOString() })
          .where("id", "=", userId)
          .execute();
        await trx.deleteFrom("auth_sessions").where("user_id", "=", userId).execute();
      });
    },

    async deleteUser(userId) {
      // The foreign keys cascade too; deleting each table by name keeps the promise without
      // leaning on SQLite's foreign_keys pragma being on.
      return db.transaction().execute(async (trx) => {
        await trx.deleteFrom("push_subscriptions").where("user_id", "=", userId).execute();
        await trx.deleteFrom("events").where("user_id", "=", userId).execute();
        await trx.deleteFrom("user_seq").where("user_id", "=", userId).execute();
        await trx.deleteFrom("auth_sessions").where("user_id", "=", userId).execute();
        const { numDeletedRows } = await trx
          .deleteFrom("users")
          .where("id", "=", userId)
          .executeTakeFirst();
        return numDeletedRows > 0n;
      });
    },
  };
}

function toUser(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    email: row.email,
    passwordHash: row.password_hash,
    createdAt: new Date(row.created_at),
    passwordChangedAt: new Date(row.password_changed_at),
  };
}
