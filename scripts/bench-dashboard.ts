// How long the dashboard takes on a large store: seeds N articles (default
// 100,000) over 60 days into a fresh store with tags, sources and duplicate
// links, then times getDashboard per range against the queue's first page
// (findArticles) on the same store, as a ratio.
// npx tsx --conditions=react-server scripts/bench-dashboard.ts [--articles 100000] [--url file:/tmp/x.db | postgresql://...]
// With --url, a store that already holds articles is measured as it is (seed once, measure often).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDb, dbKind, type Db } from "../lib/server/db/client";
import { migrateStore } from "../lib/server/db/migrate";
import { syncTaxonomy } from "../lib/server/tags/sync-taxonomy";
import { getDashboard } from "../lib/server/dashboard/get-dashboard";
import { findArticles } from "../lib/server/articles/find-articles";
import { systemActor } from "../lib/server/audit";

const DAY = 86_400_000;
const bench = systemActor("bench");

async function main() {
  const { values } = parseArgs({ options: { articles: { type: "string", default: "100000" }, url: { type: "string" } } });
  const n = Number(values.articles);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--articles must be a positive whole number, not "${values.articles}"`);
  const dir = values.url ? null : mkdtempSync(path.join(tmpdir(), "wiredesk-bench-"));
  const url = values.url ?? `file:${path.join(dir!, "bench.db")}`;
  await migrateStore(url);
  const db = createDb(url);
  try {
    await syncTaxonomy(db);
    if (await db.article.count()) console.log(`measuring the store as it is: ${await db.article.count()} articles`);
    else await seed(db, n);
    const time = async (f: () => Promise<unknown>) => {
      await f(); // warm
      const runs = 5;
      const s = performance.now();
      for (let i = 0; i < runs; i++) await f();
      return (performance.now() - s) / runs;
    };
    const base = await time(() => findArticles(db, {}, bench));
    console.log(`baseline: the queue's first page ${base.toFixed(0)} ms`);
    for (const range of ["24h", "7d", "30d"] as const) {
      const d = await getDashboard(db, { range }, bench);
      const ms = await time(() => getDashboard(db, { range }, bench));
      console.log(`dashboard ${range}: ${d.articles} articles in range, ${ms.toFixed(0)} ms = ${(ms / base).toFixed(1)}× the queue page`);
    }
  } finally {
    await db.$disconnect();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

async function seed(db: Db, n: number) {
  const topics = await db.tag.findMany({ where: { scheme: "medtop", parentId: null }, select: { id: true } });
  const places: { id: number }[] = [];
  for (const code of ["ES", "FR", "DE", "IT", "UA", "RU", "US", "GB", "CN", "IN", "BR", "TR", "SD", "JP", "AU", "NG", "ZA", "MX", "CA", "PL"])
    places.push(await db.tag.upsert({ where: { scheme_code: { scheme: "iso3166", code } }, create: { scheme: "iso3166", code, name: code }, update: {} }));
  await db.source.createMany({ data: Array.from({ length: 30 }, (_, i) => ({ name: `Source ${i}` })) });
  const sources = await db.source.findMany({ select: { id: true } });
  const now = Date.now();
  // A fixed sequence, so that runs compare.
  let seed = 42;
  const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const t0 = performance.now();
  for (let start = 0; start < n; start += 2000) {
    const rows = Array.from({ length: Math.min(2000, n - start) }, (_, i) => {
      // Arrivals in id order over 60 days, as a desk's store fills; most are reviewed after a day or two.
      const age = (1 - (start + i) / n) * 60 * DAY;
      const ingestedAt = new Date(now - age);
      return {
        uri: `bench-${start + i}`,
        headline: `Story ${start + i}`,
        bodyText: "Body.",
        contentHash: `h${start + i}`,
        sourceId: pick(sources).id,
        ingestedAt,
        firstCreated: new Date(ingestedAt.getTime() - rand() * 2 * 3_600_000),
        status: age < 2 * DAY || rand() < 0.01 ? "new" : "reviewed",
      };
    });
    await db.article.createMany({ data: rows });
    const ids = (await db.article.findMany({ where: { uri: { in: rows.map((r) => r.uri) } }, select: { id: true } })).map((a) => a.id);
    await db.articleTag.createMany({
      data: ids.flatMap((articleId) => {
        const [a, b] = [pick(topics).id, pick(topics).id];
        return [
          { articleId, tagId: a, origin: "machine" },
          ...(b !== a ? [{ articleId, tagId: b, origin: "machine" }] : []),
          { articleId, tagId: pick(places).id, origin: "machine", rel: "main", confidence: 0.9 },
        ];
      }),
    });
    await db.duplicateLink.createMany({
      data: ids.slice(1).filter(() => rand() < 0.1).map((articleId) => ({ articleId, otherId: articleId - 1, kind: "near", score: 0.9 })),
    });
  }
  // autovacuum would analyse the new rows soon after (as bench:desk's store does); without statistics the planner guesses.
  if (dbKind(db) === "postgres") await db.$executeRawUnsafe("ANALYZE");
  console.log(`seeded ${n} articles in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
