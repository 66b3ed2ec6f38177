// The queue: newest arrivals first, keyset-paginated on id.
import type { Db, Prisma } from "../db/client";
import { searchArticleIds } from "./search-articles";
import { storyTag } from "../tags/story-tag";
import { articleListParams, type ArticleListParams, type ArticlePage } from "../../schemas/articles";

const tagged = (scheme: string, code: string): Prisma.ArticleWhereInput => ({
  tags: { some: { AND: [{ tag: { scheme, code } }, storyTag(scheme)] } },
});

export async function findArticles(db: Db, input: ArticleListParams): Promise<ArticlePage> {
  const p = articleListParams.parse(input);
  const matches = p.q ? await searchArticleIds(db, p.q) : undefined;
  const where: Prisma.ArticleWhereInput = {
    AND: [
      p.status ? { status: p.status } : {},
      p.place ? tagged("iso3166", p.place) : {},
      p.topic ? tagged(p.topic.startsWith("newsroom:") ? "newsroom" : "medtop", p.topic) : {},
      matches ? { id: { in: matches } } : {},
      p.after !== undefined ? { id: { gt: p.after } } : {},
    ],
  };
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
        version: true,
        firstCreated: true,
        ingestedAt: true,
        source: { select: { name: true } },
        tags: {
          where: { state: { not: "rejected" } },
          select: { state: true, origin: true, confidence: true, rel: true, tag: { select: { scheme: true, code: true, name: true } } },
        },
        _count: { select: { duplicateLinks: true, duplicateOf: true } },
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
      version: r.version,
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
