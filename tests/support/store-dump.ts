// Every table an ingest writes, read back for comparing two stores: ids are
// replaced by what they name (an article's uri, a tag's code, a story's first
// article), since PostgreSQL's sequences skip ids on upserts and rolled-back
// batches; timestamps are left out.
import Database from "better-sqlite3";
import type { TestStore } from "./stores";
import { sqliteFile } from "../../lib/server/env";

/** Every table an ingest writes, ids replaced by the names of what they point at. */
export async function dump(store: TestStore) {
  const db = store.db;
  const articles = await db.article.findMany({ include: { source: true } });
  const uri = new Map(articles.map((a) => [a.id, a.uri]));
  const art = (id: number | null) => (id === null ? null : (uri.get(id) ?? `gone article ${id}`));
  const stories = await db.story.findMany();
  const storyName = new Map(stories.map((s) => [s.id, `story first ${art(s.firstId)}`]));
  const story = (id: unknown) => (typeof id === "number" ? (storyName.get(id) ?? `gone story ${id}`) : id);
  const sourceName = new Map((await db.source.findMany()).map((s) => [s.id, s.name]));
  const tags = await db.tag.findMany();
  const tag = new Map(tags.map((t) => [t.id, `${t.scheme}:${t.code}`]));
  const words = (s: string | null) => s?.replace(/article (\d+)/g, (_, n: string) => `article ${art(Number(n))}`) ?? null;
  const json = (s: string | null) => {
    if (s === null) return null;
    const v = JSON.parse(s) as Record<string, unknown>;
    if (v && typeof v === "object" && "storyId" in v) v.storyId = story(v.storyId);
    return v;
  };
  const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();

  const search =
    store.kind === "postgres"
      ? await db.$queryRawUnsafe<{ uri: string; search: string }[]>(`SELECT "uri", "search"::text AS "search" FROM "Article" ORDER BY "uri"`)
      : ftsRows(store.url, art);

  return {
    articles: sorted(
      articles.map((a) => ({
        uri: a.uri,
        source: a.source?.name ?? null,
        sourceKind: a.source?.kind ?? null,
        headline: a.headline,
        bodyText: a.bodyText,
        bodyHtml: a.bodyHtml,
        url: a.url,
        byline: a.byline,
        dateline: a.dateline,
        credit: a.credit,
        caption: a.caption,
        language: a.language,
        firstCreated: a.firstCreated?.toISOString() ?? null,
        versionCreated: a.versionCreated?.toISOString() ?? null,
        contentHash: a.contentHash,
        status: a.status,
        version: a.version,
        dedupConfig: a.dedupConfig,
        canonical: a.canonical,
        story: story(a.storyId),
        storyKind: a.storyKind,
        storyScore: a.storyScore,
        storyReason: words(a.storyReason),
        storyPinned: a.storyPinned,
        storyLead: a.storyLead,
        carriedLabels: a.carriedLabels,
      })),
    ),
    stories: sorted(stories.map((s) => ({ name: story(s.id), first: art(s.firstId), lead: art(s.leadId), copies: s.copies, sources: s.sources }))),
    sources: sorted((await db.source.findMany()).map((s) => ({ name: s.name, kind: s.kind, enabled: s.enabled, defaultTags: s.defaultTags }))),
    tags: sorted(tags.map((t) => ({ tag: `${t.scheme}:${t.code}`, name: t.name, officialName: t.officialName, hidden: t.hidden, retired: t.retired, parent: t.parentId === null ? null : tag.get(t.parentId) }))),
    articleTags: sorted(
      (await db.articleTag.findMany()).map((t) => ({
        article: art(t.articleId),
        tag: tag.get(t.tagId),
        origin: t.origin,
        confidence: t.confidence,
        state: t.state,
        rel: t.rel,
        evidence: t.evidence,
        decidedById: t.decidedById,
        version: t.version,
      })),
    ),
    dedupKeys: sorted((await db.dedupKey.findMany()).map((k) => [art(k.articleId), k.band, k.key])),
    links: sorted(
      (await db.duplicateLink.findMany()).map((l) => ({ from: art(l.articleId), to: art(l.otherId), kind: l.kind, score: l.score, state: l.state, evidence: l.evidence })),
    ),
    versions: sorted(
      (await db.articleVersion.findMany()).map((v) => ({
        article: art(v.articleId),
        version: v.version,
        headline: v.headline,
        bodyText: v.bodyText,
        bodyHtml: v.bodyHtml,
        byline: v.byline,
        dateline: v.dateline,
        versionCreated: v.versionCreated?.toISOString() ?? null,
        contentHash: v.contentHash,
      })),
    ),
    // In the order written: the audit log is read as a history.
    audit: (await db.auditEntry.findMany({ orderBy: { id: "asc" } })).map((e) => ({
      actor: e.actor,
      userId: e.userId,
      action: e.action,
      entityType: e.entityType,
      entity: e.entityType === "article" ? art(Number(e.entityId)) : e.entityId,
      article: art(e.articleId),
      before: json(e.before),
      after: json(e.after),
    })),
    runs: (await db.ingestRun.findMany({ orderBy: { id: "asc" } })).map((r) => ({
      input: r.input,
      origin: r.origin,
      status: r.status,
      counts: [r.newCount, r.updatedCount, r.duplicateCount, r.skippedCount, r.failedCount],
    })),
    errors: sorted((await db.ingestError.findMany()).map((e) => ({ input: e.input, location: e.location, message: e.message }))),
    search,
    // The filter bar's counts kept at write time, as their sums (the rows differ by how they were folded), values named.
    facetCounts: (
      await db.$queryRawUnsafe<{ lead: unknown; status: string; dim: string; ref: unknown; n: unknown }[]>(
        `SELECT "lead", "status", "dim", "ref", sum("n") AS n FROM "FacetCount" GROUP BY "lead", "status", "dim", "ref" HAVING sum("n") <> 0`,
      )
    )
      .map((r) => {
        const ref = Number(r.ref);
        const value = r.dim === "place" || r.dim === "topic" ? tag.get(ref) : r.dim === "source" ? (sourceName.get(ref) ?? `gone source ${ref}`) : ref;
        return `${r.lead === true || Number(r.lead) === 1 ? "lead" : "copy"} ${r.status} ${r.dim} ${value} ${Number(r.n)}`;
      })
      .sort(),
  };
}

/** What SQLite's full-text index holds, term by term (fts5vocab reads the index itself, not the content table). */
function ftsRows(url: string, art: (id: number) => string | null): string[] {
  const conn = new Database(sqliteFile(url));
  try {
    conn.exec(`CREATE VIRTUAL TABLE temp."search_terms" USING fts5vocab(main, "ArticleSearch", instance)`);
    const rows = conn.prepare(`SELECT "term", "doc", "col", "offset" FROM temp."search_terms"`).all() as { term: string; doc: number; col: string; offset: number }[];
    return rows.map((r) => `${art(r.doc)} ${r.col} ${r.offset} ${r.term}`).sort();
  } finally {
    conn.close();
  }
}

