// The filter bar's counts from each process's in-memory index (decision 026)
// against the store's own count (computeFacets), under every kind of filter
// the index answers, after each kind of write the desk and ingest make, rows
// changed behind the app's back, tags changing kind or visibility, pruned
// change rows, another client's writes, and (on PostgreSQL) a transaction
// that commits after a later one was already read.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { comparisonInputs, wireStories } from "../support/bulk-corpus";
import { bytes } from "../support/feeds";
import { admin } from "../support/actors";
import { runIngest } from "../../lib/server/ingest/run-ingest";
import { computeFacets } from "../../lib/server/articles/article-facets";
import { facetIndex, indexFacets, indexPage, indexTotal, pruneArticleChanges } from "../../lib/server/articles/facet-index";
import { PUBLISHED_SQL, resolveTags, whereSql, type Filters } from "../../lib/server/articles/article-sql";
import { Prisma } from "../../prisma/generated/sqlite/client";
import { setStatus } from "../../lib/server/articles/set-status";
import { addTag, decideTag } from "../../lib/server/tags/decide-tag";
import { decideLink } from "../../lib/server/duplicates/decide-link";
import { moveArticle } from "../../lib/server/stories/story-clusters";
import { articleFilterParams } from "../../lib/schemas/articles";
import { createDb } from "../../lib/server/db/client";
import { closeReader } from "../../lib/server/db/read-rows";
import { findArticlesJson, itemsJson, keptItemsJson } from "../../lib/server/articles/find-articles";
import { searchQuery } from "../../lib/server/articles/search-articles";

const base = { origin: "cli" as const, actor: "test", role: "system" as const, ingestTime: new Date(), defaultSource: "Daily8" };
/** Each of these steps counts every filter set against the store after each write: on PostgreSQL under
 * the whole suite's load they ran 26–44 s, over Vitest's 30 s default, though 19–25 s alone. */
const HEAVY = 120_000;

