// The queue: newest arrivals first (by id), or newest publication time first;
// keyset-paginated in either order.
import "server-only";
import type { z } from "zod";
import { Prisma } from "../../../prisma/generated/sqlite/client";
import { dbKind, type Db } from "../db/client";
import { authorize, type Actor } from "../audit";
import { readRows } from "../db/read-rows";
import { nextReadFor } from "../db/next-read";
import { PUBLISHED_SQL, QUEUE_CHIP_SQL, resolveTags, whereSql, type Filters } from "./article-sql";
import { searchQuery, searchSql, sqliteExclusionPageSql, sqliteSearchPageSql } from "./search-articles";
import { cachedCount } from "./count-cache";
import { keptTotal } from "./facet-counts";
import { facetIndex, indexPage, indexTotal, warmFacetIndex, type FacetIndex } from "./facet-index";
import { itemText, type KeptItem } from "./item-cache";
import { filterKey } from "./article-facets";
import { articleListParams, countsKept, encodeCursor, type ArticleListParams, type ArticlePage, type QueueCursor } from "../../schemas/articles";
import { excerptAround, highlightTerms, type SearchQuery } from "../../search/query";

type ListParams = z.output<typeof articleListParams> & Filters;

/** SQLite hands back integers as bigint; PostgreSQL as numbers. */
const num = (v: unknown) => Number(v);
/** A publication time as the cursor carries it: SQLite's text as stored, PostgreSQL's timestamp as ISO. */
const published = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));

/** A page of the queue. */
export async function findArticles(db: Db, input: ArticleListParams, actor: Actor): Promise<ArticlePage> {
  return JSON.parse(await findArticlesJson(db, input, actor)) as ArticlePage;
}

/** A page of the queue as the JSON text of an ArticlePage: what GET /api/articles sends, never parsed on the way. */
export async function findArticlesJson(db: Db, input: ArticleListParams, actor: Actor): Promise<string> {
  authorize(actor, "read");
  const p = await resolveTags(db, articleListParams.parse(input));
  // A large store's filter counts come from memory (decision 026): loaded from the first page on.
  warmFacetIndex(db);
  // Read before the page: an article arriving meanwhile is counted as new rather than missed.
  const top = await newestId(db);
  // The process's index, synced once for the request (after the newest id was read): its
  // counts, its pages and the rows it keeps are all as of that sync or later.
  // A failed sync or load leaves this request to the store, as a small store's are.
  const synced = facetIndex(db).catch(() => undefined);
  // The total is of the filters alone (not the page): counted once per filter and store state.
  // New arrivals (after) are few and counted each time.
  const total = p.after !== undefined ? countAfter(db, p) : filteredTotal(db, p, synced);
  const rows = await pageRows(db, p, total, synced);
  const page = rows.slice(0, p.limit);
  const search = p.q ? searchQuery(p.q) : undefined;
  const ids = page.map((r) => num(r.id));
  const index = await synced;
  // A search of exclusions only has no match to show: its rows show the body's start.
  const searched = p.q && search && search.all.length > 0 ? { q: p.q, search } : undefined;
  const items = index ? await keptItemsJson(db, index, ids, searched) : await itemsJson(db, ids, p.sort === "published", search);
  const last = page.at(-1);
  const cursor: QueueCursor | null =
    rows.length > p.limit && last ? { id: num(last.id), ...(p.sort === "published" ? { published: published(last.published) } : {}) } : null;
  const nextCursor = cursor && encodeCursor(cursor);
  // What the search matched, its expanded forms included, for the desk to mark (each once).
  const highlight = search ? `,"highlight":${JSON.stringify(highlightTerms(search))}` : "";
  return `{"items":${items},"nextCursor":${JSON.stringify(nextCursor)},"total":${JSON.stringify(await total)},"newest":${top}${highlight}}`;
}

/**
 * The filters' total. Under filters the index answers, from its counts kept
 * up to date by each sync (decision 029), with no stamp of the store to read;
 * else counted once per filter and store state (count-cache.ts).
 */
