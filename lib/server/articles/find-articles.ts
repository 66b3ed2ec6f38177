// The queue: newest arrivals first, keyset-paginated on id.
import type { Db } from "../db/client";
import { articleWhere, OPEN_LINK, runSearch } from "./article-where";
import { articleListParams, type ArticleListParams, type ArticlePage } from "../../schemas/articles";

export async function findArticles(db: Db, input: ArticleListParams): Promise<ArticlePage> {
  const p = articleListParams.parse(input);
  const filtered = articleWhere(p, await runSearch(db, p.q));
  const where = p.after !== undefined ? { AND: [filtered, { id: { gt: p.after } }] } : filtered;
  const [rows, total] = await Promise.all([
    db.article.findMany({
      where: p.cursor ? { AND: [where, { id: { lt: p.cursor } }] } : where,
      orderBy: { id: "desc" },
      take: p.limit + 1,
      select: {
        id: true,
        uri: true,
        headline: true,
        bodyText: true,
        dateline: true,
        status: true,
        firstCreated: true,
        ingestedAt: true,
        source: { select: { name: true } },
        tags: {
          where: { state: { not: "rejected" } },
          select: { state: true, origin: true, confidence: true, rel: true, tag: { select: { scheme: true, code: true, name: true } } },
        },
        // The badge counts what the "has duplicates" filter finds: open and confirmed links.
        _count: { select: { duplicateLinks: { where: OPEN_LINK }, duplicateOf: { where: OPEN_LINK } } },
      },
    }),
    db.article.count({ where }),
  ]);
  const page = rows.slice(0, p.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      uri: r.uri,
      headline: r.headline,
      source: r.source?.name ?? null,
      dateline: r.dateline,
      status: r.status,
      publishedAt: (r.firstCreated ?? r.ingestedAt).toISOString(),
      ingestedAt: r.ingestedAt.toISOString(),
      duplicates: r._count.duplicateLinks + r._count.duplicateOf,
      tags: r.tags.map((t) => ({ ...t.tag, state: t.state, origin: t.origin, confidence: t.confidence, rel: t.rel })),
      excerpt: r.bodyText.slice(0, 240),
    })),
    nextCursor: rows.length > p.limit ? (page[page.length - 1]?.id ?? null) : null,
    total,
  };
}
