// Counts per filter value for the queue's filter bar. Each dimension is
// counted under every other active filter (with place=ES chosen, the topic
// counts are of stories in Spain), so a count says what choosing it would show.
import type { Db } from "../db/client";
import { articleWhere, filedUnder, HAS_DUPLICATES, runSearch, type Filters } from "./article-where";
import { articleFilterParams, type ArticleFacets, type ArticleFilterParams, type FacetCount } from "../../schemas/articles";

const STATUSES = ["new", "reviewed", "spiked"] as const;
const byCount = (a: FacetCount, b: FacetCount) => b.count - a.count || a.label.localeCompare(b.label);

async function tagFacet(db: Db, p: Filters, search: Awaited<ReturnType<typeof runSearch>>, dim: "place" | "topic"): Promise<FacetCount[]> {
  const schemes = dim === "place" ? (["iso3166"] as const) : (["medtop", "newsroom"] as const);
  const groups = await Promise.all(
    schemes.map((scheme) =>
      db.articleTag.groupBy({
        by: ["tagId"],
        where: {
          // Topics are filtered by their top level (and newsroom tags), as the filter offers them.
          tag: { scheme, hidden: false, ...(scheme === "medtop" ? { parentId: null } : {}) },
          ...filedUnder(scheme),
          article: articleWhere(p, search, dim),
        },
        _count: { _all: true },
      }),
    ),
  );
  const counts = groups.flat();
  const tags = await db.tag.findMany({ where: { id: { in: counts.map((c) => c.tagId) } }, select: { id: true, code: true, name: true } });
  const byId = new Map(tags.map((t) => [t.id, t]));
  return counts
    .map((c) => ({ value: byId.get(c.tagId)!.code, label: byId.get(c.tagId)!.name, count: c._count._all }))
    .sort(byCount);
}

export async function articleFacets(db: Db, input: ArticleFilterParams): Promise<ArticleFacets> {
  const p = articleFilterParams.parse(input);
  const search = await runSearch(db, p.q);
  const [status, sources, place, topic, withDup, allForDup] = await Promise.all([
    db.article.groupBy({ by: ["status"], where: articleWhere(p, search, "status"), _count: { _all: true } }),
    db.article.groupBy({ by: ["sourceId"], where: articleWhere(p, search, "source"), _count: { _all: true } }),
    tagFacet(db, p, search, "place"),
    tagFacet(db, p, search, "topic"),
    db.article.count({ where: { AND: [articleWhere(p, search, "duplicates"), HAS_DUPLICATES] } }),
    db.article.count({ where: articleWhere(p, search, "duplicates") }),
  ]);
  const names = await db.source.findMany({
    where: { id: { in: sources.map((s) => s.sourceId).filter((id): id is number => id !== null) } },
    select: { id: true, name: true },
  });
  const name = new Map(names.map((s) => [s.id, s.name]));
  const statusCount = new Map(status.map((s) => [s.status, s._count._all]));
  return {
    // The status counts are taken under every other filter, so the total is the chosen status's count, or all of them.
    total: p.status ? (statusCount.get(p.status) ?? 0) : status.reduce((n, s) => n + s._count._all, 0),
    status: STATUSES.map((s) => ({ value: s, label: s, count: statusCount.get(s) ?? 0 })),
    place,
    topic,
    source: sources
      .filter((s) => s.sourceId !== null)
      .map((s) => ({ value: String(s.sourceId), label: name.get(s.sourceId!) ?? `source ${s.sourceId}`, count: s._count._all }))
      .sort(byCount),
    duplicates: [
      { value: "yes", label: "Has duplicates", count: withDup },
      { value: "no", label: "No duplicates", count: allForDup - withDup },
    ],
    capped: search?.capped ?? false,
  };
}
