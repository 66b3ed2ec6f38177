// npm run db:migrate: creates the store of DATABASE_URL if needed and applies pending migrations.
import { env, storeKind } from "../lib/server/env";
import { migrateStore, redact } from "../lib/server/db/migrate";

const url = env().DATABASE_URL;
migrateStore(url).then(
  (r) => console.log(`${storeKind(url)} ${redact(url)}: applied ${r.applied.length ? r.applied.join(", ") : "nothing"} (${r.alreadyApplied} already applied)`),
  (e) => {
    console.error(`db:migrate: ${(e as Error).message}`);
    process.exit(1);
  },
);