async function filteredTotal(db: Db, p: ListParams, synced: Promise<FacetIndex | undefined>): Promise<number> {
  if (!countsKept(p)) {
    // A search's too: the index keeps the ids each search matches (facet-index.ts).
    const counted = await indexTotal(db, p, { synced });
    if (counted !== undefined) return counted;
  }
  return cachedCount(db, `total ${filterKey(p)}`, async () => {
    if (countsKept(p)) return keptTotal(db, p);
    const [r] = await readRows<{ n: unknown }>(db, Prisma.sql`SELECT count(*) AS n FROM "Article" a WHERE ${whereSql(db, p)}`);
    return num(r?.n);
  });
}

/** The newest article's id; requests asking at once share a read (NextRead). */
const newestId = nextReadFor(async (db: Db) => {
  const [top] = await readRows<{ n: unknown }>(db, Prisma.sql`SELECT max("id") AS n FROM "Article"`, { prepared: true });
  return num(top?.n ?? 0);
});

/**
 * Below this many matches PostgreSQL's search finds every match through the
 * GIN index before it sorts: measured at 100,000 articles, reading the id
 * index backwards and testing each row took up to 9 ms for a word in 1,100
 * articles (thousands of rows read to fill a page), and 1 ms for one in 19,000.
 */
const FEW_MATCHES = 3000;

/** The page's rows, one more than the page to tell whether another follows. */
async function pageRows(db: Db, p: ListParams, total: Promise<number>, synced: Promise<FacetIndex | undefined>): Promise<{ id: unknown; published?: unknown }[]> {
  const limit = p.limit + 1;
  // From the process's index when it is loaded: a search (its matches are kept there), or a page by
  // arrival, its filters tested in memory (the store read a filtered page through its tag rows).
  if (p.q || p.sort !== "published") {
    const bounds = { after: p.after, before: p.cursor?.id, publishedBefore: p.cursor?.published };
    // The filter's count is awaited only where the index walks the page (a small store has none).
    const ids = await indexPage(db, p, bounds, limit, { total: p.q ? undefined : total, synced });
    if (ids) {
      const rows: { id: unknown; published?: unknown }[] = ids.map((id) => ({ id }));
      if (p.sort !== "published" || rows.length <= p.limit) return rows;
      // By publication, the next page's cursor carries the page's last time as the store keeps it.
      const last = rows[p.limit - 1]!;
      const [r] = await readRows<{ published: unknown }>(db, Prisma.sql`SELECT ${PUBLISHED_SQL} AS "published" FROM "Article" a WHERE a."id" = ${last.id}`, {
        prepared: true,
      });
      // (Gone meanwhile: the store reads the page.)
      if (r) {
        last.published = r.published;
        return rows;
      }
    }
  }
  // Exclusions only, on SQLite: first from the newest excluded articles, then, if the page did not fill, from all of them.
  const newest =
    p.q && p.sort !== "published" ? sqliteExclusionPageSql(db, p.q, whereSql(db, { ...p, q: undefined }), { after: p.after, before: p.cursor?.id }, limit) : null;
  if (newest) {
    const rows = await readRows<{ id: unknown }>(db, newest);
    if (rows.length === limit) return rows;
  }
  return readRows(db, await pageSql(db, p, total));
}

