// The queue: newest arrivals first, keyset-paginated on id.
import { Prisma } from "../../../prisma/generated/sqlite/client";
import type { Db } from "../db/client";
import { readRows } from "../db/read-rows";
import { whereSql } from "./article-sql";
import { cachedCount } from "./count-cache";
import { filterKey } from "./article-facets";
import { articleListParams, isQueueChip, type ArticleListParams, type ArticlePage, type TagChip } from "../../schemas/articles";

/** SQLite hands back integers as bigint and dates as text; PostgreSQL as numbers and Dates. */
const num = (v: unknown) => Number(v);
const iso = (v: unknown) => (v instanceof Date ? v : new Date(String(v))).toISOString();

export async function findArticles(db: Db, input: ArticleListParams): Promise<ArticlePage> {
  const p = articleListParams.parse(input);
  const pageIds = readRows<{ id: unknown }>(db, Prisma.sql`SELECT a."id" FROM "Article" a
    WHERE ${whereSql(db, p, undefined, { after: p.after, before: p.cursor })}
    ORDER BY a."id" DESC LIMIT ${p.limit + 1}`);
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
  const items = await listItems(db, page);
  return { items, nextCursor: ids.length > p.limit ? (page[page.length - 1] ?? null) : null, total: await total };
}

async function countAfter(db: Db, p: ReturnType<typeof articleListParams.parse>): Promise<number> {
  const [r] = await readRows<{ n: unknown }>(db, Prisma.sql`SELECT count(*) AS n FROM "Article" a WHERE ${whereSql(db, p, undefined, { after: p.after })}`);
  return num(r?.n);
}

/** What the queue shows of these articles, in the order given. */
async function listItems(db: Db, ids: number[]): Promise<ArticlePage["items"]> {
  if (ids.length === 0) return [];
  const list = Prisma.join(ids);
  const [rows, tags, links] = await Promise.all([
    readRows<Record<string, unknown>>(db, Prisma.sql`SELECT a."id", a."uri", a."headline", substr(a."bodyText", 1, 240) AS "excerpt", a."dateline",
        a."status", a."version", a."firstCreated", a."ingestedAt", s."name" AS "source"
      FROM "Article" a LEFT JOIN "Source" s ON s."id" = a."sourceId" WHERE a."id" IN (${list})`),
    readRows<Record<string, unknown>>(db, Prisma.sql`SELECT t."id", t."articleId", t."state", t."origin", t."confidence", t."rel", g."scheme", g."code", g."name"
      FROM "ArticleTag" t JOIN "Tag" g ON g."id" = t."tagId"
      WHERE t."articleId" IN (${list}) AND t."state" <> 'rejected'`),
    // Links touching the page, counted below; an IN list on state here made SQLite scan every link.
    readRows<{ articleId: unknown; otherId: unknown; state: string }>(db, Prisma.sql`SELECT l."articleId", l."otherId", l."state"
      FROM "DuplicateLink" l WHERE l."articleId" IN (${list}) OR l."otherId" IN (${list})`),
  ]);
  const chips = new Map<number, TagChip[]>();
  // In the order they were suggested (sorted here: an ORDER BY made SQLite walk the whole table).
  for (const t of tags.sort((x, y) => num(x.id) - num(y.id))) {
    const id = num(t.articleId);
    const chip: TagChip = {
      scheme: String(t.scheme),
      code: String(t.code),
      name: String(t.name),
      state: String(t.state),
      origin: String(t.origin),
      confidence: Number(t.confidence),
      rel: t.rel === null ? null : String(t.rel),
    };
    // Only what a row shows: the weak mentions were most of the bytes (and of the JSON work) of a page.
    if (!isQueueChip(chip)) continue;
    if (!chips.has(id)) chips.set(id, []);
    chips.get(id)!.push(chip);
  }
  // The badge counts what the "has duplicates" filter finds: open and confirmed links, either side.
  const dups = new Map<number, number>();
  for (const l of links) {
    if (l.state !== "suggested" && l.state !== "confirmed") continue;
    for (const end of [num(l.articleId), num(l.otherId)]) dups.set(end, (dups.get(end) ?? 0) + 1);
  }
  const byId = new Map(rows.map((r) => [num(r.id), r]));
  return ids.map((id) => {
    const r = byId.get(id)!;
    return {
      id,
      uri: String(r.uri),
      headline: String(r.headline),
      source: r.source === null ? null : String(r.source),
      dateline: r.dateline === null ? null : String(r.dateline),
      status: String(r.status),
      version: num(r.version),
      publishedAt: iso(r.firstCreated ?? r.ingestedAt),
      ingestedAt: iso(r.ingestedAt),
      duplicates: dups.get(id) ?? 0,
      tags: chips.get(id) ?? [],
      excerpt: String(r.excerpt),
    };
  });
}
