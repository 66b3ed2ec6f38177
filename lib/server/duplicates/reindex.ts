// Articles indexed under another fingerprint configuration get the current
// one's keys. Without this a store written before a change to what the index
// keeps (011's name bands, its addendum's lead bands) finds its older copy
// only through the keys both configurations share, and a bulk run cannot hold
// its index in memory (its removals fingerprint texts under the current one).
import "server-only";
import { Prisma } from "../../../prisma/generated/sqlite/client";
import type { Db } from "../db/client";
import { configId, DEFAULT_FINGERPRINT_CONFIG } from "../../dedup/config";
import { fingerprint, indexKeys } from "../../dedup/fingerprint";

/** Articles re-indexed per transaction: short writes, so ingest and the desk wait little. */
const PAGE = 500;

/** How many articles carry keys of another configuration (a text never fingerprinted has none: NULL). */
export async function staleIndexCount(db: Db): Promise<number> {
  return db.article.count({ where: { dedupConfig: { not: null }, NOT: { dedupConfig: configId(DEFAULT_FINGERPRINT_CONFIG) } } });
}

/**
 * Re-indexes every article whose keys were made under another configuration,
 * a page at a time, and returns how many it re-indexed. Each page claims its
 * articles by setting their configuration first, so two processes starting
 * on one store at once never index an article twice.
 */
export async function reindexStale(db: Db, onProgress?: (done: number, total: number) => void): Promise<number> {
  const current = configId(DEFAULT_FINGERPRINT_CONFIG);
  const total = await staleIndexCount(db);
  if (total === 0) return 0;
  let done = 0;
  let after = 0;
  for (;;) {
    const page = await db.article.findMany({
      where: { id: { gt: after }, dedupConfig: { not: null }, NOT: { dedupConfig: current } },
      select: { id: true },
      orderBy: { id: "asc" },
      take: PAGE,
    });
    if (page.length === 0) break;
    after = page[page.length - 1]!.id;
    done += await db.$transaction(async (tx) => {
      const claimed = await tx.$queryRaw<{ id: number | bigint; bodyText: string }[]>`
        UPDATE "Article" SET "dedupConfig" = ${current}
        WHERE "id" IN (${Prisma.join(page.map((a) => a.id))}) AND "dedupConfig" <> ${current}
        RETURNING "id", "bodyText"`;
      if (claimed.length === 0) return 0;
      // Only the rows that differ are written: a new kind of key leaves the others as they were, and the
      // (band, key) index's writes are most of what re-indexing costs.
      const ids = claimed.map((a) => Number(a.id));
      const had = new Map<number, Set<string>>(ids.map((id) => [id, new Set()]));
      for (const r of await tx.dedupKey.findMany({ where: { articleId: { in: ids } }, select: { articleId: true, band: true, key: true } })) {
        had.get(r.articleId)?.add(`${r.band}:${r.key}`);
      }
      const added: { articleId: number; band: number; key: number }[] = [];
      for (const a of claimed) {
        const articleId = Number(a.id);
        const old = had.get(articleId)!;
        for (const k of indexKeys(fingerprint(a.bodyText))) {
          if (!old.delete(`${k.band}:${k.key}`)) added.push({ articleId, band: k.band, key: k.key });
        }
        // What is left of the old rows is no longer a key of the text.
        if (old.size) {
          const gone = [...old].map((bk) => bk.split(":").map(Number) as [number, number]);
          await tx.dedupKey.deleteMany({ where: { articleId, OR: gone.map(([band, key]) => ({ band, key })) } });
        }
      }
      if (added.length) await tx.dedupKey.createMany({ data: added });
      return claimed.length;
    });
    onProgress?.(done, total);
  }
  return done;
}
