// One article as the queue's reading pane shows it: its text, its tags with
// their evidence (the same views the article page gives the tag panel) and
// its story. JSON-safe: dates as ISO strings.
import "server-only";
import type { Db } from "../db/client";
import type { Actor } from "../audit";
import { getArticle, type ArticleDetail } from "./get-article";
import { regionsFor } from "../../tagging/regions";
import type { ArticlePreview, PreviewTag, TagEvidence } from "../../schemas/preview";
import { linkState, tagOrigin, tagState, workflowStatus } from "../../schemas/vocabulary";

type TagRow = ArticleDetail["tags"][number];

/** Evidence as stored (JSON), each entry cut to the words and where they stand. */
function evidenceOf(raw: string | null): TagEvidence[] {
  if (!raw) return [];
  const list = JSON.parse(raw) as Partial<TagEvidence>[];
  return list.map((e) => ({
    text: String(e.text ?? ""),
    field: e.field === "headline" || e.field === "dateline" ? e.field : "body",
    ...(typeof e.start === "number" ? { start: e.start } : {}),
    ...(typeof e.end === "number" ? { end: e.end } : {}),
  }));
}

/** One tag of an article as the tag panel and the API show it. */
export function tagView(t: Omit<TagRow, "evidence"> & { evidence: string | null }): PreviewTag {
  return {
    tagId: t.tagId,
    scheme: t.tag.scheme,
    code: t.tag.code,
    name: t.tag.name,
    officialName: t.tag.officialName,
    origin: tagOrigin.parse(t.origin),
    state: tagState.parse(t.state),
    confidence: t.confidence,
    rel: t.rel === "main" || t.rel === "mentioned" ? t.rel : null,
    version: t.version,
    evidence: evidenceOf(t.evidence),
  };
}

/** The tag panel's view of an article's tags; regions are derived from its places, never tagged alone. */
export function tagViewsOf(a: ArticleDetail): { tags: PreviewTag[]; regions: string[] } {
  const tags: PreviewTag[] = a.tags.filter((t) => t.tag.scheme !== "region").map(tagView);
  const regions = regionsFor(
    tags.filter((t) => t.scheme === "iso3166" && (t.state === "accepted" || (t.state === "suggested" && t.rel === "main"))).map((t) => t.code),
  ).map((r) => r.name);
  return { tags, regions };
}

export async function articlePreview(db: Db, id: number, actor: Actor): Promise<ArticlePreview | null> {
  const a = await getArticle(db, id, actor);
  if (!a) return null;
  const { tags, regions } = tagViewsOf(a);
  return {
    id: a.id,
    headline: a.headline,
    source: a.source?.name ?? null,
    byline: a.byline,
    dateline: a.dateline,
    status: workflowStatus.parse(a.status),
    version: a.version,
    publishedAt: (a.firstCreated ?? a.ingestedAt).toISOString(),
    ingestedAt: a.ingestedAt.toISOString(),
    paragraphs: a.bodyText.split(/\n{2,}/).filter((p) => p.trim()),
    url: a.url,
    storyId: a.storyId,
    tags,
    regions,
    duplicates: a.links.filter((l) => l.state !== "dismissed").map((l) => ({ id: l.id, kind: l.kind, state: linkState.parse(l.state), other: { id: l.other.id, headline: l.other.headline, source: l.other.source?.name ?? null } })),
  };
}