/** The page's ids (and, by publication, their times for the cursor) in the page's order, as the quickest query for the store and filters. */
async function pageSql(db: Db, p: ListParams, total: Promise<number>): Promise<Prisma.Sql> {
  const bounds = { after: p.after, before: p.cursor };
  const limit = p.limit + 1;
  const where = () => whereSql(db, p, undefined, bounds);
  const byPublished = p.sort === "published";
  if (p.q) {
    // The search index is in id order: it can drive the page only when the page is too.
    const fts = byPublished ? null : sqliteSearchPageSql(db, p.q, whereSql(db, { ...p, q: undefined }), { after: p.after, before: p.cursor?.id }, limit);
    if (fts) return fts;
    // By publication on SQLite, many matches: the publication index drives the page and each row is
    // probed against the matches (a word in 18,000 of 1,000,000 articles: 6 ms rather than 60). Few
    // matches are read by id and sorted, as SQLite plans it: probing would walk the whole index for them.
    if (dbKind(db) === "sqlite" && byPublished && (await total) >= FEW_MATCHES) {
      return Prisma.sql`SELECT a."id", ${PUBLISHED_SQL} AS "published" FROM "Article" a
        WHERE ${whereSql(db, { ...p, q: undefined }, undefined, bounds)} AND ${searchSql(db, p.q, { probe: true })}
        ORDER BY ${PUBLISHED_SQL} DESC, a."id" DESC LIMIT ${limit}`;
    }
    // PostgreSQL guesses a word's share of the store at 0.5% whatever it is; the (cached) total says.
    if (dbKind(db) === "postgres" && (await total) < FEW_MATCHES) {
      return byPublished
        ? Prisma.sql`WITH m AS MATERIALIZED (SELECT a."id", ${PUBLISHED_SQL} AS "published" FROM "Article" a WHERE ${where()})
            SELECT m."id", m."published" FROM m ORDER BY m."published" DESC, m."id" DESC LIMIT ${limit}`
        : Prisma.sql`WITH m AS MATERIALIZED (SELECT a."id" FROM "Article" a WHERE ${where()}) SELECT m."id" FROM m ORDER BY m."id" DESC LIMIT ${limit}`;
    }
  }
  return byPublished
    ? Prisma.sql`SELECT a."id", ${PUBLISHED_SQL} AS "published" FROM "Article" a WHERE ${where()} ORDER BY ${PUBLISHED_SQL} DESC, a."id" DESC LIMIT ${limit}`
    : Prisma.sql`SELECT a."id" FROM "Article" a WHERE ${where()} ORDER BY a."id" DESC LIMIT ${limit}`;
}

async function countAfter(db: Db, p: ListParams): Promise<number> {
  const [r] = await readRows<{ n: unknown }>(db, Prisma.sql`SELECT count(*) AS n FROM "Article" a WHERE ${whereSql(db, p, undefined, { after: p.after })}`);
  return num(r?.n);
}

/** An instant as JSON's ISO text ("…T01:59:33.019Z"), from how each store keeps it. */
function isoSql(db: Db, col: Prisma.Sql): Prisma.Sql {
  return dbKind(db) === "postgres" ? Prisma.sql`to_char(${col}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` : Prisma.sql`strftime('%Y-%m-%dT%H:%M:%fZ', ${col})`;
}

/**
 * A page's items as the JSON text the API sends, built by the store: each
 * article with its tag chips (isQueueChip's rule, as SQL) and its open
 * duplicate links counted. Reading the same as rows cost ~1.3 ms of the
 * server's one thread per page of 50 (a JS object per tag row, a Date per
 * timestamp, then JSON.stringify of it all); the store's JSON costs ~0.8 ms
 * and is passed through untouched. Items come in the page's order (by arrival
 * or by publication). With a search, `excerpts` (by id) replace
 * the body's start.
 * Chips and links are gathered per store as each plans them best (pageParts).
 */
function itemsJsonSql(db: Db, ids: number[], byPublished: boolean, excerpts?: Map<number, string>): Prisma.Sql {
  const pg = dbKind(db) === "postgres";
  const agg = Prisma.raw(pg ? "json_agg" : "json_group_array");
  const parts = pg ? postgresPageParts(ids, excerpts) : sqlitePageParts(ids, excerpts);
  const items = Prisma.sql`${agg}(${itemSql(db, parts, Prisma.sql`, 'excerpt', ${parts.excerpt}`)} ORDER BY ${byPublished ? Prisma.sql`${PUBLISHED_SQL} DESC, ` : Prisma.empty}a."id" DESC)`;
  return Prisma.sql`SELECT ${pg ? Prisma.sql`${items}::text` : items} AS "items" ${fromSql(parts)}`;
}

/** A row of the queue as a JSON object; `more`: fields after the others (the excerpt). */
function itemSql(db: Db, parts: PageParts, more: Prisma.Sql = Prisma.empty): Prisma.Sql {
  const pg = dbKind(db) === "postgres";
  return Prisma.sql`${Prisma.raw(pg ? "json_build_object" : "json_object")}('id', a."id", 'uri', a."uri", 'headline', a."headline", 'source', s."name", 'dateline', a."dateline",
      'language', a."language", 'languages', ${languagesSql(pg)},
      'status', a."status", 'version', a."version", 'publishedAt', ${isoSql(db, Prisma.sql`coalesce(a."firstCreated", a."ingestedAt")`)},
      'ingestedAt', ${isoSql(db, Prisma.sql`a."ingestedAt"`)}, 'duplicates', ${parts.duplicates}, 'tags', ${parts.tags},
      'storyId', a."storyId", 'copies', coalesce(st."copies", 1), 'sources', coalesce(st."sources", 1),
      'firstSeenAt', ${isoSql(db, Prisma.sql`coalesce(st."firstSeenAt", a."firstCreated", a."ingestedAt")`)},
      'lastUpdatedAt', ${isoSql(db, Prisma.sql`coalesce(st."lastUpdatedAt", a."ingestedAt")`)}${more})`;
}

