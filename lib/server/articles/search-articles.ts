// Full-text search, store by store: SQLite's FTS5 table and PostgreSQL's
// tsvector column (both in hand-written migrations). This is the one place
// where the stores' SQL differs; callers get article ids, best match first.
import { Prisma } from "../../../prisma/generated/sqlite/client";
import { dbKind, type Db } from "../db/client";

/** Words of a query, stripped of every operator either search syntax knows. */
export function searchTerms(q: string): string[] {
  return (q.normalize("NFKC").match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
}

export async function searchArticleIds(db: Db, q: string, limit = 2000): Promise<number[]> {
  const terms = searchTerms(q);
  if (terms.length === 0) return [];
  if (dbKind(db) === "postgres") {
    // Every word must appear; the last may be the start of a word (typeahead).
    const query = terms.map((t, i) => `${t}${i === terms.length - 1 ? ":*" : ""}`).join(" & ");
    const rows = await db.$queryRaw<{ id: number }[]>`
      SELECT "id" FROM "Article"
      WHERE "search" @@ to_tsquery('simple', wiredesk_unaccent(${query}))
      ORDER BY ts_rank("search", to_tsquery('simple', wiredesk_unaccent(${query}))) DESC, "id" DESC
      LIMIT ${limit}`;
    return rows.map((r) => Number(r.id));
  }
  const query = terms.map((t, i) => `"${t}"${i === terms.length - 1 ? "*" : ""}`).join(" ");
  const rows = await db.$queryRaw<{ id: number | bigint }[]>(
    Prisma.sql`SELECT rowid AS "id" FROM "ArticleSearch" WHERE "ArticleSearch" MATCH ${query} ORDER BY rank LIMIT ${limit}`,
  );
  return rows.map((r) => Number(r.id));
}

/**
 * The search as a condition on "Article" a, for the queue's list and counts:
 * every match, not only the best-ranked, so counts are exact. No words: nothing matches.
 */
export function searchSql(db: Db, q: string): Prisma.Sql {
  const terms = searchTerms(q);
  if (terms.length === 0) return Prisma.sql`1 = 0`;
  if (dbKind(db) === "postgres") {
    const query = terms.map((t, i) => `${t}${i === terms.length - 1 ? ":*" : ""}`).join(" & ");
    return Prisma.sql`a."search" @@ to_tsquery('simple', wiredesk_unaccent(${query}))`;
  }
  const query = terms.map((t, i) => `"${t}"${i === terms.length - 1 ? "*" : ""}`).join(" ");
  return Prisma.sql`a."id" IN (SELECT rowid FROM "ArticleSearch" WHERE "ArticleSearch" MATCH ${query})`;
}
