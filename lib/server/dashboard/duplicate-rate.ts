// Per source, the share of its articles in the window that have an open
// (suggested) or confirmed duplicate link on either side: how much of what a
// source sends the desk has already seen. Grouped by the store.
import { Prisma } from "../../../prisma/generated/sqlite/client";
import type { Db } from "../db/client";
import { readRows } from "../db/read-rows";
import type { SourceDuplicateRate } from "../../schemas/dashboard";
import { inWindowSql, windowIdsFromSql, type Window } from "./in-range";

const open = Prisma.sql`l."state" IN ('suggested', 'confirmed')`;

export async function duplicateRate(db: Db, w: Window): Promise<SourceDuplicateRate[]> {
  const rows = await readRows<{ sourceId: unknown; name: string | null; articles: unknown; duplicates: unknown }>(
    db,
    // The linked ids of the window (either side, each once) joined to its articles, rather than
    // an EXISTS per article: PostgreSQL without fresh statistics read every open link for each one.
    Prisma.sql`SELECT a."sourceId" AS "sourceId", s."name", count(*) AS articles, count(d."id") AS duplicates
      FROM "Article" a LEFT JOIN "Source" s ON s."id" = a."sourceId"
      LEFT JOIN (
        SELECT l."articleId" AS "id" FROM "DuplicateLink" l WHERE ${open} AND ${windowIdsFromSql(db, w, Prisma.sql`l."articleId"`)}
        UNION SELECT l."otherId" FROM "DuplicateLink" l WHERE ${open} AND ${windowIdsFromSql(db, w, Prisma.sql`l."otherId"`)}
      ) d ON d."id" = a."id"
      WHERE ${inWindowSql(db, w)}
      GROUP BY a."sourceId", s."name"`,
  );
  return rows
    .map((r) => {
      const sourceId = r.sourceId === null ? null : Number(r.sourceId);
      const c = { articles: Number(r.articles), duplicates: Number(r.duplicates) };
      return { sourceId, name: sourceId === null ? "No source" : (r.name ?? `Source ${sourceId}`), ...c, rate: c.duplicates / c.articles };
    })
    .sort((a, b) => b.rate - a.rate || b.articles - a.articles || a.name.localeCompare(b.name));
}
