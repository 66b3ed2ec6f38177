// npm run bench:facets -- [--articles 100000] [--url file:/tmp/x.db | postgresql://…/DB]
//
// The filter bar's counts with no filter but status and view (the queue as it
// opens, each status tab) on a large store: the recount over the articles
// (computeFacets, what every such count was before decision 022) against the
// counts kept at write time (facetsFromCounts), on the same store in the same
// process, as a ratio; then "cold" counts after a change, through the cache
// the desk uses; the queue's total; and the cost of folding the kept rows.
// With --url, a store that already holds articles is measured as it is.
import { parseArgs } from "node:util";
import { loadavg } from "node:os";
import { dbKind } from "../lib/server/db/client";
import { closeReader } from "../lib/server/db/read-rows";
import { articleFacets, computeFacets } from "../lib/server/articles/article-facets";
import { facetsFromCounts, foldFacetCounts, keptTotal } from "../lib/server/articles/facet-counts";
import { resolveTags } from "../lib/server/articles/article-sql";
import { setStatus } from "../lib/server/articles/set-status";
import { systemActor } from "../lib/server/audit";
import { articleFilterParams } from "../lib/schemas/articles";
import { benchStore } from "./bench-seed";

const bench = systemActor("bench");

async function main() {
  const { values } = parseArgs({ options: { articles: { type: "string", default: "100000" }, url: { type: "string" }, runs: { type: "string", default: "7" } } });
  const n = Number(values.articles);
  const runs = Number(values.runs);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--articles must be a positive whole number, not "${values.articles}"`);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive whole number, not "${values.runs}"`);
  const { db, done } = await benchStore(values.url, n);
  try {
    const rows = async () => Number((await db.$queryRawUnsafe<{ n: unknown }[]>(`SELECT count(*) AS n FROM "FacetCount"`))[0]!.n);
    const unfolded = await rows();
    const t0 = performance.now();
    await foldFacetCounts(db);
    console.log(`store: ${dbKind(db)}, ${await db.article.count()} articles; ${unfolded} kept count rows folded into ${await rows()} in ${((performance.now() - t0) / 1000).toFixed(1)} s; load average ${loadavg()[0]!.toFixed(2)}`);

    /** Median of `runs` timings after one warm-up. */
    const median = async (f: () => Promise<unknown>) => {
      await f();
      const t: number[] = [];
      for (let i = 0; i < runs; i++) {
        const s = performance.now();
        await f();
        t.push(performance.now() - s);
      }
      return t.sort((a, b) => a - b)[Math.floor(t.length / 2)]!;
    };
    const f = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
    console.log(`\n| counts for | recount (before) | kept counts (after) | ratio |\n|---|---|---|---|`);
    for (const [label, given] of [
      ["the queue as it opens (stories, new)", { status: "new" }],
      ["every status, by story", {}],
      ["reviewed, by article", { status: "reviewed", view: "articles" }],
    ] as const) {
      const p = articleFilterParams.parse(given);
      const before = await median(() => computeFacets(db, p));
      const after = await median(() => facetsFromCounts(db, p));
      console.log(`| ${label} | ${f(before)} | ${f(after)} | ${(before / after).toFixed(0)}× |`);
    }
    // Any other filter is still counted over the chosen articles (decision 022): how long that takes at this size.
    const place = (await facetsFromCounts(db, articleFilterParams.parse({ status: "new" }))).place[0]?.value;
    if (place) {
      const one = articleFilterParams.parse({ status: "new", place });
      console.log(`| new stories in ${place} (recounted, as any filter but status and view is) | ${f(await median(async () => computeFacets(db, await resolveTags(db, one))))} | — | — |`);
    }
    const p = articleFilterParams.parse({ status: "new" });
    const total = await median(async () => {
      const [r] = await db.$queryRawUnsafe<{ n: unknown }[]>(
        `SELECT count(*) AS n FROM "Article" a WHERE a."status" = 'new' AND a."storyLead" = ${dbKind(db) === "postgres" ? "true" : "1"}`,
      );
      return r;
    });
    const kept = await median(() => keptTotal(db, p));
    console.log(`| the queue's total (stories, new) | ${f(total)} | ${f(kept)} | ${(total / kept).toFixed(0)}× |`);

    // Cold: a decision changes the store, and the next count is made afresh (as each web process does).
    const targets = await db.article.findMany({ where: { status: "new" }, take: runs, select: { id: true, version: true } });
    const cold: number[] = [];
    for (const a of targets) {
      await setStatus(db, a.id, "reviewed", a.version, bench);
      const s = performance.now();
      await articleFacets(db, { status: "new" }, bench);
      cold.push(performance.now() - s);
    }
    cold.sort((a, b) => a - b);
    console.log(`\ncold counts after a decision (the desk's path, cache and all), ${cold.length} decisions: median ${f(cold[Math.floor(cold.length / 2)]!)}, worst ${f(cold.at(-1)!)}`);

    const before = await rows();
    const s = performance.now();
    await foldFacetCounts(db);
    console.log(`folding ${before} kept count rows into ${await rows()}: ${f(performance.now() - s)}`);
  } finally {
    await closeReader(db);
    await done();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
