// Full-text search, store by store: SQLite's FTS5 table and PostgreSQL's
// tsvector column (both in hand-written migrations). The query is parsed once
// (lib/search/query.ts) and written in each store's syntax here, the one
// place where the stores' SQL differs. Both find the same articles: words
// folded the same way, a phrase's words adjacent, the prefix on the last word.
import "server-only";
import { Prisma } from "../../../prisma/generated/sqlite/client";
import { dbKind, type Db } from "../db/client";
import { parseSearch, type SearchQuery, type SearchTerm } from "../../search/query";
import { expandSearch } from "../../search/expand";

/** Queries expanded lately, by their text: a request reads its query three times or more, and editors repeat theirs. */
const expanded = new Map<string, SearchQuery>();
const EXPANDED_KEPT = 500;

/**
 * A query as the stores run it: parsed, each word standing for its inflected
 * forms and a place's other names (expand.ts). The same text gives the same
 * object (read-only), so its expansion (a stemmer a language) runs once, not
 * once a read: about 5% of a search request at 100,000 articles.
 */
export function searchQuery(q: string): SearchQuery {
  let s = expanded.get(q);
  if (s) {
    // Kept in the order of last use: the oldest goes first.
    expanded.delete(q);
  } else {
    s = expandSearch(parseSearch(q));
    if (expanded.size >= EXPANDED_KEPT) expanded.delete(expanded.keys().next().value!);
  }
  expanded.set(q, s);
  return s;
}

// Words hold only letters and digits (the parser's tokens), so neither syntax needs escaping.

/** FTS5: a term as a quoted phrase, `*` for a prefix. */
const ftsTerm = (t: SearchTerm) => `"${t.words.join(" ")}"${t.prefix ? "*" : ""}`;
const ftsAny = (ts: SearchTerm[]) => (ts.length === 1 ? ftsTerm(ts[0]!) : `(${ts.map(ftsTerm).join(" OR ")})`);

/** FTS5's MATCH text for the wanted terms, the unwanted ones cut out (`NOT`); null when nothing is wanted. */
function ftsMatch(s: SearchQuery): string | null {
  if (s.all.length === 0) return null;
  const wanted = s.all.map(ftsAny).join(" AND ");
  return s.none.length ? `(${wanted}) NOT ${ftsAny(s.none)}` : wanted;
}

/** PostgreSQL's tsquery text: `<->` between a phrase's words, `:*` for a prefix, `!` to exclude. */
const tsTerm = (t: SearchTerm) => {
  const words = t.words.map((w, i) => (t.prefix && i === t.words.length - 1 ? `${w}:*` : w));
  return words.length === 1 ? words[0]! : `(${words.join(" <-> ")})`;
};
function tsQuery(s: SearchQuery): string {
  const wanted = s.all.map((g) => (g.length === 1 ? tsTerm(g[0]!) : `(${g.map(tsTerm).join(" | ")})`));
  return [...wanted, ...s.none.map((t) => `!${tsTerm(t)}`)].join(" & ");
}

/**
 * The search as a condition on "Article" a, for the queue's list and counts:
 * every match, not only the best-ranked, so counts are exact. No words:
 * nothing matches; only exclusions (`-football`): everything else.
 */
export function searchSql(db: Db, q: string | SearchQuery, opts: { probe?: boolean } = {}): Prisma.Sql {
  const s = typeof q === "string" ? searchQuery(q) : q;
  if (s.all.length === 0 && s.none.length === 0) return Prisma.sql`1 = 0`;
  if (dbKind(db) === "postgres") {
    return Prisma.sql`a."search" @@ to_tsquery('simple', wiredesk_unaccent(${tsQuery(s)}))`;
  }
  const match = ftsMatch(s);
  // probe: each row the order's index yields is tested against the matches (`+` keeps SQLite from
  // reading the matches' rows by id instead, then sorting them all: 60 ms for 18,000 at 1,000,000).
  if (match) return Prisma.sql`${Prisma.raw(opts.probe ? "+" : "")}a."id" IN (SELECT rowid FROM "ArticleSearch" WHERE "ArticleSearch" MATCH ${match})`;
  // FTS5 cannot say "not" alone: the unwanted articles are found and left out.
  return Prisma.sql`a."id" NOT IN (SELECT rowid FROM "ArticleSearch" WHERE "ArticleSearch" MATCH ${ftsAny(s.none)})`;
}

/**
 * The ids a search matches, as one row holding them comma-separated (`ids`),
 * for counting in memory (facet-index.ts): one text rather than a row an id,
 * and on SQLite read from the search index alone. 155,000 matches at
 * 1,000,000 articles: 12 ms, against 430 ms joined to "Article" and about 4 s
 * as rows through the reader. A search of exclusions only (`-oil`) reads what
 * it excludes: `exclude` says the ids are the ones left out. `within`: only
 * among these ids (a kept search tests again the articles changed since).
 * Null when nothing can match.
 */
