// The filter bar's counts kept at write time (FacetCount, decision 022)
// against a recount over the articles (computeFacets), for every status and
// both views, after each kind of write the desk and ingest make: bulk and
// per-item ingest with duplicate links and stories, status decisions, tag
// decisions and hand-added tags, link decisions, a story split, a hidden tag,
// rows changed and deleted behind the app's back, links made several in one
// statement, and folding.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { comparisonInputs, wireStories } from "../support/bulk-corpus";
import { bytes } from "../support/feeds";
import { admin } from "../support/actors";
import { runIngest } from "../../lib/server/ingest/run-ingest";
import { computeFacets, facetsFor } from "../../lib/server/articles/article-facets";
import { facetsFromCounts, foldFacetCounts, foldWith, keptTotal } from "../../lib/server/articles/facet-counts";
import { resolveTags } from "../../lib/server/articles/article-sql";
import { setStatus } from "../../lib/server/articles/set-status";
import { addTag, decideTag } from "../../lib/server/tags/decide-tag";
import { decideLink } from "../../lib/server/duplicates/decide-link";
import { moveArticle } from "../../lib/server/stories/story-clusters";
import { articleFilterParams } from "../../lib/schemas/articles";
import { openConn } from "../../lib/server/ingest/bulk/conn";
import { waiting } from "../../lib/server/dashboard/waiting";
import { MENTION_TAG_CONFIDENCE } from "../../lib/tagging/thresholds";

const base = { origin: "cli" as const, actor: "test", role: "system" as const, ingestTime: new Date("2026-11-28T12:00:00Z"), defaultSource: "Daily8" };
const FILTERS = [undefined, "all", "new", "reviewed", "spiked"].flatMap((status) =>
  (["stories", "articles"] as const).map((view) => articleFilterParams.parse({ status, view })),
);

