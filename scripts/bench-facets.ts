// npm run bench:facets -- [--articles 100000] [--url file:/tmp/x.db | postgresql://…/DB] [--runs 7] [--filtered-only]
//
// The filter bar's counts with no filter but status and view (the queue as it
// opens, each status tab) on a large store: the recount over the articles
// (computeFacets, what every such count was before decision 022) against the
// counts kept at write time (facetsFromCounts), on the same store in the same
// process, as a ratio; then "cold" counts after a change, through the cache
// the desk uses; the queue's total; and the cost of folding the kept rows.
// Then the counts under other filters: the store's count against each
// process's in-memory index (decision 026).
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
import { facetIndex, indexFacets } from "../lib/server/articles/facet-index";
import type { Db } from "../lib/server/db/client";

const bench = systemActor("bench");

async function main() {
  const { values } = parseArgs({
    options: { articles: { type: "string", default: "100000" }, url: { type: "string" }, runs: { type: "string", default: "7" }, "filtered-only": { type: "boolean", default: false } },
  });
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
    if (values["filtered-only"]) return await filteredCounts(db, median, f, runs);
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

    await filteredCounts(db, median, f, runs);

    const before = await rows();
    const s = performance.now();
    await foldFacetCounts(db);
    console.log(`folding ${before} kept count rows into ${await rows()}: ${f(performance.now() - s)}`);
  } finally {
    await closeReader(db);
    await done();
  }
}

/**
 * Counts under other filters (decision 026): the store's count over the chosen
 * articles against the process's in-memory index, on the same store, as a
 * ratio; the index's load time and memory; and cold counts after a decision
 * through the desk's path (the index brought up to date, then counted).
 */
async function filteredCounts(db: Db, median: (f: () => Promise<unknown>) => Promise<number>, f: (ms: number) => string, runs: number) {
  const heap = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  let t = performance.now();
  const index = await facetIndex(db, { min: 0, wait: true });
  const loaded = performance.now() - t;
  const grown = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers - heap;
  console.log(
    `\nthe in-memory index: loaded in ${f(loaded)} (${index!.articles} articles), holding ${(index!.bytes() / 2 ** 20).toFixed(1)} MiB ` +
      `(${(index!.bytes() / index!.articles).toFixed(0)} bytes an article; the process grew ${(grown / 2 ** 20).toFixed(0)} MiB while loading)`,
  );
  const all = await facetsFromCounts(db, articleFilterParams.parse({}));
  const [place, place2] = all.place.map((x) => x.value);
  const [topic] = all.topic.map((x) => x.value);
  const [source] = all.source.map((x) => x.value);
  const cases: [string, Record<string, string>][] = [
    [`place ${place}`, { place: place! }],
    [`topic ${topic}`, { topic: topic! }],
    [`places ${place},${place2}`, { place: `${place},${place2}` }],
    [`source ${source}, new`, { source: source!, status: "new" }],
    ["has duplicates", { duplicates: "yes" }],
    [`place ${place}, topic ${topic}, new`, { place: place!, topic: topic!, status: "new" }],
    ["7 days, by article", { range: "7d", view: "articles" }],
    ["search: oil", { q: "oil" }],
  ];
  console.log(`\n| counts under | store count | in-memory index | ratio |\n|---|---|---|---|`);
  for (const [label, given] of cases) {
    const p = await resolveTags(db, articleFilterParams.parse(given));
    const store = await median(() => computeFacets(db, p));
    const mem = await median(() => indexFacets(db, p, { min: 0, wait: true }));
    console.log(`| ${label} | ${f(store)} | ${f(mem)} | ${(store / mem).toFixed(0)}× |`);
  }
  const targets = await db.article.findMany({ where: { status: "new" }, orderBy: { id: "desc" }, take: runs, select: { id: true, version: true } });
  const cold: number[] = [];
  for (const a of targets) {
    await setStatus(db, a.id, "spiked", a.version, bench);
    t = performance.now();
    await articleFacets(db, { place: place! }, bench);
    cold.push(performance.now() - t);
  }
  cold.sort((a, b) => a - b);
  console.log(`\ncold counts under place ${place} after a decision (the desk's path), ${cold.length} decisions: median ${f(cold[Math.floor(cold.length / 2)]!)}, worst ${f(cold.at(-1)!)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
