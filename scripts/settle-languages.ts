// npm run languages:settle
// Settles the language of every stored article as ingest now does: its label
// (normalised to ISO 639-1) checked against its text, else detected. For
// stores filled before ingest did so; run it once after upgrading.
import { env } from "../lib/server/env";
import { prepareStore } from "../lib/server/db/prepare";
import { settleLanguages } from "../lib/server/ingest/settle-languages";

async function main(): Promise<number> {
  const { db } = await prepareStore(env().DATABASE_URL);
  try {
    const r = await settleLanguages(db, { onProgress: (done, total) => process.stderr.isTTY && process.stderr.write(`\r${done}/${total}`) });
    if (process.stderr.isTTY) process.stderr.write("\n");
    console.log(`read ${r.articles} articles: ${r.changed} got a new language`);
    return 0;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`languages:settle: ${(e as Error).message}`);
    process.exit(1);
  },
);
