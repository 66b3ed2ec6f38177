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
  return Prisma.sql`a."id" IN (SELECT rowid FROM "ArticleSearch" WHERE "ArticleSearch" MATCH ${ftsQuery(terms)})`;
}

/** FTS5's query for these words: each a phrase, the last also a prefix (search as you type). */
const ftsQuery = (terms: string[]) => terms.map((t, i) => `"${t}"${i === terms.length - 1 ? "*" : ""}`).join(" ");

/**
 * A page of search results on SQLite, newest first, read from the search
 * index in rowid order and stopped at the page: `searchSql` as a condition
 * would first collect every match (19,000 ids for "bank" at 100,000 articles,
 * 6 ms) to cut 50 from them. `rest` is every other filter over "Article" a.
 * Null on PostgreSQL, whose planner already reads the id index backwards and
 * checks each row's tsvector; and for a query with no words.
 */
export function sqliteSearchPageSql(db: Db, q: string, rest: Prisma.Sql, bounds: { after?: number; before?: number }, limit: number): Prisma.Sql | null {
  const terms = searchTerms(q);
  if (dbKind(db) !== "sqlite" || terms.length === 0) return null;
  const and = [Prisma.sql`f."ArticleSearch" MATCH ${ftsQuery(terms)}`, rest];
  if (bounds.after !== undefined) and.push(Prisma.sql`f.rowid > ${bounds.after}`);
  if (bounds.before !== undefined) and.push(Prisma.sql`f.rowid < ${bounds.before}`);
  return Prisma.sql`SELECT a."id" FROM "ArticleSearch" f JOIN "Article" a ON a."id" = f.rowid
    WHERE ${Prisma.join(and, " AND ")} ORDER BY f.rowid DESC LIMIT ${limit}`;
}