const fromSql = (parts: PageParts) => Prisma.sql`FROM "Article" a LEFT JOIN "Source" s ON s."id" = a."sourceId" LEFT JOIN "Story" st ON st."id" = a."storyId" ${parts.joins}
    WHERE ${parts.inPage(Prisma.sql`a."id"`)}`;

/**
 * Rows of the queue one by one, for the process to keep (keptItemsJson): each
 * as its JSON text, the body's start as a JSON string, and, for a search, the
 * body as far as its first match is looked for.
 */
function itemRowsSql(db: Db, ids: number[], withBody: boolean): Prisma.Sql {
  const pg = dbKind(db) === "postgres";
  const parts = pg ? postgresPageParts(ids, undefined) : sqlitePageParts(ids, undefined);
  const start = pg ? Prisma.sql`to_json(${BODY_START})::text` : Prisma.sql`json_quote(${BODY_START})`;
  const body = withBody ? Prisma.sql`, substr(a."bodyText", 1, ${EXCERPT_SCAN_CHARS}) AS "body"` : Prisma.empty;
  return Prisma.sql`SELECT a."id", ${itemSql(db, parts)}${pg ? Prisma.sql`::text` : Prisma.empty} AS "item", ${start} AS "start"${body} ${fromSql(parts)}`;
}

/**
 * The languages of a row's story, distinct and in code order, as a JSON array;
 * an article alone has its own. Read through the story index: a page's stories
 * hold a few copies each.
 */
function languagesSql(pg: boolean): Prisma.Sql {
  const own = pg
    ? Prisma.sql`CASE WHEN a."language" IS NULL THEN '[]'::json ELSE json_build_array(a."language") END`
    : Prisma.sql`CASE WHEN a."language" IS NULL THEN json_array() ELSE json_array(a."language") END`;
  const copies = Prisma.sql`SELECT DISTINCT c."language" AS "l" FROM "Article" c WHERE c."storyId" = a."storyId" AND c."language" IS NOT NULL`;
  const story = pg
    ? Prisma.sql`(SELECT coalesce(json_agg(z."l" ORDER BY z."l"), '[]'::json) FROM (${copies}) z)`
    : Prisma.sql`(SELECT json_group_array(z."l") FROM (${copies} ORDER BY 1) z)`;
  // SQLite's json() keeps the branch's value an array inside json_object (a CASE may drop its JSON subtype).
  const either = Prisma.sql`CASE WHEN a."storyId" IS NULL THEN ${own} ELSE ${story} END`;
  return pg ? either : Prisma.sql`json(${either})`;
}

interface PageParts {
  joins: Prisma.Sql;
  tags: Prisma.Sql;
  duplicates: Prisma.Sql;
  excerpt: Prisma.Sql;
  inPage: (col: Prisma.Sql) => Prisma.Sql;
}

const CHIP_JSON_FIELDS = (obj: Prisma.Sql) => Prisma.sql`${obj}('scheme', g."scheme", 'code', g."code", 'name', g."name", 'state', t."state",
  'origin', t."origin", 'confidence', t."confidence", 'rel', t."rel")`;
const BODY_START = Prisma.sql`substr(a."bodyText", 1, 240)`;

/**
 * PostgreSQL: chips and links for the whole page at once, joined; a subquery
 * per article led it to scan the Tag table once per article (10 ms a page).
 * One array parameter, so the statement is the same for any page (prepared once, readRows).
 */
