// A store of N articles over 60 days for the benchmarks that measure reads at
// size (bench-dashboard.ts, bench-facets.ts): sources, top-level topics,
// places, duplicate links, most copy reviewed after a day or two. Written
// with createMany, so the store's own triggers (full text, kept counts) run.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb, dbKind, type Db } from "../lib/server/db/client";
import { migrateStore } from "../lib/server/db/migrate";
import { syncTaxonomy } from "../lib/server/tags/sync-taxonomy";

const DAY = 86_400_000;

export async function seed(db: Db, n: number) {
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

/**
 * The store at `url` (a new SQLite file when none is given), migrated, with
 * the taxonomy, and seeded with n articles unless it holds some already (seed
 * once, measure often). `done` disconnects and removes a file it made.
 */
export async function benchStore(url: string | undefined, n: number): Promise<{ db: Db; done: () => Promise<void> }> {
  const dir = url ? null : mkdtempSync(path.join(tmpdir(), "wiredesk-bench-"));
  const at = url ?? `file:${path.join(dir!, "bench.db")}`;
  await migrateStore(at);
  const db = createDb(at);
  const done = async () => {
    await db.$disconnect();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
  try {
    await syncTaxonomy(db);
    const have = await db.article.count();
    if (have) console.log(`measuring the store as it is: ${have} articles`);
    else await seed(db, n);
  } catch (e) {
    await done();
    throw e;
  }
  return { db, done };
}

/**
 * An editor's decision on the newest story's first tag row, and back: the dashboard's newest hour
 * is marked, so the next view counts it again (decision 025). What the dashboard benches do before
 * a read "after a change".
 */
export async function decideOnNewest(db: Db): Promise<void> {
  const row = await db.articleTag.findFirst({ orderBy: { articleId: "desc" } });
  if (!row) throw new Error("the store has no tag rows to decide on");
  await db.articleTag.update({ where: { id: row.id }, data: { state: row.state === "accepted" ? "suggested" : "accepted" } });
  await db.articleTag.update({ where: { id: row.id }, data: { state: row.state } });
}
