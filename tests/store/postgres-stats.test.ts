// PostgreSQL's planner statistics (lib/server/db/postgres-stats.ts): a store
// filled while autovacuum is off or behind gets them when it is opened again
// (as npm start, the CLI and the worker open it), only tables without them or
// with many rows changed since are analysed, and a table whose statistics are
// current is left alone. On SQLite the same is sqlite-stats.test.ts.
import { afterAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { bytes } from "../support/feeds";
import { wireStories } from "../support/bulk-corpus";
import { migrateStore } from "../../lib/server/db/migrate";
import { analyzeStalePostgres } from "../../lib/server/db/postgres-stats";
import { runIngest } from "../../lib/server/ingest/run-ingest";

const base = { origin: "cli" as const, actor: "test", role: "system" as const, ingestTime: new Date("2026-11-28T12:00:00Z"), defaultSource: "Daily8", bulk: true };

const stores: TestStore[] = [];
afterAll(async () => {
  for (const s of stores) await s.drop();
});

async function ingest(store: TestStore, n: number, seed: number) {
  const lines = wireStories(n, seed).map((s, i) => JSON.stringify({ uri: `stats-${seed}-${i}`, headline: s.title, body_text: s.body }));
  await runIngest(store.db, [{ name: `stats-${seed}.ndjson`, read: async () => bytes(lines.join("\n")) }], base);
}

/** When each table was last analysed, by hand or by autovacuum (null: never). */
async function analysed(store: TestStore): Promise<Map<string, string | null>> {
  const rows = await store.db.$queryRawUnsafe<{ name: string; at: string | null }[]>(
    `SELECT relname AS "name", coalesce(last_analyze, last_autoanalyze)::text AS "at" FROM pg_stat_user_tables WHERE schemaname = current_schema()`,
  );
  return new Map(rows.map((r) => [r.name, r.at]));
}

/** Waits until the statistics views count `rows` changes to "Article" since its last analyse: writers report them a little after they commit. */
async function counted(store: TestStore, rows: number) {
  for (let waited = 0; ; waited += 100) {
    const [r] = await store.db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT n_mod_since_analyze AS "n" FROM pg_stat_user_tables WHERE relname = 'Article' AND schemaname = current_schema()`);
    if (Number(r?.n ?? 0) >= rows) return;
    if (waited > 20_000) throw new Error(`"Article" shows ${r?.n} changed rows, not ${rows}`);
    await new Promise((res) => setTimeout(res, 100));
  }
}

const hasStats = async (store: TestStore, table: string) =>
  (await store.db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS "n" FROM pg_stats WHERE schemaname = current_schema() AND tablename = $1`, table))[0]!.n > 0n;

describe.each(storeKinds().filter((k) => k === "postgres"))("planner statistics on %s", (kind) => {
  it("are made for the tables an import filled when the store is opened again, and then left alone until many rows change", async () => {
    const store = await openStore(kind);
    stores.push(store);
    // Autovacuum may be on in some other deployment: the test store's tables keep out of its way.
    for (const t of ["Article", "ArticleTag", "DedupKey"]) await store.db.$executeRawUnsafe(`ALTER TABLE "${t}" SET (autovacuum_enabled = false)`);
    await ingest(store, 80, 3);
    expect(await hasStats(store, "Article")).toBe(false);

    await migrateStore(store.url);
    expect(await hasStats(store, "Article")).toBe(true);
    expect(await hasStats(store, "ArticleTag")).toBe(true);
    expect(await hasStats(store, "DedupKey")).toBe(true);

    // Current statistics: nothing to do, and nothing is analysed again.
    const before = await analysed(store);
    expect(await analyzeStalePostgres((sql) => store.db.$queryRawUnsafe(sql))).toEqual([]);
    expect(await analysed(store)).toEqual(before);

    // Ten rows more of 80 is under autovacuum's tenth and fifty: left; 200 more is over it.
    await ingest(store, 10, 4);
    await counted(store, 10);
    expect(await analyzeStalePostgres((sql) => store.db.$queryRawUnsafe(sql))).not.toContain("Article");
    await ingest(store, 200, 5);
    await counted(store, 210);
    expect(await analyzeStalePostgres((sql) => store.db.$queryRawUnsafe(sql))).toContain("Article");
  }, 120_000);

  it("are made by a bulk run as it grows a store that had none, batch by batch", async () => {
    const store = await openStore(kind);
    stores.push(store);
    for (const t of ["Article", "ArticleTag", "DedupKey"]) await store.db.$executeRawUnsafe(`ALTER TABLE "${t}" SET (autovacuum_enabled = false)`);
    const lines = wireStories(400, 6).map((s, i) => JSON.stringify({ uri: `grow-${i}`, headline: s.title, body_text: s.body }));
    await runIngest(store.db, [{ name: "grow.ndjson", read: async () => bytes(lines.join("\n")) }], { ...base, batchSize: 50 });
    // The store was empty, so without statistics when opened; the run's later batches found them missing and made them.
    expect(await hasStats(store, "Article")).toBe(true);
    expect(await hasStats(store, "DedupKey")).toBe(true);
  }, 120_000);
});
