// The filter bar's counts when no filter but status and view is chosen (the
// queue as it opens, and each status tab), read from the counts the store
// keeps at write time (the FacetCount rows the migration facet_counts writes
// from triggers) instead of recounting every article: the recount took
// 0.7-1.3 s at 100,000 articles after every change (decision 022). With any
// other filter the counts are made as before (article-facets.ts).
import "server-only";
import { Prisma } from "../../../prisma/generated/sqlite/client";
import { dbKind, type Db } from "../db/client";
import { readRows } from "../db/read-rows";
import { workflowStatus } from "../../schemas/vocabulary";
import type { ArticleFacets, FacetCount } from "../../schemas/articles";
import { statusFilter, type Filters } from "./article-sql";

/** Signed rows past which they are folded into one row per count (a read sums them all). */
export const FOLD_AT = 20_000;

const byCount = (a: FacetCount, b: FacetCount) => b.count - a.count || a.label.localeCompare(b.label);
const num = (v: unknown) => Number(v);


const leadSql = (db: Db, p: Filters) =>
  p.view === "articles" ? Prisma.sql`1 = 1` : dbKind(db) === "postgres" ? Prisma.sql`f."lead" = true` : Prisma.sql`f."lead" = 1`;

/** The queue's total under these filters, from the kept counts (countsKept(p) must hold). */
export async function keptTotal(db: Db, p: Filters): Promise<number> {
  const status = statusFilter(p);
  const [r] = await readRows<{ n: unknown }>(
    db,
    Prisma.sql`SELECT coalesce(sum(f."n"), 0) AS n FROM "FacetCount" f WHERE f."dim" = 'all' AND ${leadSql(db, p)}${status ? Prisma.sql` AND f."status" = ${status}` : Prisma.empty}`,
  );
  return num(r?.n);
}

/** The same facets computeFacets (article-facets.ts) counts, from the kept counts; a store test holds them equal. */
export async function facetsFromCounts(db: Db, p: Filters): Promise<ArticleFacets> {
  // By story (the default) only story leads count; by article every row does.
  const lead = leadSql(db, p);
  const [rows] = await Promise.all([
    readRows<{ status: string; dim: string; ref: unknown; n: unknown }>(
      db,
      Prisma.sql`SELECT f."status", f."dim", f."ref", sum(f."n") AS n FROM "FacetCount" f WHERE ${lead}
        GROUP BY f."status", f."dim", f."ref" HAVING sum(f."n") <> 0`,
    ),
    foldWhenMany(db),
  ]);

  const chosen = statusFilter(p);
  const statusCount = new Map<string, number>();
  const under = new Map<string, Map<number, number>>(); // dim -> ref -> count, under the chosen status
  for (const r of rows) {
    const n = num(r.n);
    if (r.dim === "all") statusCount.set(r.status, (statusCount.get(r.status) ?? 0) + n);
    if (chosen && r.status !== chosen) continue;
    let m = under.get(r.dim);
    if (!m) under.set(r.dim, (m = new Map()));
    const ref = num(r.ref);
    m.set(ref, (m.get(ref) ?? 0) + n);
  }
  const positive = (dim: string) => [...(under.get(dim) ?? new Map<number, number>()).entries()].filter(([, n]) => n > 0);
  const tagIds = [...positive("place"), ...positive("topic")].map(([id]) => id);
  const sourceIds = positive("source").map(([id]) => id);
  const [tags, sources] = await Promise.all([
    tagIds.length
      ? readRows<{ id: unknown; code: string; name: string; hidden: unknown }>(db, Prisma.sql`SELECT "id", "code", "name", "hidden" FROM "Tag" WHERE "id" IN (${Prisma.join(tagIds)})`)
      : [],
    sourceIds.length ? readRows<{ id: unknown; name: string }>(db, Prisma.sql`SELECT "id", "name" FROM "Source" WHERE "id" IN (${Prisma.join(sourceIds)})`) : [],
  ]);
  const tag = new Map(tags.map((t) => [num(t.id), t]));
  const sourceName = new Map(sources.map((s) => [num(s.id), s.name]));
  const tagFacet = (dim: "place" | "topic"): FacetCount[] =>
    positive(dim)
      .flatMap(([id, count]) => {
        const t = tag.get(id);
        // A hidden tag is not offered; a tag gone since is not either.
        return t && !(t.hidden === true || num(t.hidden) === 1) ? [{ value: t.code, label: t.name, count }] : [];
      })
      .sort(byCount);
  const dup = under.get("dup") ?? new Map<number, number>();
  const yes = dup.get(1) ?? 0;
  return {
    total: chosen ? (statusCount.get(chosen) ?? 0) : [...statusCount.values()].reduce((a, b) => a + b, 0),
    status: workflowStatus.options.map((s) => ({ value: s, label: s, count: statusCount.get(s) ?? 0 })),
    place: tagFacet("place"),
    topic: tagFacet("topic"),
    source: positive("source")
      .map(([id, count]) => ({ value: String(id), label: sourceName.get(id) ?? `source ${id}`, count }))
      .sort(byCount),
    duplicates: [
      { value: "yes", label: "Has duplicates", count: yes },
      { value: "no", label: "No duplicates", count: dup.get(0) ?? 0 },
    ],
  };
}

