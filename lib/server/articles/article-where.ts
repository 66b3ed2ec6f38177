// The queue's filters as one Prisma where clause, shared by the list and the
// facet counts so both always count the same articles.
import type { Db, Prisma } from "../db/client";
import { searchArticleIds } from "./search-articles";
import { MENTION_TAG_CONFIDENCE } from "../../tagging/thresholds";
import { rangeStart, type articleFilterParams } from "../../schemas/articles";
import type { z } from "zod";

export type Filters = z.output<typeof articleFilterParams>;
export type Dimension = "status" | "place" | "topic" | "source" | "duplicates";

/** Most matches a search filters by (best first); more than this and counts say they are capped. */
export const SEARCH_CAP = 2000;

/** The tag states that file an article under a place or topic (the same rule as the queue's chips). */
export function filedUnder(scheme: "iso3166" | "medtop" | "newsroom"): Prisma.ArticleTagWhereInput {
  return {
    OR: [
      { state: "accepted" },
      // A place the story is about, not one it only names in passing (lib/tagging/places.ts).
      scheme === "iso3166"
        ? { state: "suggested", OR: [{ rel: "main" }, { confidence: { gte: MENTION_TAG_CONFIDENCE } }] }
        : { state: "suggested" },
    ],
  };
}

export const topicScheme = (code: string) => (code.startsWith("newsroom:") ? "newsroom" : "medtop");

const tagged = (scheme: "iso3166" | "medtop" | "newsroom", code: string): Prisma.ArticleWhereInput => ({
  tags: { some: { tag: { scheme, code }, ...filedUnder(scheme) } },
});

/** Open or confirmed duplicate links, read from either side. */
export const OPEN_LINK: Prisma.DuplicateLinkWhereInput = { state: { in: ["suggested", "confirmed"] } };
export const HAS_DUPLICATES: Prisma.ArticleWhereInput = {
  OR: [{ duplicateLinks: { some: OPEN_LINK } }, { duplicateOf: { some: OPEN_LINK } }],
};

export function sourceWhere(source: string): Prisma.ArticleWhereInput {
  return /^\d+$/.test(source) ? { sourceId: Number(source) } : { source: { name: source } };
}

export interface Search {
  ids: number[];
  capped: boolean;
}

export async function runSearch(db: Db, q: string | undefined): Promise<Search | undefined> {
  if (!q) return undefined;
  const ids = await searchArticleIds(db, q, SEARCH_CAP);
  return { ids, capped: ids.length >= SEARCH_CAP };
}

/** The where clause of every active filter but the one named in `except` (facets count a dimension under the others). */
export function articleWhere(p: Filters, search: Search | undefined, except?: Dimension, now = new Date()): Prisma.ArticleWhereInput {
  const since = [p.since ? new Date(p.since) : undefined, p.range ? rangeStart(p.range, now) : undefined]
    .filter((d): d is Date => d !== undefined)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  const and: Prisma.ArticleWhereInput[] = [];
  if (p.status && except !== "status") and.push({ status: p.status });
  if (p.place && except !== "place") and.push(tagged("iso3166", p.place));
  if (p.topic && except !== "topic") and.push(tagged(topicScheme(p.topic), p.topic));
  if (p.source && except !== "source") and.push(sourceWhere(p.source));
  if (since || p.until) and.push({ ingestedAt: { ...(since ? { gte: since } : {}), ...(p.until ? { lt: new Date(p.until) } : {}) } });
  if (p.duplicates && except !== "duplicates") and.push(p.duplicates === "yes" ? HAS_DUPLICATES : { NOT: HAS_DUPLICATES });
  if (search) and.push({ id: { in: search.ids } });
  return and.length ? { AND: and } : {};
}
