// npm run tags:rescore -- [--since DATE]
// Suggests topics and places again for stored articles with the newsroom's
// current model; editors' accepted, rejected and added tags stay as they are.
import { parseArgs } from "node:util";
import { env } from "../lib/server/env";
import { prepareStore } from "../lib/server/db/prepare";
import { rescoreArticles } from "../lib/server/tags/rescore";

async function main(): Promise<number> {
  let since: Date | undefined;
  try {
    const { values } = parseArgs({ options: { since: { type: "string" } } });
    if (values.since) {
      since = new Date(values.since);
      if (Number.isNaN(since.getTime())) throw new Error(`--since: not a date: ${values.since}`);
    }
  } catch (e) {
    console.error(`${(e as Error).message}\n\nusage: npm run tags:rescore -- [--since DATE]`);
    return 2;
  }
  const { db } = await prepareStore(env().DATABASE_URL);
  try {
    const r = await rescoreArticles(db, { since, onProgress: (done, total) => process.stderr.isTTY && process.stderr.write(`\r${done}/${total}`) });
    if (process.stderr.isTTY) process.stderr.write("\n");
    console.log(`re-scored ${r.articles} articles: ${r.suggestions} open suggestions`);
    return 0;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`tags:rescore: ${(e as Error).message}`);
    process.exit(1);
  },
);