function postgresPageParts(ids: number[], excerpts: Map<number, string> | undefined): PageParts {
  const inPage = (col: Prisma.Sql) => Prisma.sql`${col} = ANY(${ids}::int[])`;
  // Excerpts as two arrays joined by id, read once: a lookup in a JSON parameter (->>) reads
  // the whole JSON text again for every row. (Measured within the noise at 1,000,000 articles.)
  const excerptJoin = excerpts
    ? Prisma.sql`LEFT JOIN unnest(${[...excerpts.keys()]}::int[], ${[...excerpts.values()]}::text[]) AS x("id", "text") ON x."id" = a."id"`
    : Prisma.empty;
  return {
    inPage,
    tags: Prisma.sql`coalesce(c."tags", '[]'::json)`,
    duplicates: Prisma.sql`coalesce(d."n", 0)`,
    excerpt: excerpts === undefined ? BODY_START : Prisma.sql`coalesce(x."text", ${BODY_START})`,
    joins: Prisma.sql`${excerptJoin}
    LEFT JOIN (SELECT t."articleId", json_agg(${CHIP_JSON_FIELDS(Prisma.raw("json_build_object"))} ORDER BY t."id") AS "tags"
        FROM "ArticleTag" t JOIN "Tag" g ON g."id" = t."tagId"
        WHERE ${inPage(Prisma.sql`t."articleId"`)} AND ${QUEUE_CHIP_SQL} GROUP BY t."articleId") c ON c."articleId" = a."id"
    -- The badge counts what the "has duplicates" filter finds: open and confirmed links, either side
    -- (the state is tested here, not in the WHERE: there the planner may choose an index on state and read every link).
    LEFT JOIN (SELECT e."id", sum(CASE WHEN e."state" IN ('suggested', 'confirmed') THEN 1 ELSE 0 END) AS "n" FROM (
          SELECT l."articleId" AS "id", l."state" FROM "DuplicateLink" l WHERE ${inPage(Prisma.sql`l."articleId"`)}
          UNION ALL SELECT l."otherId", l."state" FROM "DuplicateLink" l WHERE ${inPage(Prisma.sql`l."otherId"`)}) e
        GROUP BY e."id") d ON d."id" = a."id"`,
  };
}

/**
 * SQLite: chips and links as subqueries of each row, each an index lookup by
 * article. Joined page-wide, as PostgreSQL wants, SQLite materialised both
 * and built automatic indexes on them for every page: at 100,000 articles the
 * statement took ~2.4 ms against ~1.5 ms so. A row's excerpt is looked up in
 * the excerpts' JSON (json_extract), which SQLite parses once a statement and
 * keeps: joined to the same JSON read by json_each it cost 1.85 ms a searched
 * page at 1,000,000 articles against 1.2 ms without excerpts.
 */
function sqlitePageParts(ids: number[], excerpts: Map<number, string> | undefined): PageParts {
  const inPage = (col: Prisma.Sql) => Prisma.sql`${col} IN (${Prisma.join(ids)})`;
  // "+l.state": the state is no index's to choose (DuplicateLink's state index would read every link).
  const links = (side: "articleId" | "otherId") =>
    Prisma.sql`(SELECT count(*) FROM "DuplicateLink" l WHERE l.${Prisma.raw(`"${side}"`)} = a."id" AND +l."state" IN ('suggested', 'confirmed'))`;
  return {
    inPage,
    tags: Prisma.sql`(SELECT json_group_array(${CHIP_JSON_FIELDS(Prisma.raw("json_object"))} ORDER BY t."id")
        FROM "ArticleTag" t JOIN "Tag" g ON g."id" = t."tagId" WHERE t."articleId" = a."id" AND ${QUEUE_CHIP_SQL})`,
    duplicates: Prisma.sql`${links("articleId")} + ${links("otherId")}`,
    excerpt: excerpts === undefined ? BODY_START : Prisma.sql`coalesce(json_extract(${JSON.stringify(Object.fromEntries(excerpts))}, '$."' || a."id" || '"'), ${BODY_START})`,
    joins: Prisma.empty,
  };
}

/** Bodies are searched this far for the first match: a bound on the thread's work for a long body. */
const EXCERPT_SCAN_CHARS = 20_000;

/**
 * Each body's passage around its first match, by id, for the
 * ones whose match is not at the start. Found in TypeScript, by the same
 * word rule as the highlighting (lib/search/query.ts), so both stores give
 * the same excerpt; reading 50 bodies costs well under a millisecond.
 */
