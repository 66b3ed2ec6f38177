// The bulk ingest path (decision 014) against the per-item path: the same
// inputs into two fresh stores, one each way, and every table compared,
// timestamps aside, with ids read as what they name (a tag's code, an
// article's uri), since PostgreSQL's sequences skip ids on upserts and
// rolled-back batches. A bad item fails alone.
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { bytes } from "../support/feeds";
import { comparisonInputs } from "../support/bulk-corpus";
import { runIngest, type IngestInput, type RunOptions } from "../../lib/server/ingest/run-ingest";
import { sqliteFile } from "../../lib/server/env";

const ingestTime = new Date("2026-11-28T12:00:00Z");
const base = { origin: "cli" as const, actor: "test", role: "system" as const, ingestTime, defaultSource: "Daily8" };

/** Every table an ingest writes, ids replaced by the names of what they point at. */
async function dump(store: TestStore) {
  const db = store.db;
  const articles = await db.article.findMany({ include: { source: true } });
  const uri = new Map(articles.map((a) => [a.id, a.uri]));
  const art = (id: number | null) => (id === null ? null : (uri.get(id) ?? `gone article ${id}`));
  const stories = await db.story.findMany();
  const storyName = new Map(stories.map((s) => [s.id, `story first ${art(s.firstId)}`]));
  const story = (id: unknown) => (typeof id === "number" ? (storyName.get(id) ?? `gone story ${id}`) : id);
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

async function ingestAll(store: TestStore, inputs: IngestInput[], opts: Partial<RunOptions>) {
  const totals = [];
  for (const input of inputs) totals.push((await runIngest(store.db, [input], { ...base, ...opts })).totals);
  return totals;
}

/** Has the store refuse one uri, as a constraint would: the bulk transaction holding it fails. */
async function refuseUri(store: TestStore, refused: string) {
  if (store.kind === "sqlite") {
    const conn = new Database(sqliteFile(store.url));
    conn.exec(`CREATE TRIGGER "refuse_item" BEFORE INSERT ON "Article" WHEN NEW."uri" = '${refused}' BEGIN SELECT RAISE(ABORT, 'refused by the test trigger'); END;`);
    conn.close();
    return;
  }
  const client = new pg.Client({ connectionString: store.url });
  await client.connect();
  await client.query(`CREATE FUNCTION refuse_item() RETURNS trigger AS $$ BEGIN
      IF NEW."uri" = '${refused}' THEN RAISE EXCEPTION 'refused by the test trigger'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
  await client.query(`CREATE TRIGGER refuse_item BEFORE INSERT ON "Article" FOR EACH ROW EXECUTE FUNCTION refuse_item()`);
  await client.end();
}

describe.each(storeKinds())("bulk ingest on %s", (kind) => {
  const stores: TestStore[] = [];
  const open = async () => {
    const s = await openStore(kind);
    stores.push(s);
    return s;
  };
  afterAll(async () => {
    for (const s of stores) await s.drop();
  });

  it("stores what the per-item path stores, table for table", async () => {
    const [perItem, bulk] = [await open(), await open()];
    const fresh = comparisonInputs();
    // The first two inputs again at the end: a re-run (an import resumed) skips what is stored.
    const inputs = [...fresh, fresh[0]!, fresh[1]!];
    const one = await ingestAll(perItem, inputs, { bulk: false });
    // Small batches, so that copies, repeated uris and updates fall within and across batch edges.
    const many = await ingestAll(bulk, inputs, { bulk: true, batchSize: 7 });
    expect(many).toEqual(one);
    const [a, b] = [await dump(perItem), await dump(bulk)];
    // The comparison is worth something only if the inputs made every kind of row.
    expect(a.stories.length).toBeGreaterThan(5);
    expect(a.links.length).toBeGreaterThan(10);
    expect(a.versions.length).toBeGreaterThan(1);
    expect(a.articleTags.length).toBeGreaterThan(50);
    expect(a.errors.length).toBeGreaterThan(0);
    expect(a.audit.filter((e) => e.action === "story.join").length).toBeGreaterThan(5);
    expect(a.search.length).toBeGreaterThanOrEqual(a.articles.length);
    for (const table of Object.keys(a) as (keyof typeof a)[]) expect({ table, rows: b[table] }).toEqual({ table, rows: a[table] });
  }, 300_000);

  it("redoes a batch the store refuses item by item: the bad item fails alone, the rest as the per-item path stores them", async () => {
    const [perItem, bulk] = [await open(), await open()];
    for (const s of [perItem, bulk]) await refuseUri(s, "item-5");
    const body = (i: number) => `Story ${i}: the harbour council met ${i} times this year and approved ${i * 3} new berths for ferries, the mayor said on Monday in ${["France", "Kenya", "Japan"][i % 3]}.`;
    const items = Array.from({ length: 10 }, (_, i) => JSON.stringify({ uri: `item-${i}`, headline: `Harbour item ${i}`, body_text: body(i), infosources: [{ name: "Port Wire" }] }));
    const input: IngestInput = { name: "batch.ndjson", read: async () => bytes(items.join("\n")) };
    const r1 = await runIngest(perItem.db, [input], { ...base, bulk: false });
    const r2 = await runIngest(bulk.db, [input], { ...base, bulk: true, batchSize: 10 });
    expect(r2.totals).toEqual({ new: 9, updated: 0, duplicates: 0, skipped: 0, failed: 1 });
    expect(r2.totals).toEqual(r1.totals);
    expect(r2.inputs[0]!.errors).toEqual([{ location: "line 6", message: expect.stringMatching(/^the store refused the item: /) }]);
    expect(r2.inputs[0]!.errors).toEqual(r1.inputs[0]!.errors);
    expect(await dump(bulk)).toEqual(await dump(perItem));
    expect(await bulk.db.article.count()).toBe(9);
  }, 120_000);
});
