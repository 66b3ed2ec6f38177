// The queue's rows are built as JSON by the store (find-articles.ts), with
// the chip rule written in SQL: checked here against the rows Prisma reads
// and against isQueueChip, over every kind of tag row, on each store.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { findArticles, findArticlesJson } from "../../lib/server/articles/find-articles";
import { isQueueChip, LIKELY_TOPIC_CONFIDENCE } from "../../lib/schemas/articles";
import { MENTION_TAG_CONFIDENCE } from "../../lib/tagging/thresholds";
import { viewer } from "../support/actors";

describe.each(storeKinds())("queue rows built by the %s store", (kind) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openStore(kind);
    const db = store.db;
    const source = await db.source.create({ data: { name: "Agence \"Ñ\" \\ Presse", kind: "wire" } });
    const tag = async (scheme: string, code: string, name: string) =>
      (await db.tag.upsert({ where: { scheme_code: { scheme, code } }, create: { scheme, code, name }, update: {} })).id;
    const tags = [
      await tag("iso3166", "ES", "Spain"),
      await tag("iso3166", "FR", "France"),
      await tag("medtop", "medtop:04000000", "economy"),
      await tag("newsroom", "newsroom:fan-protests", "Fan \"protests\""),
    ];
    const states = ["suggested", "accepted", "rejected"];
    const rels = [null, "main", "mentioned"];
    const confidences = [0, LIKELY_TOPIC_CONFIDENCE - 0.001, LIKELY_TOPIC_CONFIDENCE, MENTION_TAG_CONFIDENCE - 0.001, MENTION_TAG_CONFIDENCE, 1];
    // One article per (state, rel, confidence), each with every tag in that state: 54 articles, 216 tag rows.
    let n = 0;
    for (const state of states) {
      for (const rel of rels) {
        for (const confidence of confidences) {
          n++;
          const a = await db.article.create({
            data: {
              uri: `a${n}`,
              headline: `Story ${n}: "quotes", \\ backslash, ünïcode ✓`,
              bodyText: `${"Body text é ".repeat(40)}${n}`,
              dateline: n % 2 ? `MADRID, ${n}` : null,
              language: n % 5 === 0 ? null : n % 2 ? "es" : "en",
              contentHash: `h${n}`,
              sourceId: n % 3 ? source.id : null,
              firstCreated: n % 4 ? new Date(Date.UTC(2026, 10, 1, 8, 0, n, 7 * n)) : null,
              ingestedAt: new Date(Date.UTC(2026, 10, 2, 9, 30, n, n % 2 ? 0 : 123)),
            },
          });
          for (const tagId of tags) await db.articleTag.create({ data: { articleId: a.id, tagId, origin: n % 2 ? "machine" : "editor", state, rel, confidence } });
        }
      }
    }
    const ids = (await db.article.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((a) => a.id);
    // Links of every state, from either side: only suggested and confirmed count.
    for (const [i, state] of ["suggested", "confirmed", "dismissed", "suggested"].entries()) {
      await db.duplicateLink.create({ data: { articleId: ids[i]!, otherId: ids[10]!, kind: "near", score: 0.9, state } });
    }
  });
  afterAll(async () => {
    await store?.drop();
  });

  it("lists each article as Prisma reads it, with isQueueChip's tags in the order they were made", async () => {
    const page = await findArticles(store.db, { limit: 200 }, viewer);
    const stored = await store.db.article.findMany({
      orderBy: { id: "desc" },
      include: { source: true, tags: { include: { tag: true }, orderBy: { id: "asc" } } },
    });
    expect(page.total).toBe(54);
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((i) => i.id)).toEqual(stored.map((a) => a.id));
    let shown = 0;
    for (const [i, a] of stored.entries()) {
      const item = page.items[i]!;
      const chips = a.tags
        .map((t) => ({ scheme: t.tag.scheme, code: t.tag.code, name: t.tag.name, state: t.state, origin: t.origin, confidence: t.confidence, rel: t.rel }))
        .filter(isQueueChip);
      shown += chips.length;
      expect(item).toEqual({
        id: a.id,
        uri: a.uri,
        headline: a.headline,
        source: a.source?.name ?? null,
        dateline: a.dateline,
        language: a.language,
        // Alone: its own language, if it has one.
        languages: a.language ? [a.language] : [],
        status: a.status,
        version: a.version,
        publishedAt: (a.firstCreated ?? a.ingestedAt).toISOString(),
        ingestedAt: a.ingestedAt.toISOString(),
        duplicates: expect.any(Number),
        tags: chips,
        excerpt: a.bodyText.slice(0, 240),
        // Each stands alone here (no copies): its own story.
        storyId: null,
        copies: 1,
        sources: 1,
        firstSeenAt: (a.firstCreated ?? a.ingestedAt).toISOString(),
        lastUpdatedAt: a.ingestedAt.toISOString(),
      });
    }
    // The grid holds rows on both sides of the rule: some shown, some not, none rejected.
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(216);
    expect(page.items.flatMap((i) => i.tags).some((t) => t.state === "rejected")).toBe(false);
  });

  it("counts open and confirmed duplicate links from either side", async () => {
    const page = await findArticles(store.db, { limit: 200 }, viewer);
    const byId = new Map(page.items.map((i) => [i.id, i.duplicates]));
    const ids = [...byId.keys()].sort((a, b) => a - b);
    expect([0, 1, 2, 3, 10].map((i) => byId.get(ids[i]!))).toEqual([1, 1, 0, 1, 3]);
    expect([...byId.values()].reduce((a, b) => a + b, 0)).toBe(6);
  });

  it("pages through search results newest first, with the other filters, as through the whole queue", async () => {
    const all = (await findArticles(store.db, { limit: 200 }, viewer)).items.map((i) => i.id);
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await findArticles(store.db, { q: "stor", limit: 20, cursor }, viewer);
      expect(page.total).toBe(54);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    expect(seen).toEqual(all);
    // Another filter with the search: sources are on two articles of three.
    const withSource = await findArticles(store.db, { q: "story backslash", source: 'Agence "Ñ" \\ Presse', limit: 200 }, viewer);
    const found = new Set(withSource.items.map((i) => i.id));
    expect(withSource.items.map((i) => i.id)).toEqual(all.filter((id) => found.has(id)));
    expect(withSource.items).toHaveLength(36);
    expect(withSource.items.every((i) => i.source === 'Agence "Ñ" \\ Presse')).toBe(true);
    // New arrivals after an id, searched.
    const after = await findArticles(store.db, { q: "story", after: all[5] }, viewer);
    expect(after.items.map((i) => i.id)).toEqual(all.slice(0, 5));
    expect(after.total).toBe(5);
  });

  it("sends valid JSON for pages, the last page and an empty one", async () => {
    const first = JSON.parse(await findArticlesJson(store.db, { limit: 5 }, viewer));
    expect(first.items).toHaveLength(5);
    expect(first.nextCursor).toBe(String(first.items[4].id));
    const rest = JSON.parse(await findArticlesJson(store.db, { cursor: first.nextCursor, limit: 100 }, viewer));
    expect(rest.items).toHaveLength(49);
    expect(rest.nextCursor).toBeNull();
    // A search's page also names what to mark: the word, and any forms it stands for.
    expect(JSON.parse(await findArticlesJson(store.db, { q: "nothingmatchesthis" }, viewer))).toEqual({
      items: [],
      nextCursor: null,
      total: 0,
      newest: Math.max(...first.items.map((i: { id: number }) => i.id)),
      highlight: expect.arrayContaining(["nothingmatchesthis"]),
    });
  });
});