describe.each(storeKinds())("facet counts kept at write time on %s", (kind) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openStore(kind);
  });
  afterAll(async () => {
    await store?.drop();
  });

  /** Every status and view: the kept counts, the recount and the queue's total agree. */
  async function expectSame(step: string) {
    await expectSameWaiting(step);
    for (const p of FILTERS) {
      const kept = await facetsFromCounts(store.db, p);
      const counted = await computeFacets(store.db, await resolveTags(store.db, p));
      expect(kept, `${step}: status ${p.status ?? "(none)"}, by ${p.view}`).toEqual(counted);
      expect(await keptTotal(store.db, p)).toBe(counted.total);
      // One filter more: its own dimension from the kept counts, the others counted, all as a recount.
      const one = [
        ...counted.place.slice(0, 1).map((f) => ({ place: f.value })),
        ...counted.topic.slice(0, 1).map((f) => ({ topic: f.value })),
        ...counted.source.slice(0, 1).map((f) => ({ source: f.value })),
        { duplicates: "yes" as const },
      ];
      for (const extra of one) {
        const q = articleFilterParams.parse({ ...p, ...extra });
        const recount = await computeFacets(store.db, await resolveTags(store.db, q));
        expect(await facetsFor(store.db, q), `${step}: ${JSON.stringify(extra)}, status ${p.status ?? "(none)"}, by ${p.view}`).toEqual(recount);
      }
    }
  }
  const rows = async () => Number((await store.db.$queryRawUnsafe<{ n: unknown }[]>(`SELECT count(*) AS n FROM "FacetCount"`))[0]!.n);

  /** The dashboard's "what is waiting" suggestions, kept with these counts (decision 025), against a recount. */
  async function expectSameWaiting(step: string) {
    const [r] = await store.db.$queryRawUnsafe<{ tags: unknown; articles: unknown }[]>(
      `SELECT count(*) AS "tags", count(DISTINCT t."articleId") AS "articles" FROM "Article" a JOIN "ArticleTag" t ON t."articleId" = a."id" JOIN "Tag" g ON g."id" = t."tagId"
       WHERE a."status" = 'new' AND t."state" = 'suggested' AND (g."scheme" <> 'iso3166' OR t."rel" = 'main' OR t."confidence" >= ${MENTION_TAG_CONFIDENCE})`,
    );
    const now = new Date();
    const w = await waiting(store.db, now);
    expect({ step, tags: w.suggestedTags, articles: w.suggestedTagArticles }).toEqual({ step, tags: Number(r!.tags), articles: Number(r!.articles) });
    // The new articles by age: the oldest bucket is what the kept counts leave after the others.
    const bounds = [0, 1, 6, 24, 72];
    const at = (h: number) => new Date(now.getTime() - h * 3_600_000);
    const byAge = await Promise.all(
      bounds.map((lower, i) =>
        store.db.article.count({
          where: { status: "new", ingestedAt: { ...(i > 0 ? { lte: at(lower) } : {}), ...(bounds[i + 1] !== undefined ? { gt: at(bounds[i + 1]!) } : {}) } },
        }),
      ),
    );
    expect({ step, byAge: w.newByAge.map((b) => b.count) }).toEqual({ step, byAge });
  }

  it("agree after ingest, bulk and per item, with duplicates and stories", async () => {
    await expectSame("empty store");
    await runIngest(store.db, comparisonInputs(), { ...base, bulk: true, batchSize: 7 });
    await expectSame("bulk ingest");
    const more = wireStories(12, 77).map((s, i) => ({ uri: `more-${i}`, headline: s.title, body_text: s.body, subject: [{ code: "medtop:04000000" }] }));
    await runIngest(store.db, [{ name: "more.ndjson", read: async () => bytes(more.map((m) => JSON.stringify(m)).join("\n")) }], { ...base, bulk: false });
    await expectSame("per-item ingest");
    const counted = await computeFacets(store.db, articleFilterParams.parse({ view: "articles" }));
    // The store holds what the comparison is about: several statuses later, places, topics, links.
    expect(counted.total).toBeGreaterThan(20);
    expect(counted.place.length).toBeGreaterThan(2);
    expect(counted.topic.length).toBeGreaterThan(2);
    expect(counted.duplicates[0]!.count).toBeGreaterThan(0);
  });

  it("agree after the desk's decisions", async () => {
    const db = store.db;
    const articles = await db.article.findMany({ orderBy: { id: "asc" }, select: { id: true, version: true, storyLead: true } });
    await setStatus(db, articles[0]!.id, "reviewed", articles[0]!.version, admin);
    await setStatus(db, articles[1]!.id, "spiked", articles[1]!.version, admin);
    await expectSame("statuses");

    const suggested = await db.articleTag.findMany({ where: { state: "suggested" }, include: { tag: true }, orderBy: { id: "asc" } });
    const place = suggested.find((t) => t.tag.scheme === "iso3166")!;
    const topic = suggested.find((t) => t.tag.scheme === "medtop" && t.tag.parentId === null)!;
    await decideTag(db, place.articleId, place.tagId, "rejected", admin);
    await decideTag(db, topic.articleId, topic.tagId, "accepted", admin);
    await addTag(db, articles[2]!.id, "iso3166", "NO", admin);
    await expectSame("tag decisions");
    await decideTag(db, place.articleId, place.tagId, "rejected", admin, undefined, { undo: true });
    await expectSame("a tag decision undone");

    const links = await db.duplicateLink.findMany({ where: { state: "suggested" }, orderBy: { id: "asc" } });
    expect(links.length).toBeGreaterThan(1);
    await decideLink(db, links[0]!.id, "dismissed", admin);
    await decideLink(db, links[1]!.id, "confirmed", admin);
    await expectSame("link decisions");

    const inStory = await db.article.findFirst({ where: { storyLead: false }, select: { id: true } });
    expect(inStory).not.toBeNull();
    await moveArticle(db, inStory!.id, "alone", admin);
    await expectSame("a copy taken out of its story");

    await db.tag.update({ where: { id: topic.tagId }, data: { hidden: true } });
    await expectSame("a hidden topic");
    await db.tag.update({ where: { id: topic.tagId }, data: { hidden: false } });
  });

  it("agree after rows changed behind the app's back, deleted, and links made several at once", async () => {
    const db = store.db;
    const [a, b, c] = await db.article.findMany({ orderBy: { id: "desc" }, take: 3, select: { id: true } });
    // Two links of one article in one statement: each must see the other only once it is made.
    await db.$executeRawUnsafe(
      `INSERT INTO "DuplicateLink" ("articleId", "otherId", "kind", "score", "state", "createdAt", "updatedAt") VALUES (${a!.id}, ${b!.id}, 'near', 0.9, 'suggested', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP), (${a!.id}, ${c!.id}, 'near', 0.9, 'suggested', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
    );
    await expectSame("two links in one statement");
    await db.duplicateLink.updateMany({ where: { articleId: a!.id }, data: { state: "dismissed" } });
    await expectSame("links dismissed in one statement");
    // Suggestions several at once on one article: added in one statement, decided in one, a place moved below the bar.
    const topics = await db.tag.findMany({ where: { scheme: "medtop", parentId: null }, take: 40, orderBy: { id: "asc" } });
    const fresh = topics.filter((t) => !t.hidden).slice(-2);
    await db.articleTag.deleteMany({ where: { articleId: c!.id, tagId: { in: fresh.map((t) => t.id) } } });
    await db.$executeRawUnsafe(
      `INSERT INTO "ArticleTag" ("articleId", "tagId", "origin", "confidence", "state", "createdAt", "updatedAt") VALUES ${fresh.map((t) => `(${c!.id}, ${t.id}, 'machine', 0.8, 'suggested', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`).join(", ")}`,
    );
    await expectSame("suggestions added in one statement");
    await db.articleTag.updateMany({ where: { articleId: c!.id }, data: { state: "rejected" } });
    await expectSame("an article's suggestions rejected in one statement");
    await db.articleTag.updateMany({ where: { articleId: c!.id }, data: { state: "suggested" } });
    await expectSame("and suggested again");
    await db.articleTag.updateMany({ where: { articleId: b!.id }, data: { confidence: 0.1, rel: "mentioned" } });
    await db.article.updateMany({ where: { id: { in: [b!.id, c!.id] } }, data: { status: "reviewed", storyLead: true } });
    await db.source.deleteMany({ where: { articles: { some: { id: c!.id } } } });
    await expectSame("rows updated in bulk, a source deleted");
    const linked = await db.duplicateLink.findFirst({ where: { state: { in: ["suggested", "confirmed"] } }, select: { articleId: true } });
    await db.article.delete({ where: { id: linked!.articleId } });
    await db.articleTag.deleteMany({ where: { articleId: a!.id } });
    await expectSame("an article and some tag rows deleted");
  });

  it("fold into one row per count, through the desk or the bulk path, and count the same", async () => {
    const before = await rows();
    await foldFacetCounts(store.db);
    const after = await rows();
    expect(after).toBeLessThan(before);
    await expectSame("folded by the desk");
    // Folded again with nothing new: the same rows.
    await foldFacetCounts(store.db);
    expect(await rows()).toBe(after);
    // The bulk path folds inside its own transaction.
    await runIngest(store.db, [{ name: "late.ndjson", read: async () => bytes(JSON.stringify({ uri: "late-1", headline: "Late copy", body_text: "Late copy from Norway on the budget." })) }], { ...base, bulk: true });
    const conn = await openConn(store.url);
    try {
      await conn.begin();
      await foldWith(conn);
      await conn.commit();
    } finally {
      await conn.close();
    }
    expect(await rows()).toBeLessThanOrEqual(after + 2);
    await expectSame("folded by the bulk path");
  });
});