describe.each(storeKinds())("facet counts from the in-memory index on %s", (kind) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openStore(kind);
  });
  afterAll(async () => {
    await store?.drop();
  });

  /** Searches kept by the index from the first step on: each later step changes what they match. */
  const searches: Record<string, string>[] = [{ q: "budget" }, { q: "\"oil prices\" OR norway" }, { q: "-oil" }, { q: "wheat", duplicates: "yes" }];

  /** Filters of every kind the index answers, built from what the store holds now. */
  async function filterSets() {
    const all = await computeFacets(store.db, articleFilterParams.parse({ view: "articles" }));
    const place = all.place.map((f) => f.value);
    const topic = all.topic.map((f) => f.value);
    const source = all.source.map((f) => f.value);
    const sourceName = all.source[0]?.label;
    const sets: Record<string, string>[] = [
      {},
      { place: place[0]! },
      { topic: topic[0]! },
      { source: source[0]! },
      { duplicates: "yes" },
      { duplicates: "no" },
      { place: place.slice(0, 2).join(","), topic: (topic[1] ?? topic[0])! },
      { place: place[1] ?? place[0]!, duplicates: "yes", source: source.slice(0, 2).join(",") },
      { topic: topic.slice(0, 3).join(","), range: "7d" },
      { q: "oil" },
      { q: "-the", place: place[0]! },
      { place: "ZZ" },
      { since: new Date(Date.now() - 3600_000).toISOString() },
      { until: new Date(Date.now() - 3600_000).toISOString(), topic: topic[0]! },
    ];
    if (sourceName) sets.push({ source: sourceName });
    // An empty store has no values to choose.
    return sets.filter((f) => Object.values(f).every((v) => v !== undefined && v !== "" && !v.startsWith("undefined")));
  }

  /** The queue's page by arrival as the store lists it (the index answers searches' pages). */
  async function storePage(p: Filters, before?: number) {
    const rows = await store.db.$queryRaw<{ id: unknown }[]>(
      Prisma.sql`SELECT a."id" FROM "Article" a WHERE ${whereSql(store.db, p, undefined, before === undefined ? {} : { before: { id: before } })} ORDER BY a."id" DESC LIMIT 500`,
    );
    return rows.map((r) => Number(r.id));
  }

  /** A search's page by publication as the store lists it: ids and the times the next page's cursor carries. */
  async function storePublishedPage(p: Filters, before?: { id: number; published: string }) {
    const rows = await store.db.$queryRaw<{ id: unknown; published: unknown }[]>(
      Prisma.sql`SELECT a."id", ${PUBLISHED_SQL} AS "published" FROM "Article" a WHERE ${whereSql(store.db, p, undefined, before === undefined ? {} : { before })}
        ORDER BY ${PUBLISHED_SQL} DESC, a."id" DESC LIMIT 500`,
    );
    return rows.map((r) => ({ id: Number(r.id), published: r.published instanceof Date ? r.published.toISOString() : String(r.published) }));
  }

  /**
   * The queue's rows the process keeps (item-cache.ts) are the rows the store
   * writes now, read twice: the first read keeps what it had not kept, the
   * second is all kept rows. With and without a search's excerpts.
   */
  async function expectRowsSame(step: string) {
    const index = (await facetIndex(store.db, { min: 0, wait: true }))!;
    const ids = (await store.db.article.findMany({ orderBy: { id: "desc" }, select: { id: true } })).map((a) => a.id);
    for (const q of [undefined, "oil", "budget", "norway prices", "-oil"]) {
      const search = q ? searchQuery(q) : undefined;
      const fromStore = JSON.parse(await itemsJson(store.db, ids, false, search)) as unknown[];
      const searched = q && search!.all.length > 0 ? { q, search: search! } : undefined;
      for (const round of ["first", "kept"]) {
        expect(JSON.parse(await keptItemsJson(store.db, index, ids, searched)), `${step}: rows ${q ?? ""} (${round})`).toEqual(fromStore);
      }
    }
    expect(index.items.size, step).toBe(ids.length);
    // And as the queue's endpoint sends them, through the same sync.
    const page = JSON.parse(await findArticlesJson(store.db, { view: "articles", status: "all", q: "oil" }, admin)) as { items: unknown[] };
    const pageIds = page.items.map((i) => (i as { id: number }).id);
    expect(page.items, `${step}: the queue's page`).toEqual(JSON.parse(await itemsJson(store.db, pageIds, false, searchQuery("oil"))));
  }

  /** Every status and view under each filter: the index and the store count the same, and list the same pages. */
  async function expectSame(step: string): Promise<number> {
    await expectRowsSame(step);
    const index = (await facetIndex(store.db, { min: 0, wait: true }))!;
    const keptBefore = index.countsFrom.kept;
    for (const extra of [...(await filterSets()), ...searches]) {
      for (const status of [undefined, "new", "reviewed", "spiked"]) {
        for (const view of ["stories", "articles"] as const) {
          const p = await resolveTags(store.db, articleFilterParams.parse({ ...extra, status, view }));
          const what = `${step}: ${JSON.stringify({ ...extra, status, view })}`;
          const counted = await computeFacets(store.db, p);
          const indexed = await indexFacets(store.db, p, { min: 0, wait: true });
          expect(indexed, what).toEqual(counted);
          expect(await indexTotal(store.db, p, { min: 0, wait: true }), what).toBe(counted.total);
          const listed = await storePage(p);
          expect(await indexPage(store.db, p, {}, 500, { min: 0, wait: true }), what).toEqual(listed);
          // Below a cursor, and new arrivals above an id.
          const mid = listed[Math.floor(listed.length / 2)];
          if (mid === undefined) continue;
          expect(await indexPage(store.db, p, { before: mid }, 3, { min: 0, wait: true }), `${what}, below ${mid}`).toEqual((await storePage(p, mid)).slice(0, 3));
          expect(await indexPage(store.db, p, { after: mid }, 500, { min: 0, wait: true }), `${what}, above ${mid}`).toEqual(listed.filter((id) => id > mid));
          if (!p.q) continue;
          // A search by publication: whole, below a cursor (id and time), and above an id.
          const byTime = { ...p, sort: "published" as const };
          const timed = await storePublishedPage(p);
          const own = await indexPage(store.db, byTime, {}, 500, { min: 0, wait: true });
          if (own === undefined) {
            // Exclusions only, by publication: the store's publication index reads those in order.
            expect(p.q.trim().startsWith("-"), `${what}, by publication: not answered`).toBe(true);
            continue;
          }
          expect(own, `${what}, by publication`).toEqual(timed.map((r) => r.id));
          const at = timed[Math.floor(timed.length / 2)]!;
          expect(await indexPage(store.db, byTime, { before: at.id, publishedBefore: at.published }, 3, { min: 0, wait: true }), `${what}, by publication below ${at.id}`).toEqual(
            (await storePublishedPage(p, at)).slice(0, 3).map((r) => r.id),
          );
          expect(await indexPage(store.db, byTime, { after: mid }, 500, { min: 0, wait: true }), `${what}, by publication above ${mid}`).toEqual(
            timed.filter((r) => r.id > mid).map((r) => r.id),
          );
        }
      }
    }
    // The filters asked at the step before were answered from their kept counts, brought up to date by
    // the sync (decision 029), not counted again: the comparisons above held those to the store.
    // How many were answered from their kept counts, brought up to date by the sync (decision 029)
    // rather than counted again: the comparisons above held those to the store.
    return index.countsFrom.kept - keptBefore;
  }

  it("answers only when it can: a language filter and a small store are left to the store", async () => {
    const small = createDb(store.url);
    try {
      expect(await facetIndex(small, { min: 10, wait: true })).toBeUndefined();
      expect(await indexFacets(store.db, articleFilterParams.parse({ language: "en" }), { min: 0, wait: true })).toBeUndefined();
    } finally {
      await closeReader(small);
      await small.$disconnect();
    }
  });

  it("counts as the store does after ingest, bulk and per item", async () => {
    await expectSame("empty store");
    await runIngest(store.db, comparisonInputs(), { ...base, bulk: true, batchSize: 7 });
    await expectSame("bulk ingest");
    const more = wireStories(12, 77).map((s, i) => ({ uri: `more-${i}`, headline: s.title, body_text: s.body, subject: [{ code: "medtop:04000000" }] }));
    await runIngest(store.db, [{ name: "more.ndjson", read: async () => bytes(more.map((m) => JSON.stringify(m)).join("\n")) }], { ...base, bulk: false });
    expect(await expectSame("per-item ingest"), "counts kept").toBeGreaterThan(100);
    const counted = await computeFacets(store.db, articleFilterParams.parse({ view: "articles" }));
    // The comparison is about something: places, topics, sources, links.
    expect(counted.total).toBeGreaterThan(20);
    expect(counted.place.length).toBeGreaterThan(2);
    expect(counted.topic.length).toBeGreaterThan(2);
    expect(counted.duplicates[0]!.count).toBeGreaterThan(0);
  }, HEAVY);

  it("leaves a page without a search to the store when a walk down the articles would not fill it soon", async () => {
    const index = (await facetIndex(store.db, { min: 0, wait: true }))!;
    const p = await resolveTags(store.db, articleFilterParams.parse({ view: "articles", status: "all" }));
    const all = index.page(p, null, null, {}, 500)!;
    expect(all.length).toBe(index.articles);
    // Every article passes: a page of 3 fills within the 3 newest, one of 5 does not.
    expect(index.page(p, null, null, {}, 3, undefined, 3)).toEqual(all.slice(0, 3));
    expect(index.page(p, null, null, {}, 5, undefined, 3)).toBeUndefined();
    // A search walks its matches, however many articles lie between them.
    const search = await index.searchIds("oil");
    expect(index.page(p, null, search, {}, 500, undefined, 3)?.length).toBe(search.ids.length);
    // Foretold by the filter's count: one article in `all` that passes would need a walk past the limit.
    expect(await indexPage(store.db, p, {}, 500, { min: 0, wait: true, total: all.length })).toEqual(all);
    expect(await indexPage(store.db, p, {}, Math.ceil((100_000 * 2) / all.length), { min: 0, wait: true, total: 1 })).toBeUndefined();
  });

  it("moves a count kept under a search onto the search's ids however they were read", async () => {
    const index = (await facetIndex(store.db, { min: 0, wait: true }))!;
    const names = new Map<number, string>();
    const all = index.page(await resolveTags(store.db, articleFilterParams.parse({ view: "articles", status: "all" })), null, null, {}, 10_000)!;
    for (const q of ["the", "-the"]) {
      const p = await resolveTags(store.db, articleFilterParams.parse({ view: "articles", status: "all", q }));
      const read = await index.searchIds(q);
      expect(read.ids.length, q).toBeGreaterThan(2);
      index.count(p, null, read, names);
      // As if read whole from the store later: one article no longer matching, another matching now.
      const newcomer = all.find((id) => !read.ids.includes(id))!;
      const moved = { ids: Int32Array.from([...read.ids.slice(1), newcomer]).sort(), exclude: read.exclude };
      // Counted afresh under filters that pass every article (another key): the same figures.
      const fresh = index.count({ ...p, since: "1970-01-01T00:00:00.000Z" }, null, moved, names);
      expect(index.count(p, null, moved, names), q).toEqual(fresh);
      expect(fresh, q).not.toEqual(index.count({ ...p, since: "1970-01-01T00:00:00.000Z" }, null, read, names));
    }
  });

  it("never shows a kept count half moved to a request counting while another's sync runs", async () => {
    const index = (await facetIndex(store.db, { min: 0, wait: true }))!;
    const p = await resolveTags(store.db, articleFilterParams.parse({ view: "articles", status: "all" }));
    const names = new Map((await store.db.source.findMany()).map((s) => [s.id, s.name]));
    const before = index.count(p, null, null, names);
    const newest = await store.db.article.findFirstOrThrow({ orderBy: { id: "desc" } });
    await setStatus(store.db, newest.id, "spiked", newest.version, admin);
    const after = await computeFacets(store.db, p);
    expect(after).not.toEqual(before);
    // A request whose own sync is done counts at every turn of the loop while a later sync reads the store.
    let done = false;
    const sync = index.sync().then(() => (done = true));
    const seen: unknown[] = [];
    while (!done) {
      seen.push(index.count(p, null, null, names));
      await new Promise((r) => setImmediate(r));
    }
    await sync;
    // (SQLite's reads here do not yield: its sync runs in one turn, and there is nothing to see half done.)
    if (kind === "postgres") expect(seen.length).toBeGreaterThan(1);
    for (const c of seen) expect([before, after]).toContainEqual(c);
    expect(index.count(p, null, null, names)).toEqual(after);
  });

  it("counts as the store does after the desk's decisions", async () => {
    const db = store.db;
    const articles = await db.article.findMany({ orderBy: { id: "asc" }, select: { id: true, version: true } });
    await setStatus(db, articles[0]!.id, "reviewed", articles[0]!.version, admin);
    await setStatus(db, articles[1]!.id, "spiked", articles[1]!.version, admin);
    const suggested = await db.articleTag.findMany({ where: { state: "suggested" }, include: { tag: true }, orderBy: { id: "asc" } });
    const place = suggested.find((t) => t.tag.scheme === "iso3166")!;
    const topic = suggested.find((t) => t.tag.scheme === "medtop" && t.tag.parentId === null)!;
    await decideTag(db, place.articleId, place.tagId, "rejected", admin);
    await decideTag(db, topic.articleId, topic.tagId, "accepted", admin);
    await addTag(db, articles[2]!.id, "iso3166", "NO", admin);
    expect(await expectSame("statuses and tag decisions"), "counts kept").toBeGreaterThan(100);
    // The same article changed twice in a row: the second change names the article of the newest change row.
    await decideTag(db, place.articleId, place.tagId, "rejected", admin, undefined, { undo: true });
    expect(await expectSame("a decision undone"), "counts kept").toBeGreaterThan(100);
    const changes = async () => db.$queryRawUnsafe<{ seq: unknown; articleId: unknown }[]>(`SELECT "seq", "articleId" FROM "ArticleChange" ORDER BY "seq" DESC LIMIT 1`);
    await addTag(db, articles[3]!.id, "iso3166", "FI", admin);
    await expectSame("a place added");
    const [newest] = await changes();
    expect(Number(newest!.articleId)).toBe(articles[3]!.id);
    await addTag(db, articles[3]!.id, "iso3166", "DK", admin);
    // On SQLite no row for it: the newest row names it already, and is read again
    // (PostgreSQL leaves out only a row of the same transaction).
    expect(Number((await changes())[0]!.seq)).toBe(Number(newest!.seq) + (kind === "postgres" ? 1 : 0));
    await expectSame("the same article again");

    const links = await db.duplicateLink.findMany({ where: { state: "suggested" }, orderBy: { id: "asc" } });
    await decideLink(db, links[0]!.id, "dismissed", admin);
    await decideLink(db, links[1]!.id, "confirmed", admin);
    const inStory = await db.article.findFirst({ where: { storyLead: false }, select: { id: true } });
    expect(inStory).not.toBeNull();
    await moveArticle(db, inStory!.id, "alone", admin);
    await expectSame("links decided, a copy taken out of its story");

    await db.tag.update({ where: { id: topic.tagId }, data: { hidden: true } });
    await expectSame("a hidden topic");
    await db.tag.update({ where: { id: topic.tagId }, data: { hidden: false, name: "Renamed topic" } });
    await expectSame("a renamed topic");
    // A top-level topic moved under another: no longer counted at the top.
    const other = await db.tag.findFirst({ where: { scheme: "medtop", parentId: null, id: { not: topic.tagId } } });
    await db.tag.update({ where: { id: topic.tagId }, data: { parentId: other!.id } });
    await expectSame("a topic moved under another");
    await db.tag.update({ where: { id: topic.tagId }, data: { parentId: null } });
  }, HEAVY);

  it("counts as the store does after rows changed behind the app's back and by another client", async () => {
    const db = store.db;
    const [a, b, c] = await db.article.findMany({ orderBy: { id: "desc" }, take: 3, select: { id: true } });
    await db.$executeRawUnsafe(
      `INSERT INTO "DuplicateLink" ("articleId", "otherId", "kind", "score", "state", "createdAt", "updatedAt") VALUES (${a!.id}, ${b!.id}, 'near', 0.9, 'suggested', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP), (${a!.id}, ${c!.id}, 'near', 0.9, 'suggested', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
    );
    await db.duplicateLink.updateMany({ where: { articleId: a!.id }, data: { state: "dismissed" } });
    await db.articleTag.updateMany({ where: { articleId: b!.id }, data: { confidence: 0.1, rel: "mentioned" } });
    await db.article.updateMany({ where: { id: { in: [b!.id, c!.id] } }, data: { status: "reviewed", storyLead: true } });
    await db.source.deleteMany({ where: { articles: { some: { id: c!.id } } } });
    await expectSame("rows updated in bulk, a source deleted");

    // Another process's writes (its own client) are seen by this one's index.
    const other = createDb(store.url);
    try {
      const linked = await other.duplicateLink.findFirst({ where: { state: { in: ["suggested", "confirmed"] } }, select: { articleId: true } });
      await other.article.delete({ where: { id: linked!.articleId } });
      await other.articleTag.deleteMany({ where: { articleId: a!.id } });
      await runIngest(other, [{ name: "late.ndjson", read: async () => bytes(JSON.stringify({ uri: "late-1", headline: "Oil prices", body_text: "Oil prices rose in Norway on the budget." })) }], { ...base, bulk: true });
    } finally {
      await closeReader(other);
      await other.$disconnect();
    }
    await expectSame("an article deleted, tag rows deleted, a late arrival, by another client");

    // Text changes: an article comes to match a kept search, another stops, by hand and by ingest's update.
    const [d, e] = await db.article.findMany({ where: { NOT: { headline: { contains: "udget" } } }, orderBy: { id: "asc" }, take: 2, select: { id: true } });
    await db.article.update({ where: { id: d!.id }, data: { headline: "Budget talks resume" } });
    await db.article.update({ where: { id: e!.id }, data: { bodyText: "Norway set its budget." } });
    expect(await expectSame("a headline and a body changed to match"), "counts kept").toBeGreaterThan(100);
    // A publication time changed: the article moves in a search's page by publication.
    await db.article.update({ where: { id: d!.id }, data: { firstCreated: new Date(Date.now() + 86_400_000) } });
    await db.article.update({ where: { id: e!.id }, data: { firstCreated: new Date(Date.UTC(2001, 0, 1)) } });
    await expectSame("publication times changed");

    // What only the queue's rows show: an address, a dateline, a version, a story copy's language
    // (every copy's row shows the story's languages), a tag row's origin, a story's figures, a
    // source's name. Each change names an article other than the newest change row's (on
    // SQLite that row is read again at every sync, which would hide a change left unnamed).
    const [story] = await db.article.groupBy({ by: ["storyId"], where: { storyId: { not: null } }, _count: { _all: true }, orderBy: { _count: { storyId: "desc" } }, take: 1 });
    expect(story!._count._all).toBeGreaterThan(1);
    const copies = await db.article.findMany({ where: { storyId: story!.storyId }, orderBy: { id: "asc" }, select: { id: true } });
    await db.article.update({ where: { id: copies[0]!.id }, data: { uri: "urn:moved:1", dateline: "OSLO", version: { increment: 1 } } });
    await expectSame("an address, a dateline and a version changed");
    await db.article.update({ where: { id: copies[0]!.id }, data: { language: "xx" } });
    await expectSame("a story's copy in another language");
    const row = await db.articleTag.findFirst({ where: { articleId: { notIn: copies.map((c) => c.id) }, state: "suggested" }, select: { id: true } });
    await db.articleTag.update({ where: { id: row!.id }, data: { origin: "editor" } });
    await expectSame("a tag row's origin changed");
    await db.$executeRawUnsafe(`UPDATE "Story" SET "copies" = "copies" + 5, "sources" = "sources" + 2 WHERE "id" = ${story!.storyId}`);
    await expectSame("a story's figures changed");
    const named = await db.article.findFirst({ where: { sourceId: { not: null } }, select: { sourceId: true } });
    await db.source.update({ where: { id: named!.sourceId! }, data: { name: "Renamed Wire" } });
    await expectSame("a source renamed");
    await db.article.update({ where: { id: d!.id }, data: { headline: "Talks resume" } });
    await runIngest(db, [{ name: "late.ndjson", read: async () => bytes(JSON.stringify({ uri: "late-1", headline: "Grain prices", body_text: "Grain prices rose in Sweden." })) }], { ...base, bulk: false });
    await expectSame("a headline changed back, an ingested update no longer about oil or Norway");
  }, HEAVY);

  it("starts again from the store when the change rows it has not read were pruned", async () => {
    const db = store.db;
    const index = (await facetIndex(db, { min: 0, wait: true }))!;
    const n = index.articles;
    const gone = await db.article.findFirst({ orderBy: { id: "asc" }, select: { id: true } });
    await db.article.delete({ where: { id: gone!.id } });
    // Every row pruned, the deletion's with them. On PostgreSQL only rows of transactions older than
    // every open one go, and another database's transaction on the same server can hold them a moment.
    let pruned = 0;
    for (let i = 0; i < 100 && pruned === 0; i++) {
      if (i) await new Promise((r) => setTimeout(r, 200));
      pruned = await pruneArticleChanges(db, new Date(Date.now() + 2 * 3600_000));
    }
    expect(pruned).toBeGreaterThan(0);
    await db.$executeRawUnsafe(`UPDATE "Article" SET "status" = 'spiked' WHERE "id" = (SELECT max("id") FROM "Article")`);
    await index.sync();
    expect(index.articles).toBe(n - 1);
    await expectSame("after pruning");
  });

  // PostgreSQL only: SQLite has one writer at a time, so a transaction cannot commit behind a later one.
  if (kind === "postgres") it("sees a transaction that commits after a later one was read", async () => {
    const db = store.db;
    const [a, b] = await db.article.findMany({ where: { status: "new", storyLead: true }, orderBy: { id: "asc" }, take: 2, select: { id: true } });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const begun = new Promise<void>((r) => (started = r));
    // The slow transaction takes its change row first, and commits last.
    const slow = db.$transaction(
      async (tx) => {
        await tx.article.update({ where: { id: a!.id }, data: { status: "spiked" } });
        started();
        await held;
      },
      { timeout: 20_000 },
    );
    await begun;
    await db.article.update({ where: { id: b!.id }, data: { status: "reviewed" } });
    await expectSame("one transaction still open");
    release();
    await slow;
    await expectSame("after it committed");
  });
});
