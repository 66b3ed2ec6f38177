// Counts per filter value for the queue's filter bar. Each dimension is
// counted under every other active filter (with place=ES chosen, the topic
// counts are of stories in Spain), so a count says what choosing it would show.
// Exact; kept while the store is unchanged (count-cache.ts). With no filter
// but status and view they come from the counts kept at write time (facet-counts.ts);
// on a large store, under other filters, from the process's index (facet-index.ts).
import "server-only";
import { Prisma } from "../../../prisma/generated/sqlite/client";
import type { Db } from "../db/client";
import { authorize, type Actor } from "../audit";
import { readRows } from "../db/read-rows";
import { filedSql, hasDuplicatesSql, resolveTags, statusFilter, unfiltered, whereSql, type Dimension, type Filters } from "./article-sql";
import { cachedCount } from "./count-cache";
import { facetsFromCounts } from "./facet-counts";
import { indexFacets } from "./facet-index";
import { workflowStatus } from "../../schemas/vocabulary";
import { articleFilterParams, countsKept, type ArticleFacets, type ArticleFilterParams, type FacetCount } from "../../schemas/articles";

const byCount = (a: FacetCount, b: FacetCount) => b.count - a.count || a.label.localeCompare(b.label);
const num = (v: unknown) => Number(v);

/** The filters as a stable cache key: same filters, same key, whatever their order. The sort changes no count. */
export function filterKey(p: Filters): string {
  const keys = ["q", "place", "topic", "source", "language", "since", "until", "range", "duplicates", "view"] as const;
  // A relative time range moves with the clock: its key names the minute it starts.
  const minute = p.range ? Math.floor(Date.now() / 60_000) : "";
  return JSON.stringify([statusFilter(p) ?? null, ...keys.map((k) => p[k] ?? null), minute]);
}

/** Articles under the other filters, as a join condition: none when nothing else is active. */
function articlesUnder(db: Db, p: Filters, dim: Dimension): { join: Prisma.Sql; where: Prisma.Sql } {
  if (unfiltered(p, dim)) return { join: Prisma.empty, where: Prisma.sql`1 = 1` };
  return { join: Prisma.sql`JOIN "Article" a ON a."id" = t."articleId"`, where: whereSql(db, p, dim) };
}

async function tagFacet(db: Db, p: Filters, dim: "place" | "topic"): Promise<FacetCount[]> {
  const { join, where } = articlesUnder(db, p, dim);
  // Topics are counted at their top level (and newsroom tags), as the filter offers them.
  const tags =
    dim === "place"
      ? Prisma.sql`g."scheme" = 'iso3166' AND ${filedSql("iso3166")}`
      : Prisma.sql`(g."scheme" = 'newsroom' OR (g."scheme" = 'medtop' AND g."parentId" IS NULL)) AND ${filedSql("medtop")}`;
  const rows = await readRows<{ code: string; name: string; n: unknown }>(db, Prisma.sql`SELECT g."code", g."name", count(*) AS n
    FROM "ArticleTag" t JOIN "Tag" g ON g."id" = t."tagId" ${join}
    WHERE NOT g."hidden" AND ${tags} AND ${where}
    GROUP BY g."code", g."name"`);
  return rows.map((r) => ({ value: r.code, label: r.name, count: num(r.n) })).sort(byCount);
}

type KeptDimension = "place" | "topic" | "source" | "duplicates";

/**
 * The one filter chosen besides status and view, if it is the only one: its
 * own dimension is counted under the others alone, which the store keeps
 * (with place=US, the place counts are those of the queue as it opens).
 */
function soleFilter(p: Filters): KeptDimension | undefined {
  const chosen = (["place", "topic", "source", "duplicates"] as const).filter((d) => p[d]);
  return chosen.length === 1 && countsKept({ ...p, [chosen[0]!]: undefined }) ? chosen[0] : undefined;
}

/**
 * The facets counted over the articles (exported for the store test that holds
 * the kept counts to them). `skip`: a dimension not to count (left empty).
 */
export async function computeFacets(db: Db, p: Filters, skip?: KeptDimension): Promise<ArticleFacets> {
  const none = Promise.resolve([]);
  const [status, sources, place, topic, dup] = await Promise.all([
    readRows<{ v: string; n: unknown }>(db, Prisma.sql`SELECT a."status" AS v, count(*) AS n FROM "Article" a WHERE ${whereSql(db, p, "status")} GROUP BY a."status"`),
    skip === "source"
      ? none
      : readRows<{ v: unknown; name: string | null; n: unknown }>(db, Prisma.sql`SELECT a."sourceId" AS v, s."name", count(*) AS n
      FROM "Article" a LEFT JOIN "Source" s ON s."id" = a."sourceId" WHERE ${whereSql(db, p, "source")} AND a."sourceId" IS NOT NULL
      GROUP BY a."sourceId", s."name"`),
    skip === "place" ? none : tagFacet(db, p, "place"),
    skip === "topic" ? none : tagFacet(db, p, "topic"),
    skip === "duplicates"
      ? none
      : readRows<{ yes: unknown; n: unknown }>(db, Prisma.sql`SELECT sum(CASE WHEN ${hasDuplicatesSql(db)} THEN 1 ELSE 0 END) AS yes, count(*) AS n
      FROM "Article" a WHERE ${whereSql(db, p, "duplicates")}`),
  ]);
  const statusCount = new Map(status.map((s) => [s.v, num(s.n)]));
  const chosen = statusFilter(p);
  const yes = num(dup[0]?.yes ?? 0);
  return {
    // Status is counted under every other filter: the total is the chosen status's count, or all of them.
    total: chosen ? (statusCount.get(chosen) ?? 0) : [...statusCount.values()].reduce((a, b) => a + b, 0),
    status: workflowStatus.options.map((s) => ({ value: s, label: s, count: statusCount.get(s) ?? 0 })),
    place,
    topic,
    source: sources.map((s) => ({ value: String(num(s.v)), label: s.name ?? `source ${num(s.v)}`, count: num(s.n) })).sort(byCount),
    duplicates: [
      { value: "yes", label: "Has duplicates", count: yes },
      { value: "no", label: "No duplicates", count: num(dup[0]?.n ?? 0) - yes },
    ],
  };
}

/**
 * The facets from the kept counts where they answer, else counted: with one
 * filter chosen besides status and view, its own dimension is read from the
 * kept counts and only the others are counted (at 1,000,000 articles the place
 * counts under place=US took 2 s of the recount). Exported for the store test.
 */
export async function facetsFor(db: Db, p: ArticleFilterParams & Filters): Promise<ArticleFacets> {
  if (countsKept(p)) return facetsFromCounts(db, p);
  const filters = await resolveTags(db, p);
  // At scale, the process's index counts them (decision 026).
  const indexed = await indexFacets(db, filters);
  if (indexed) return indexed;
  const sole = soleFilter(p);
  if (!sole) return computeFacets(db, filters);
  const [kept, counted] = await Promise.all([facetsFromCounts(db, { ...p, [sole]: undefined }), computeFacets(db, filters, sole)]);
  return { ...counted, [sole]: kept[sole] };
}

export async function articleFacets(db: Db, input: ArticleFilterParams, actor: Actor): Promise<ArticleFacets> {
  authorize(actor, "read");
  const p = articleFilterParams.parse(input);
  // The index's counts are kept up to date by its sync (decision 029): no stamp of the store to read.
  const indexed = countsKept(p) ? undefined : await indexFacets(db, await resolveTags(db, p));
  return indexed ?? cachedCount(db, `facets ${filterKey(p)}`, () => facetsFor(db, p));
}
