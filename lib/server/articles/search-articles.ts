// Full-text search, store by store: SQLite's FTS5 table and PostgreSQL's
// tsvector column (both in hand-written migrations). This is the one place
// where the stores' SQL differs; callers get article ids, best match first.
import { Prisma } from "../../../prisma/generated/sqlite/client";
import { dbKind, type Db } from "../db/client";

/** Words of a query, stripped of every operator either search syntax knows. */
export function searchTerms(q: string): string[] {
  return (q.normalize("NFKC").match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
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
