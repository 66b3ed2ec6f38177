// What is waiting for an editor now, whatever the window: new articles by how
// long they have waited, open duplicate links, and tag suggestions on new articles not decided.
import "server-only";
import { Prisma } from "../../../prisma/generated/sqlite/client";
import type { Db } from "../db/client";
import { readRows } from "../db/read-rows";
import type { Waiting } from "../../schemas/dashboard";
import { foldWhenMany } from "../articles/facet-counts";
import { instant } from "../articles/article-sql";

const HOUR = 3_600_000;

/** Age buckets, youngest first: [key, label, lower bound in hours]. */
export const AGE_BUCKETS = [
  ["1h", "Under 1 hour", 0],
  ["6h", "1–6 hours", 1],
  ["24h", "6–24 hours", 6],
  ["3d", "1–3 days", 24],
  ["older", "Over 3 days", 72],
] as const;

export async function waiting(db: Db, now: Date): Promise<Waiting> {
  const at = (hours: number) => instant(db, new Date(now.getTime() - hours * HOUR));
  // The buckets of the last 3 days, each an index range on (status, ingestedAt); the oldest is
  // what the new articles kept at write time (decision 022) leave: counting it, most of the new
  // copy of a large store, took 60-190 ms at 1,000,000 articles. One statement, one snapshot.
  const recent = AGE_BUCKETS.slice(0, -1).map(([, , lower], i) => {
    const upper = AGE_BUCKETS[i + 1]![2];
    // The youngest bucket also takes arrivals stamped a little in the future.
    const from = i > 0 ? Prisma.sql` AND a."ingestedAt" <= ${at(lower)}` : Prisma.empty;
    return Prisma.sql`(SELECT count(*) FROM "Article" a WHERE a."status" = 'new' AND a."ingestedAt" > ${at(upper)}${from})`;
  });
  const [row] = await readRows<Record<string, unknown>>(
    db,
    Prisma.sql`SELECT (SELECT coalesce(sum(f."n"), 0) FROM "FacetCount" f WHERE f."status" = 'new' AND f."dim" = 'all') AS "total",
      ${Prisma.join(recent.map((c, i) => Prisma.sql`${c} AS ${Prisma.raw(`"b${i}"`)}`), ", ")}`,
  );
  const counts = recent.map((_, i) => Number(row?.[`b${i}`] ?? 0));
  const total = Number(row?.total ?? 0);
  counts.push(total - counts.reduce((a, b) => a + b, 0));
  const newByAge = AGE_BUCKETS.map(([key, label], i) => ({ key, label, count: counts[i]! }));
  const [kinds, suggested] = await Promise.all([
    db.duplicateLink.groupBy({ by: ["kind"], where: { state: "suggested" }, _count: { _all: true } }),
    // Suggestions on new articles, counted as the queue counts a story's tags (a place only when the
    // story is about it), kept at write time with the filter bar's counts (decision 025): counting
    // them over every new article's tag rows took 0.15 s at 100,000 articles.
    readRows<{ dim: string; n: unknown }>(
      db,
      Prisma.sql`SELECT f."dim", sum(f."n") AS "n" FROM "FacetCount" f WHERE f."status" = 'new' AND f."dim" IN ('sugg', 'suggart') GROUP BY f."dim"`,
    ),
    foldWhenMany(db),
  ]);
  const kept = (dim: string) => Number(suggested.find((r) => r.dim === dim)?.n ?? 0);
  const sameStory = kinds.find((k) => k.kind === "same-story")?._count._all ?? 0;
  const allLinks = kinds.reduce((s, k) => s + k._count._all, 0);
  return {
    newByAge,
    newTotal: newByAge.reduce((s, b) => s + b.count, 0),
    openLinks: { copies: allLinks - sameStory, sameStory },
    suggestedTags: kept("sugg"),
    suggestedTagArticles: kept("suggart"),
  };
}
