// npm run user:create -- --email EMAIL --name NAME --role admin|editor|viewer [--password PW]
// Creates a desk user in the store of DATABASE_URL (the first admin, say).
// Without --password one is generated and printed once. Exit 0: created;
// 1: refused (exists already); 2: usage error.
import { parseArgs } from "node:util";
import { z } from "zod";
import { prepareStore } from "../lib/server/db/prepare";
import { env } from "../lib/server/env";
import { systemActor } from "../lib/server/audit";
import { createUser, generatePassword, UserError } from "../lib/server/users";
import { newUser } from "../lib/schemas/users";

const USAGE = `usage: npm run user:create -- --email EMAIL --name NAME --role admin|editor|viewer [--password PASSWORD]

  Creates a user who can sign in to the desk. Without --password, a random
  one is generated and printed once. Roles: admin (users, sources, taxonomy),
  editor (triage), viewer (read only).`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, password: { type: "string" }, help: { type: "boolean", short: "h" } },
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const input = newUser.safeParse({ email: values.email, name: values.name ?? values.email?.split("@")[0], role: values.role, password: values.password });
  if (!input.success) {
    console.error(`${z.prettifyError(input.error)}\n\n${USAGE}`);
    return 2;
  }
  const { db } = await prepareStore(env().DATABASE_URL);
  try {
    const password = input.data.password ?? generatePassword();
    const user = await createUser(db, { ...input.data, password }, systemActor("cli"));
    console.log(`created ${user.role} ${user.email} (id ${user.id})`);
    if (!input.data.password) console.log(`password: ${password}\n(shown once: give it to ${user.name} and have them keep it safe)`);
    return 0;
  } catch (e) {
    if (e instanceof UserError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`user:create: ${(e as Error).message}`);
    process.exit(1);
  },
);
