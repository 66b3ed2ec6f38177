// The queue: newest arrivals first, keyset-paginated on id.
import { Prisma } from "../../../prisma/generated/sqlite/client";
import { dbKind, type Db } from "../db/client";
import { readRows } from "../db/read-rows";
import { QUEUE_CHIP_SQL, resolveTags, whereSql, type Filters } from "./article-sql";
import { sqliteSearchPageSql } from "./search-articles";
import { cachedCount } from "./count-cache";
import { filterKey } from "./article-facets";
import { articleListParams, type ArticleListParams, type ArticlePage } from "../../schemas/articles";

/** SQLite hands back integers as bigint; PostgreSQL as numbers. */
const num = (v: unknown) => Number(v);

/** A page of the queue. */
export async function findArticles(db: Db, input: ArticleListParams): Promise<ArticlePage> {
  return JSON.parse(await findArticlesJson(db, input)) as ArticlePage;
}

/** A page of the queue as the JSON text of an ArticlePage: what GET /api/articles sends, never parsed on the way. */
export async function findArticlesJson(db: Db, input: ArticleListParams): Promise<string> {
  const p = await resolveTags(db, articleListParams.parse(input));
  const bounds = { after: p.after, before: p.cursor };
  const pageSql =
    (p.q ? sqliteSearchPageSql(db, p.q, whereSql(db, { ...p, q: undefined }), bounds, p.limit + 1) : null) ??
    Prisma.sql`SELECT a."id" FROM "Article" a WHERE ${whereSql(db, p, undefined, bounds)} ORDER BY a."id" DESC LIMIT ${p.limit + 1}`;
  const pageIds = readRows<{ id: unknown }>(db, pageSql);
  // The total is of the filters alone (not the page): counted once per filter and store state.
  // New arrivals (after) are few and counted each time.
  const total =
    p.after !== undefined
      ? countAfter(db, p)
      : cachedCount(db, `total ${filterKey(p)}`, async () => {
          const [r] = await readRows<{ n: unknown }>(db, Prisma.sql`SELECT count(*) AS n FROM "Article" a WHERE ${whereSql(db, p)}`);
          return num(r?.n);
        });
  const ids = (await pageIds).map((r) => num(r.id));
  const page = ids.slice(0, p.limit);
  const items = await itemsJson(db, page);
  const nextCursor = ids.length > p.limit ? (page[page.length - 1] ?? null) : null;
  return `{"items":${items},"nextCursor":${JSON.stringify(nextCursor)},"total":${JSON.stringify(await total)}}`;
}

async function countAfter(db: Db, p: ReturnType<typeof articleListParams.parse> & Filters): Promise<number> {
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
 * timestamp, then JSON.stringify of it all); the store's JSON costs ~0.5 ms
 * and is passed through untouched. Items come newest first, as the page's ids.
 */
function itemsJsonSql(db: Db, ids: number[]): Prisma.Sql {
  const pg = dbKind(db) === "postgres";
  const obj = Prisma.raw(pg ? "json_build_object" : "json_object");
  const agg = Prisma.raw(pg ? "json_agg" : "json_group_array");
  // SQLite drops the JSON subtype of a subquery's value: json() gives it back, so the chips nest as an array.
  const nested = (sql: Prisma.Sql) => (pg ? Prisma.sql`coalesce(${sql}, '[]'::json)` : Prisma.sql`json(${sql})`);
  const chips = Prisma.sql`(SELECT ${agg}(${obj}('scheme', g."scheme", 'code', g."code", 'name', g."name", 'state', t."state",
        'origin', t."origin", 'confidence', t."confidence", 'rel', t."rel") ORDER BY t."id")
      FROM "ArticleTag" t JOIN "Tag" g ON g."id" = t."tagId" WHERE t."articleId" = a."id" AND ${QUEUE_CHIP_SQL})`;
  // The badge counts what the "has duplicates" filter finds: open and confirmed links, either side.
  const open = Prisma.sql`l."state" IN ('suggested', 'confirmed')`;
  const items = Prisma.sql`${agg}(${obj}('id', a."id", 'uri', a."uri", 'headline', a."headline", 'source', s."name", 'dateline', a."dateline",
      'status', a."status", 'version', a."version", 'publishedAt', ${isoSql(db, Prisma.sql`coalesce(a."firstCreated", a."ingestedAt")`)},
      'ingestedAt', ${isoSql(db, Prisma.sql`a."ingestedAt"`)},
      'duplicates', (SELECT count(*) FROM "DuplicateLink" l WHERE l."articleId" = a."id" AND ${open}) + (SELECT count(*) FROM "DuplicateLink" l WHERE l."otherId" = a."id" AND ${open}),
      'tags', ${nested(chips)}, 'excerpt', substr(a."bodyText", 1, 240)) ORDER BY a."id" DESC)`;
  return Prisma.sql`SELECT ${pg ? Prisma.sql`${items}::text` : items} AS "items"
    FROM "Article" a LEFT JOIN "Source" s ON s."id" = a."sourceId" WHERE a."id" IN (${Prisma.join(ids)})`;
}

/** What the queue shows of these articles (ids newest first), as JSON text. */
async function itemsJson(db: Db, ids: number[]): Promise<string> {
  if (ids.length === 0) return "[]";
  const [row] = await readRows<{ items: string }>(db, itemsJsonSql(db, ids));
  return row!.items;
}
