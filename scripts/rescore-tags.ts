// npm run tags:rescore -- [--since DATE] [--language CODES]
// Suggests topics and places again for stored articles with the newsroom's
// current model; editors' accepted, rejected and added tags stay as they are.
import { parseArgs } from "node:util";
import { env } from "../lib/server/env";
import { prepareStore } from "../lib/server/db/prepare";
import { rescoreArticles } from "../lib/server/tags/rescore";
import { languageValues } from "../lib/schemas/articles";
import { isLanguageCode } from "../lib/schemas/vocabulary";

const USAGE = `usage: npm run tags:rescore -- [--since DATE] [--language CODES]

  --since DATE       only articles ingested since then
  --language CODES   only articles in these languages (ISO 639-1, comma-separated);
                     a code after a minus leaves its copy out: -en is copy known not
                     to be English, tagged before the tagger read the language`;

async function main(): Promise<number> {
  let since: Date | undefined;
  let language: ReturnType<typeof languageValues> | undefined;
  try {
    const { values } = parseArgs({ options: { since: { type: "string" }, language: { type: "string" } } });
    if (values.since) {
      since = new Date(values.since);
      if (Number.isNaN(since.getTime())) throw new Error(`--since: not a date: ${values.since}`);
    }
    if (values.language !== undefined) {
      language = languageValues(values.language);
      const bad = [...language.wanted, ...language.unwanted].find((c) => !/^[a-z]{2}$/.test(c) || !isLanguageCode(c));
      if (bad !== undefined || language.wanted.length + language.unwanted.length === 0)
        throw new Error(`--language: not an ISO 639-1 code: ${JSON.stringify(bad ?? values.language)}`);
    }
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { db } = await prepareStore(env().DATABASE_URL);
  try {
    const r = await rescoreArticles(db, { since, ...(language ? { language } : {}), onProgress: (done, total) => process.stderr.isTTY && process.stderr.write(`\r${done}/${total}`) });
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
