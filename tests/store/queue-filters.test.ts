// The queue's filters (source, arrival time, duplicates) and its faceted
// counts, on seeded articles whose every count is known; each case read by
// the store, and by the process's in-memory index (facet-index.ts), which a
// store of 20,000 articles or more loads and which then answers the pages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, storeAndIndexVariants, type TestStore } from "../support/stores";
import { findArticles } from "../../lib/server/articles/find-articles";
import { articleFacets } from "../../lib/server/articles/article-facets";
import { setStatus } from "../../lib/server/articles/set-status";
import { articleListParams, type ArticleFacets } from "../../lib/schemas/articles";
import { viewer } from "../support/actors";
import { facetIndex } from "../../lib/server/articles/facet-index";

const HOUR = 3_600_000;
const counts = (f: { value: string; count: number }[]) => Object.fromEntries(f.map((x) => [x.value, x.count]));

describe.each(storeAndIndexVariants())("queue filters and counts on %s, read by %s", (kind, by) => {
  let store: TestStore;
  const id: Record<string, number> = {};
  let afp = 0;
  const now = Date.now();
  beforeAll(async () => {
    store = await openStore(kind);
    const db = store.db;
    const reuters = await db.source.create({ data: { name: "Reuters", kind: "wire" } });
    afp = (await db.source.create({ data: { name: "AFP", kind: "wire" } })).id;
    const tag = async (scheme: string, code: string, name: string) =>
      (await db.tag.upsert({ where: { scheme_code: { scheme, code } }, create: { scheme, code, name }, update: {} })).id;
    const es = await tag("iso3166", "ES", "Spain");
    const ua = await tag("iso3166", "UA", "Ukraine");
    const econ = await tag("medtop", "medtop:04000000", "economy");
    const war = await tag("medtop", "medtop:16000000", "conflict");
    const seed = [
      { key: "a1", headline: "Spanish bank profits rise", src: reuters.id, ago: 240 * HOUR, status: "reviewed", tags: [[es, "suggested", "main", 0.9], [econ, "suggested", null, 0.8]] },
      { key: "a2", headline: "Madrid rally against the war", src: reuters.id, ago: 48 * HOUR, status: "new", tags: [[es, "accepted", "mentioned", 0.5], [war, "suggested", null, 0.7]] },
      { key: "a3", headline: "Drone strike hits Odesa harbour", src: afp, ago: 3 * HOUR, status: "new", tags: [[ua, "suggested", "main", 0.95], [war, "suggested", null, 0.9]] },
      // Spain only named in passing: listed on the article, not filed under Spain.
      { key: "a4", headline: "Dock workers strike at the harbour", src: afp, ago: 0.5 * HOUR, status: "new", tags: [[es, "suggested", "mentioned", 0.4], [econ, "suggested", null, 0.6]] },
      { key: "a5", headline: "Weather: sunny spells", src: afp, ago: 5 * 60_000, status: "spiked", tags: [] },
    ] as const;
    for (const s of seed) {
      const a = await db.article.create({
        data: { uri: s.key, headline: s.headline, bodyText: `${s.headline}.`, contentHash: s.key, sourceId: s.src, status: s.status, ingestedAt: new Date(now - s.ago) },
      });
      id[s.key] = a.id;
      for (const [tagId, state, rel, confidence] of s.tags) {
        await db.articleTag.create({ data: { articleId: a.id, tagId, origin: "machine", state, rel, confidence } });
      }
    }
    await db.duplicateLink.create({ data: { articleId: id.a4!, otherId: id.a2!, kind: "near", score: 0.9, state: "suggested" } });
    // A dismissed link is not a duplicate.
    await db.duplicateLink.create({ data: { articleId: id.a5!, otherId: id.a1!, kind: "near", score: 0.8, state: "dismissed" } });
    if (by === "the index") expect(await facetIndex(db, { min: 0, wait: true })).toBeDefined();
  });
  afterAll(async () => {
    await store?.drop();
  });

  const uris = async (params: Parameters<typeof findArticles>[1]) => {
    const page = await findArticles(store.db, params, viewer);
    return { uris: page.items.map((a) => a.uri), total: page.total };
  };

  it("filters by source, by id or by name", async () => {
    expect(await uris({ source: "Reuters" })).toEqual({ uris: ["a2", "a1"], total: 2 });
    expect(await uris({ source: String(afp) })).toEqual({ uris: ["a5", "a4", "a3"], total: 3 });
    expect(await uris({ source: "Nobody" })).toEqual({ uris: [], total: 0 });
    // Times read back as the instants written (PostgreSQL's timestamp(3) holds UTC without a zone).
    const [a5] = (await findArticles(store.db, { limit: 1 }, viewer)).items;
    expect(a5?.ingestedAt).toBe(new Date(now - 5 * 60_000).toISOString());
    expect(a5?.publishedAt).toBe(a5?.ingestedAt);
  });

  it("filters by arrival time: presets, since and until", async () => {
    expect((await uris({ range: "1h" })).uris).toEqual(["a5", "a4"]);
    expect((await uris({ range: "24h" })).uris).toEqual(["a5", "a4", "a3"]);
    expect((await uris({ range: "7d" })).uris).toEqual(["a5", "a4", "a3", "a2"]);
    expect((await uris({ since: new Date(now - 72 * HOUR).toISOString() })).uris).toEqual(["a5", "a4", "a3", "a2"]);
    expect((await uris({ until: new Date(now - 24 * HOUR).toISOString() })).uris).toEqual(["a2", "a1"]);
    // Both bounds: the later start wins.
    expect((await uris({ range: "7d", since: new Date(now - 2 * HOUR).toISOString() })).uris).toEqual(["a5", "a4"]);
  });

  it("filters by open or confirmed duplicates, read from either side", async () => {
    expect(await uris({ duplicates: "yes" })).toEqual({ uris: ["a4", "a2"], total: 2 });
    expect(await uris({ duplicates: "no" })).toEqual({ uris: ["a5", "a3", "a1"], total: 3 });
    expect(await uris({ duplicates: "yes", source: "AFP" })).toEqual({ uris: ["a4"], total: 1 });
    const page = await findArticles(store.db, {}, viewer);
    expect(Object.fromEntries(page.items.map((a) => [a.uri, a.duplicates]))).toEqual({ a1: 0, a2: 1, a3: 0, a4: 1, a5: 0 });
  });

  it("combines the new filters with place, topic, status, search and paging", async () => {
    expect((await uris({ place: "ES", range: "7d" })).uris).toEqual(["a2"]);
    expect((await uris({ topic: "medtop:16000000", source: "AFP" })).uris).toEqual(["a3"]);
    expect((await uris({ q: "harbour", duplicates: "no" })).uris).toEqual(["a3"]);
    const first = await findArticles(store.db, { source: "AFP", limit: 2 }, viewer);
    expect(first.items.map((a) => a.uri)).toEqual(["a5", "a4"]);
    expect(first.total).toBe(3);
    const next = await findArticles(store.db, { source: "AFP", limit: 2, cursor: first.nextCursor! }, viewer);
    expect(next.items.map((a) => a.uri)).toEqual(["a3"]);
    expect(next.nextCursor).toBeNull();
  });

  it("refuses malformed filters with the field named", () => {
    expect(() => articleListParams.parse({ range: "2d" })).toThrow(/range/);
    expect(() => articleListParams.parse({ since: "yesterday" })).toThrow(/since/);
    expect(() => articleListParams.parse({ duplicates: "maybe" })).toThrow(/duplicates/);
  });

  it("counts every filter value under the other active filters", async () => {
    const all = await articleFacets(store.db, {}, viewer);
    expect(all.total).toBe(5);
    expect(counts(all.status)).toEqual({ new: 3, reviewed: 1, spiked: 1 });
    expect(counts(all.place)).toEqual({ ES: 2, UA: 1 });
    expect(counts(all.topic)).toEqual({ "medtop:04000000": 2, "medtop:16000000": 2 });
    expect(all.source.map((s) => [s.label, s.count])).toEqual([["AFP", 3], ["Reuters", 2]]);
    expect(counts(all.duplicates)).toEqual({ yes: 2, no: 3 });

    // With Spain chosen: the other dimensions count stories in Spain; places still offer every place.
    const spain = await articleFacets(store.db, { place: "ES" }, viewer);
    expect(spain.total).toBe(2);
    expect(counts(spain.place)).toEqual({ ES: 2, UA: 1 });
    expect(counts(spain.topic)).toEqual({ "medtop:04000000": 1, "medtop:16000000": 1 });
    expect(counts(spain.status)).toEqual({ new: 1, reviewed: 1, spiked: 0 });
    expect(counts(spain.source)).toEqual({ [String((await store.db.source.findUniqueOrThrow({ where: { name: "Reuters" } })).id)]: 2 });
    expect(counts(spain.duplicates)).toEqual({ yes: 1, no: 1 });

    const fresh = await articleFacets(store.db, { status: "new" }, viewer);
    expect(fresh.total).toBe(3);
    expect(counts(fresh.status)).toEqual({ new: 3, reviewed: 1, spiked: 1 });
    expect(counts(fresh.place)).toEqual({ ES: 1, UA: 1 });
    expect(counts(fresh.topic)).toEqual({ "medtop:04000000": 1, "medtop:16000000": 2 });

    const search = await articleFacets(store.db, { q: "harbour", range: "24h" }, viewer);
    expect(search.total).toBe(2);
    expect(counts(search.topic)).toEqual({ "medtop:04000000": 1, "medtop:16000000": 1 });
    expect(counts(search.source)).toEqual({ [String(afp)]: 2 });
    expect(counts(search.duplicates)).toEqual({ yes: 1, no: 1 });
  });

  it("counts again once the store changes", async () => {
    const before: ArticleFacets = await articleFacets(store.db, {}, viewer);
    expect(counts(before.status).new).toBe(3);
    expect((await findArticles(store.db, { status: "new" }, viewer)).total).toBe(3);
    await setStatus(store.db, id.a5!, "new", 1, { name: "ed", role: "editor" });
    const after = await articleFacets(store.db, {}, viewer);
    expect(counts(after.status)).toEqual({ new: 4, reviewed: 1, spiked: 0 });
    expect((await findArticles(store.db, { status: "new" }, viewer)).total).toBe(4);
    // A rejected place no longer files the story there.
    const es = await store.db.tag.findUniqueOrThrow({ where: { scheme_code: { scheme: "iso3166", code: "ES" } } });
    await store.db.articleTag.updateMany({ where: { articleId: id.a2!, tagId: es.id }, data: { state: "rejected" } });
    expect(counts((await articleFacets(store.db, {}, viewer)).place)).toEqual({ ES: 1, UA: 1 });
    expect((await findArticles(store.db, { place: "ES" }, viewer)).total).toBe(1);
  });
});