export function searchIdsSql(db: Db, q: string | SearchQuery, within?: number[]): { sql: Prisma.Sql; exclude: boolean } | null {
  const s = typeof q === "string" ? searchQuery(q) : q;
  if (s.all.length === 0 && s.none.length === 0) return null;
  const exclude = s.all.length === 0;
  // Exclusions only: the articles holding any of them, to be left out.
  const wanted: SearchQuery = exclude ? { ...s, all: [s.none], none: [] } : s;
  if (dbKind(db) === "postgres") {
    const among = within ? Prisma.sql` AND a."id" = ANY(${within}::int[])` : Prisma.empty;
    return { exclude, sql: Prisma.sql`SELECT string_agg(a."id"::text, ',') AS "ids" FROM "Article" a WHERE ${searchSql(db, wanted)}${among}` };
  }
  if (within) {
    // Each id probed by rowid: FTS5 given "rowid IN (…)" beside MATCH gave a match once per listed id.
    return {
      exclude,
      sql: Prisma.sql`SELECT group_concat(c."value") AS "ids" FROM json_each(${JSON.stringify(within)}) c
        WHERE EXISTS (SELECT 1 FROM "ArticleSearch" WHERE "ArticleSearch" MATCH ${ftsMatch(wanted)} AND rowid = c."value")`,
    };
  }
  return { exclude, sql: Prisma.sql`SELECT group_concat(rowid) AS "ids" FROM "ArticleSearch" WHERE "ArticleSearch" MATCH ${ftsMatch(wanted)}` };
}

/**
 * A page of search results on SQLite, newest arrival first, read from the
 * search index in rowid order and stopped at the page: `searchSql` as a
 * condition would first collect every match (19,000 ids for "bank" at 100,000
 * articles, 6 ms) to cut 50 from them. `rest` is every other filter over
 * "Article" a. Null on PostgreSQL, whose planner already reads the id index
 * backwards and checks each row's tsvector; and for a query with no wanted
 * words (only exclusions read the articles, not the index).
 */
export function sqliteSearchPageSql(
  db: Db,
  q: string | SearchQuery,
  rest: Prisma.Sql,
  bounds: { after?: number; before?: number },
  limit: number,
): Prisma.Sql | null {
  const match = ftsMatch(typeof q === "string" ? searchQuery(q) : q);
  if (dbKind(db) !== "sqlite" || !match) return null;
  const and = [Prisma.sql`f."ArticleSearch" MATCH ${match}`, rest];
  if (bounds.after !== undefined) and.push(Prisma.sql`f.rowid > ${bounds.after}`);
  if (bounds.before !== undefined) and.push(Prisma.sql`f.rowid < ${bounds.before}`);
  return Prisma.sql`SELECT a."id" FROM "ArticleSearch" f JOIN "Article" a ON a."id" = f.rowid
    WHERE ${Prisma.join(and, " AND ")} ORDER BY f.rowid DESC LIMIT ${limit}`;
}

/** How many of the newest excluded articles a page of exclusions only reads, per row of the page. */
const EXCLUDED_PER_ROW = 8;

/**
 * The first page of a search of exclusions only (`-oil`) on SQLite, newest
 * arrival first, from the newest excluded articles alone: `a."id" NOT IN`
 * every match would first collect them all (100,000 ids for "oil" at
 * 1,000,000 articles: 7.7 ms a page, against about 0.5 ms so). FTS5 reads a
 * term's newest ids quickly but a range of ids slowly (about 3 ms with any
 * bound on rowid), so the newest few are read and the page kept above the
 * oldest of them: below it an excluded article could be missed. A page that
 * does not fill above it is to be read again the general way (`searchSql`
 * as a condition). Null when the search wants words, on PostgreSQL, and
 * below the first page.
 */
export function sqliteExclusionPageSql(
  db: Db,
  q: string | SearchQuery,
  rest: Prisma.Sql,
  bounds: { after?: number; before?: number },
  limit: number,
): Prisma.Sql | null {
  const s = typeof q === "string" ? searchQuery(q) : q;
  if (dbKind(db) !== "sqlite" || s.all.length > 0 || s.none.length === 0 || bounds.before !== undefined) return null;
  const read = limit * EXCLUDED_PER_ROW;
  const and = [rest, Prisma.sql`a."id" NOT IN (SELECT "id" FROM x)`, Prisma.sql`a."id" >= (SELECT CASE WHEN count(*) < ${read} THEN 0 ELSE min("id") END FROM x)`];
  if (bounds.after !== undefined) and.push(Prisma.sql`a."id" > ${bounds.after}`);
  return Prisma.sql`WITH x AS MATERIALIZED (SELECT rowid AS "id" FROM "ArticleSearch" WHERE "ArticleSearch" MATCH ${ftsAny(s.none)} ORDER BY rowid DESC LIMIT ${read})
    SELECT a."id" FROM "Article" a WHERE ${Prisma.join(and, " AND ")} ORDER BY a."id" DESC LIMIT ${limit}`;
}