/** What folding needs of a connection: Prisma's (the desk) or the bulk path's own (ingest, whose Conn fits). */
export interface FoldRunner {
  kind: "sqlite" | "postgres";
  all<T>(sql: string, params?: number[]): Promise<T[]>;
  run(sql: string, params?: number[]): Promise<void>;
}

const COLUMNS = `"lead", "status", "dim", "ref"`;

/**
 * Folds the signed rows into one row per count with its sum (none for a sum of
 * 0); every sum stays what it was. PostgreSQL does it in one statement that
 * takes the rows it deletes: writers meanwhile add rows it does not touch, and
 * two folds at once never fold a row twice. SQLite does it under the write
 * lock, which its first statement takes (the bulk path holds it already).
 */
export async function foldWith(r: FoldRunner): Promise<void> {
  if (r.kind === "postgres") {
    await r.run(
      `WITH last AS (SELECT max("id") AS id FROM "FacetCount"),
        gone AS (DELETE FROM "FacetCount" WHERE "id" <= (SELECT id FROM last) RETURNING ${COLUMNS}, "n")
      INSERT INTO "FacetCount" (${COLUMNS}, "n") SELECT ${COLUMNS}, sum("n") FROM gone GROUP BY ${COLUMNS} HAVING sum("n") <> 0`,
    );
    return;
  }
  await r.run(`DELETE FROM "FacetCount" WHERE "id" < 0`);
  const [last] = await r.all<{ id: unknown }>(`SELECT max("id") AS id FROM "FacetCount"`);
  const upTo = num(last?.id ?? 0);
  if (!upTo) return;
  await r.run(`INSERT INTO "FacetCount" (${COLUMNS}, "n") SELECT ${COLUMNS}, sum("n") FROM "FacetCount" WHERE "id" <= ? GROUP BY ${COLUMNS} HAVING sum("n") <> 0`, [upTo]);
  await r.run(`DELETE FROM "FacetCount" WHERE "id" <= ?`, [upTo]);
}

/** Folds when the rows have piled up past FOLD_AT (the bulk path calls it in each batch's transaction). */
export async function foldIfMany(r: FoldRunner): Promise<void> {
  const [s] = await r.all<{ span: unknown }>(`SELECT coalesce(max("id") - min("id") + 1, 0) AS span FROM "FacetCount"`);
  if (num(s?.span) > FOLD_AT) await foldWith(r);
}

/** Starts a fold when the rows have piled up past FOLD_AT; a read that sums them does not wait for it (folding is a write). */
export async function foldWhenMany(db: Db): Promise<void> {
  const [span] = await readRows<{ span: unknown }>(db, Prisma.sql`SELECT coalesce(max("id") - min("id") + 1, 0) AS span FROM "FacetCount"`, { prepared: true });
  if (num(span?.span) > FOLD_AT) void foldFacetCounts(db).catch((e: unknown) => console.warn(`facet counts: could not fold: ${(e as Error).message}`));
}

const folding = new WeakSet<Db>();

/** The desk's fold, through Prisma, in a transaction of its own; one at a time per process. */
export async function foldFacetCounts(db: Db): Promise<void> {
  if (folding.has(db)) return;
  folding.add(db);
  try {
    const kind = dbKind(db);
    await db.$transaction(async (tx) => {
      await foldWith({
        kind,
        all: (sql, params = []) => tx.$queryRawUnsafe(sql, ...params),
        run: async (sql, params = []) => void (await tx.$executeRawUnsafe(sql, ...params)),
      });
      // Prisma's default 5 s would end a fold of a large backlog (600,000 rows took 7.7 s on
      // PostgreSQL) every time it was tried, and the reads would go on summing it all.
    }, { timeout: 300_000 });
    // The folded rows are dead tuples PostgreSQL reads past until they are vacuumed; autovacuum is told to come
    // early (the migration), and after the desk's fold there is no reason to wait for it.
    if (kind === "postgres") await db.$executeRawUnsafe(`VACUUM "FacetCount"`);
  } finally {
    folding.delete(db);
  }
}
