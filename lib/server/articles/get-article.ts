// One article with everything the article view shows.
import "server-only";
import type { Db } from "../db/client";
import { authorize, type Actor } from "../audit";
import { reverseKind, type DuplicateKind } from "../../schemas/vocabulary";

export async function getArticle(db: Db, id: number, actor: Actor) {
  authorize(actor, "read");
  const a = await db.article.findUnique({
    where: { id },
    include: {
      source: { select: { name: true } },
      versions: { orderBy: { version: "desc" } },
      tags: { include: { tag: true }, orderBy: { confidence: "desc" } },
      duplicateLinks: { include: { other: { select: { id: true, headline: true, source: { select: { name: true } } } } } },
      duplicateOf: { include: { article: { select: { id: true, headline: true, source: { select: { name: true } } } } } },
      audit: { orderBy: { at: "desc" }, take: 50 },
    },
  });
  if (!a) return null;
  const links = [
    ...a.duplicateLinks.map((l) => ({ id: l.id, kind: l.kind as DuplicateKind, score: l.score, state: l.state, other: l.other })),
    ...a.duplicateOf.map((l) => ({ id: l.id, kind: reverseKind(l.kind as DuplicateKind), score: l.score, state: l.state, other: l.article })),
  ];
  return { ...a, links };
}

export type ArticleDetail = NonNullable<Awaited<ReturnType<typeof getArticle>>>;
