// Per source, the share of its articles in the window that have an open
// (suggested) or confirmed duplicate link on either side: how much of what a
// source sends the desk has already seen. Grouped by the store.
import "server-only";
import { Prisma } from "../../../prisma/generated/sqlite/client";
import type { Db } from "../db/client";
import { readRows } from "../db/read-rows";
import type { SourceDuplicateRate } from "../../schemas/dashboard";
import { inWindowSql, type Window } from "./in-range";

const open = Prisma.sql`l."state" IN ('suggested', 'confirmed')`;

/** `firstId`: firstIdSince(w), null when no article arrived in the window. */
export async function duplicateRate(db: Db, w: Window, firstId: number | null): Promise<SourceDuplicateRate[]> {
  if (firstId === null) return [];
  const rows = await readRows<{ sourceId: unknown; name: string | null; articles: unknown; duplicates: unknown }>(
    db,
    // The linked ids of the window (either side, each once) joined to its articles, rather than
    // an EXISTS per article: PostgreSQL without fresh statistics read every open link for each one.
    // Grouped by +sourceId: by the column itself, SQLite walked every article in the sourceId index's
    // order (to save a sort) instead of the window's range of arrivals.
    Prisma.sql`SELECT +a."sourceId" AS "sourceId", min(s."name") AS "name", count(*) AS articles, count(d."id") AS duplicates
      FROM "Article" a LEFT JOIN "Source" s ON s."id" = a."sourceId"
      LEFT JOIN (
        SELECT l."articleId" AS "id" FROM "DuplicateLink" l WHERE ${open} AND l."articleId" >= ${firstId}
        UNION SELECT l."otherId" FROM "DuplicateLink" l WHERE ${open} AND l."otherId" >= ${firstId}
      ) d ON d."id" = a."id"
      WHERE ${inWindowSql(db, w)}
      GROUP BY +a."sourceId"`,
  );
  return rows
    .map((r) => {
      const sourceId = r.sourceId === null ? null : Number(r.sourceId);
      const c = { articles: Number(r.articles), duplicates: Number(r.duplicates) };
      return { sourceId, name: sourceId === null ? "No source" : (r.name ?? `Source ${sourceId}`), ...c, rate: c.duplicates / c.articles };
    })
    .sort((a, b) => b.rate - a.rate || b.articles - a.articles || a.name.localeCompare(b.name));
}