async function searchExcerpts(db: Db, ids: number[], search: SearchQuery): Promise<Map<number, string> | undefined> {
  if (search.all.length === 0) return undefined;
  const rows = await readBodies(db, ids);
  const out = new Map<number, string>();
  for (const r of rows) {
    const text = excerptAround(r.body, search);
    if (!r.body.startsWith(text)) out.set(num(r.id), text);
  }
  return out.size ? out : undefined;
}

/** The bodies of these articles as far as a search's first match is looked for. */
async function readBodies(db: Db, ids: number[]): Promise<{ id: unknown; body: string }[]> {
  const pg = dbKind(db) === "postgres";
  return readRows<{ id: unknown; body: string }>(
    db,
    Prisma.sql`SELECT a."id", substr(a."bodyText", 1, ${EXCERPT_SCAN_CHARS}) AS "body" FROM "Article" a
      WHERE ${pg ? Prisma.sql`a."id" = ANY(${ids}::int[])` : Prisma.sql`a."id" IN (${Prisma.join(ids)})`}`,
    { prepared: pg },
  );
}

/** A search's excerpt of a body as JSON text: the passage around its first match, or the body's start when the match is there. */
function excerptJson(body: string, search: SearchQuery, start: string): string {
  const text = excerptAround(body, search);
  return body.startsWith(text) ? start : JSON.stringify(text);
}

/**
 * What the queue shows of these articles (ids in the page's order), as JSON
 * text, from the rows the process keeps (item-cache.ts); the rows it does not
 * keep yet are read in one statement and kept. A search's excerpts are kept
 * with the rows; a kept row without this search's reads its body.
 */
export async function keptItemsJson(db: Db, index: FacetIndex, ids: number[], searched?: { q: string; search: SearchQuery }): Promise<string> {
  if (ids.length === 0) return "[]";
  const kept = index.items;
  const epoch = kept.epoch;
  const rows = new Map<number, KeptItem>();
  const missing: number[] = [];
  const noExcerpt: number[] = [];
  for (const id of ids) {
    const row = kept.get(id);
    if (!row) missing.push(id);
    else {
      rows.set(id, row);
      if (searched && !row.excerpts.has(searched.q)) noExcerpt.push(id);
    }
  }
  const excerpts = new Map<number, string>();
  const [read, bodies] = await Promise.all([
    missing.length ? readRows<{ id: unknown; item: string; start: string; body?: string }>(db, itemRowsSql(db, missing, searched !== undefined), { prepared: true }) : [],
    noExcerpt.length ? readBodies(db, noExcerpt) : [],
  ]);
  const fresh: [number, KeptItem][] = [];
  for (const r of read) {
    const id = num(r.id);
    // The object's closing brace is cut off: the excerpt goes after the other fields.
    const row: KeptItem = { head: r.item.slice(0, r.item.lastIndexOf("}")), start: r.start, excerpts: new Map() };
    if (searched && r.body !== undefined) {
      const excerpt = excerptJson(r.body, searched.search, r.start);
      row.excerpts.set(searched.q, excerpt);
      excerpts.set(id, excerpt);
    }
    rows.set(id, row);
    fresh.push([id, row]);
  }
  kept.keep(epoch, fresh);
  for (const b of bodies) {
    const id = num(b.id);
    const row = rows.get(id)!;
    const excerpt = excerptJson(b.body, searched!.search, row.start);
    excerpts.set(id, excerpt);
    kept.keepExcerpt(row, searched!.q, excerpt);
  }
  const out: string[] = [];
  for (const id of ids) {
    const row = rows.get(id);
    // (Gone meanwhile: left off the page, as the store's statement leaves it.)
    if (row) out.push(itemText(row, excerpts.get(id) ?? (searched ? row.excerpts.get(searched.q) : undefined) ?? row.start));
  }
  return `[${out.join(",")}]`;
}

/** What the queue shows of these articles (ids in the page's order), as JSON text. */
export async function itemsJson(db: Db, ids: number[], byPublished: boolean, search?: SearchQuery): Promise<string> {
  if (ids.length === 0) return "[]";
  const excerpts = search ? await searchExcerpts(db, ids, search) : undefined;
  const [row] = await readRows<{ items: string }>(db, itemsJsonSql(db, ids, byPublished, excerpts), { prepared: true });
  return row!.items;
}
