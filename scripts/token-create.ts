// npm run token:create -- --name NAME --scopes read,ingest[,triage,admin]
// Makes an API token in the store of DATABASE_URL, for a script or a CMS,
// without a browser (the admin page /admin/tokens does the same). The token
// is printed once; only its hash is kept. Exit 0: made; 1: refused (the name
// is taken); 2: usage error.
import { parseArgs } from "node:util";
import { z } from "zod";
import { prepareStore } from "../lib/server/db/prepare";
import { env } from "../lib/server/env";
import { systemActor } from "../lib/server/audit";
import { createToken } from "../lib/server/auth/tokens";
import { ApiError } from "../lib/server/http/problem";
import { tokenCreate } from "../lib/schemas/tokens";

const USAGE = `usage: npm run token:create -- --name NAME --scopes SCOPES

  Makes an API token for /api/v1 and prints it once. SCOPES is a
  comma-separated list of read, triage, ingest, admin. Send it as
  "Authorization: Bearer <token>" from a server, never from a browser.`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ options: { name: { type: "string" }, scopes: { type: "string" }, help: { type: "boolean", short: "h" } } }));
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const input = tokenCreate.safeParse({ name: values.name, scopes: values.scopes?.split(",").map((s) => s.trim()).filter(Boolean) ?? [] });
  if (!input.success) {
    console.error(`${z.prettifyError(input.error)}\n\n${USAGE}`);
    return 2;
  }
  const { db } = await prepareStore(env().DATABASE_URL);
  try {
    const t = await createToken(db, systemActor("cli"), input.data);
    console.log(`made token "${t.name}" (id ${t.id}) with scopes ${t.scopes.join(", ")}`);
    console.log(`token: ${t.token}\n(shown once: keep it in the client's secret store)`);
    return 0;
  } catch (e) {
    if (e instanceof ApiError) {
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
    console.error(`token:create: ${(e as Error).message}`);
    process.exit(1);
  },
);
