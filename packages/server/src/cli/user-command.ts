import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { normaliseEmail } from "../auth/emails.ts";
import { hashPassword, passwordProblem } from "../auth/passwords.ts";
import { EmailTakenError } from "../storage/errors.ts";
import type { Repository } from "../storage/repository.ts";
import { strictly } from "./args.ts";
import { CliInputError } from "./cli-input-error.ts";
import { type Command, jsonText } from "./command.ts";
import type { DataIo } from "./data-io.ts";
import { accountByEmail, counted, serverConfig, withServerData } from "./server-data.ts";

const help = `Usage: limber user add EMAIL
       limber user list [--json]
       limber user delete EMAIL --yes
       limber user reset-password EMAIL

Looks after the accounts on this Limber server, in the database the server uses
(LIMBER_DATA_DIR or LIMBER_DATABASE_URL, read as limber serve reads them). It can
run while the server is running.

Commands:
  add EMAIL              add an account
  list                   every account: its email, the day it was added, its events
  delete EMAIL           delete the account, all its events and all its sessions
  reset-password EMAIL   set a new password and sign the person out on every device

The password for add and reset-password comes from LIMBER_PASSWORD when it is set;
otherwise it is asked for at the terminal (twice, and not shown), or read as one line
from stdin when piped. It follows the same rules as signing up in the app.

Options:
      --json         (list) print the accounts as JSON
  -y, --yes          (delete) delete; without it, delete only says what it would remove
  -h, --help         show this help
`;

/** What one `limber user …` action reads from its command line. */
interface ActionInput {
  email: string;
  json: boolean;
  yes: boolean;
}

/** The user actions' flags are all switches. */
type Switches = Record<string, { type: "boolean"; short?: string; default: boolean }>;

interface Action {
  /** Its flags besides --help. */
  flags: Switches;
  takesEmail: boolean;
  /** Does the work and resolves to what to print. */
  run(repository: Repository, input: ActionInput, data: DataIo): Promise<string>;
}

const ACTIONS: Record<string, Action> = {
  add: { flags: {}, takesEmail: true, run: addUser },
  list: { flags: { json: { type: "boolean", default: false } }, takesEmail: false, run: listUsers },
  delete: {
    flags: { yes: { type: "boolean", short: "y", default: false } },
    takesEmail: true,
    run: deleteUser,
  },
  "reset-password": { flags: {}, takesEmail: true, run: resetPassword },
};

/** `limber user`, with the database settings and password prompt of `data`. */
export function userCommand(data: DataIo): Command {
  return {
    name: "user",
    help,
    async run(args, io) {
      const [name, ...rest] = args;
      if (name === "-h" || name === "--help") {
        io.stdout(help);
        return 0;
      }
      const action = name === undefined ? undefined : ACTIONS[name];
      if (name === undefined || !action) {
        const given = name === undefined ? "" : `, not ${JSON.stringify(name)}`;
        throw new CliInputError(
          "usage",
          `user needs one of add, list, delete or reset-password${given}; see limber user --help`,
        );
      }
      const input = readActionInput(`user ${name}`, action, rest);
      if (input === "help") {
        io.stdout(help);
        return 0;
      }
      const config = serverConfig(data.env);
      io.stdout(await withServerData(config, (repository) => action.run(repository, input, data)));
      return 0;
    },
  };
}

function readActionInput(
  command: string,
  action: Action,
  args: readonly string[],
): ActionInput | "help" {
  const options: Switches = {
    ...action.flags,
    help: { type: "boolean", short: "h", default: false },
  };
  const { values, positionals } = strictly(command, () =>
    parseArgs({ args: [...args], options, allowPositionals: true }),
  );
  if (values.help === true) return "help";
  const [email, extra] = positionals;
  const wanted = action.takesEmail ? 1 : 0;
  if (positionals.length > wanted) {
    const unexpected = action.takesEmail ? extra : email;
    throw new CliInputError(
      "usage",
      `${command}: unexpected argument '${unexpected}'; see limber user --help`,
    );
  }
  if (action.takesEmail && email === undefined) {
    throw new CliInputError("usage", `${command} needs EMAIL; see limber user --help`);
  }
  return { email: email ?? "", json: values.json === true, yes: values.yes === true };
}

async function addUser(repository: Repository, { email }: ActionInput, data: DataIo) {
  const address = normaliseEmail(email);
  if (!address) {
    throw new CliInputError("invalid-email", `${JSON.stringify(email)} is not an email address`);
  }
  // Refused before the password is asked for, so no one types one for nothing.
  if (await repository.userByEmail(address)) throw accountExists(address);
  const password = await newPassword(data, address);
  try {
    await repository.createUser({
      id: randomUUID(),
      email: address,
      passwordHash: await hashPassword(password),
      now: data.now(),
    });
  } catch (error) {
    if (error instanceof EmailTakenError) throw accountExists(address);
    throw error;
  }
  return `Added ${address}\n`;
}

const accountExists = (address: string) =>
  new CliInputError("account-exists", `an account with the email ${address} already exists`);

async function listUsers(repository: Repository, { json }: ActionInput) {
  const users = await repository.listUsers();
  const rows = [];
  for (const user of users) {
    const events = await repository.countEvents(user.id);
    rows.push({ email: user.email, createdAt: user.createdAt.toISOString(), events });
  }
  if (json) return jsonText(rows);
  if (rows.length === 0) return "No accounts yet; add one with limber user add EMAIL\n";
  const width = Math.max("EMAIL".length, ...rows.map((row) => row.email.length)) + 2;
  const line = (email: string, day: string, events: string) =>
    `${email.padEnd(width)}${day.padEnd(12)}${events.padStart(6)}`;
  const lines = rows.map((row) => line(row.email, row.createdAt.slice(0, 10), `${row.events}`));
  return `${[line("EMAIL", "ADDED", "EVENTS"), ...lines].join("\n")}\n`;
}

async function deleteUser(repository: Repository, { email, yes }: ActionInput) {
  const user = await accountByEmail(repository, email);
  const events = counted(await repository.countEvents(user.id), "event");
  if (!yes) {
    throw new CliInputError(
      "not-confirmed",
      `deleting ${user.email} removes the account, its ${events} and all its sessions, for good; add --yes to delete`,
    );
  }
  await repository.deleteUser(user.id);
  return `Deleted ${user.email}: the account, its ${events} and all its sessions\n`;
}

async function resetPassword(repository: Repository, { email }: ActionInput, data: DataIo) {
  const user = await accountByEmail(repository, email);
  const password = await newPassword(data, user.email);
  // Ends every session with it, in one transaction: no session outlives the reset.
  await repository.setPassword(user.id, await hashPassword(password), data.now());
  return `Set a new password for ${user.email} and signed them out on every device\n`;
}

/** The password for an account, from LIMBER_PASSWORD or else asked for; held to sign-up's rules. */
async function newPassword(data: DataIo, email: string): Promise<string> {
  // An empty LIMBER_PASSWORD= in an env file means "not set", as the server's settings do.
  const password = data.env.LIMBER_PASSWORD || (await data.askPassword(`Password for ${email}: `));
  if (!password) {
    throw new CliInputError(
      "no-password",
      "no password given; set LIMBER_PASSWORD, type it when asked, or pipe it on stdin",
    );
  }
  const problem = passwordProblem(password, email);
  if (problem) throw new CliInputError("weak-password", problem);
  return password;
}
