// The queue's query side, on each store: several values per filter, the
// search syntax (words, phrases, exclusions, OR), status=all, the sort by
// publication time and its paging, search excerpts.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { openStore, storeAndIndexVariants, type TestStore } from "../support/stores";
import { usersByRole } from "../support/auth";
import type { Db } from "../../lib/server/db/client";
import { findArticles } from "../../lib/server/articles/find-articles";
import { facetIndex } from "../../lib/server/articles/facet-index";
import { articleFacets } from "../../lib/server/articles/article-facets";
import { articleListParams, type ArticleFacets, type ArticleListParams } from "../../lib/schemas/articles";
import { viewQuery } from "../../lib/schemas/views";
import { matchRanges, type SearchTerm } from "../../lib/search/query";
import { searchQuery } from "../../lib/server/articles/search-articles";
import { GET as listRoute } from "../../app/api/articles/route";
import { GET as facetsRoute } from "../../app/api/articles/facets/route";
import { viewer } from "../support/actors";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// Each store twice (storeAndIndexVariants); the index is loaded before the articles
// arrive, so it follows every write.
describe.each(storeAndIndexVariants())("the queue's query side on %s, answered by %s", (kind, by) => {
  let store: TestStore;
  let cookie: string;
  const id: Record<string, number> = {};
  const src: Record<string, number> = {};
  const now = Date.now();
  const g = globalThis as unknown as { wiredeskDb?: Db };

  beforeAll(async () => {
    store = await openStore(kind);
    const db = store.db;
    g.wiredeskDb = db;
    if (by === "the index") expect(await facetIndex(db, { min: 0, wait: true })).toBeDefined();
    cookie = (await usersByRole(db, "search")).editor.cookie;
    for (const name of ["Reuters", "AFP", "Agence X, Paris"]) src[name] = (await db.source.create({ data: { name, kind: "wire" } })).id;
    const tag = async (scheme: string, code: string, name: string) =>
      (await db.tag.upsert({ where: { scheme_code: { scheme, code } }, create: { scheme, code, name }, update: {} })).id;
    const t = {
      ES: await tag("iso3166", "ES", "Spain"),
      FR: await tag("iso3166", "FR", "France"),
      UA: await tag("iso3166", "UA", "Ukraine"),
      crime: await tag("medtop", "medtop:02000000", "crime, law and justice"),
      war: await tag("medtop", "medtop:16000000", "conflict, war and peace"),
      sport: await tag("medtop", "medtop:15000000", "sport"),
      fans: await tag("newsroom", "newsroom:fan-protests", "Fan protests"),
    };
    // Arrival order is the order below; publication times are out of that order on purpose,
    // with a tie (p3, p4, p5) and an article with none (falls back to its arrival).
    const seed = [
      { key: "p1", headline: "Interpol arrests drug ring leader in Madrid", body: "Police said the drug ring ran boats from Valencia.", src: "Reuters", pub: -12 * DAY, status: "new", tags: [t.ES, t.crime] },
      { key: "p2", headline: "Europol and Spanish police raid Madrid port", body: "The raid followed months of work on a ring of drug smugglers.", src: "AFP", pub: -1 * HOUR, status: "reviewed", tags: [t.ES, t.crime] },
      { key: "p3", headline: "Europol warns of fraud in Lyon", body: "Officers in France found forged invoices.", src: "Agence X, Paris", pub: -3 * DAY, status: "new", tags: [t.FR, t.crime] },
      { key: "p4", headline: "Football fans protest in Paris", body: "The transfer window closes on Friday; fans marched on the club.", src: "AFP", pub: -3 * DAY, status: "spiked", tags: [t.FR, t.sport, t.fans] },
      { key: "p5", headline: "Shelling near Kharkiv", body: "Peace talks stall as the window for a truce closes. Transfer of prisoners delayed.", src: "Reuters", pub: -3 * DAY, status: "new", tags: [t.UA, t.war] },
      { key: "p6", headline: "Madrid derby ends level", body: "Football in Spain: a late goal at the Bernabéu.", src: "Reuters", pub: null, status: "new", tags: [t.ES, t.sport] },
      {
        key: "p7",
        headline: "Long report from the harbour",
        body: `${"Nothing much happened along the quay that morning. ".repeat(12)}Then Interpol officers boarded the ship.`,
        src: "AFP",
        pub: -5 * DAY,
        status: "reviewed",
        tags: [t.FR],
      },
    ] as const;
    for (const [i, s] of seed.entries()) {
      const ingestedAt = new Date(now - (seed.length - i) * HOUR);
      const a = await db.article.create({
        data: {
          uri: s.key,
          headline: s.headline,
          bodyText: s.body,
          contentHash: s.key,
          sourceId: src[s.src],
          status: s.status,
          ingestedAt,
          firstCreated: s.pub === null ? null : new Date(Math.floor((now + s.pub) / 1000) * 1000),
        },
      });
      id[s.key] = a.id;
      for (const tagId of s.tags) await db.articleTag.create({ data: { articleId: a.id, tagId, origin: "machine", state: "suggested", rel: "main", confidence: 0.9 } });
    }
    // p3, p4 and p5 share one publication instant exactly: the tie is broken by id.
    const tie = new Date(Math.floor((now - 3 * DAY) / 1000) * 1000);
    await db.article.updateMany({ where: { id: { in: [id.p3!, id.p4!, id.p5!] } }, data: { firstCreated: tie } });
  }, 120_000);
  afterAll(async () => {
    g.wiredeskDb = undefined;
    await store?.drop();
  });

  const uris = async (params: ArticleListParams) => (await findArticles(store.db, { limit: 200, ...params }, viewer)).items.map((a) => a.uri);
  const get = (route: typeof listRoute, path: string) => route(new NextRequest(`http://desk.test${path}`, { headers: { cookie } }), { params: Promise.resolve({}) });

  describe("several values per filter", () => {
    it("place, topic and source each match any of their values", async () => {
      expect(await uris({ place: "FR,UA" })).toEqual(["p7", "p5", "p4", "p3"]);
      expect(await uris({ place: "ES" })).toEqual(["p6", "p2", "p1"]);
      expect(await uris({ topic: "medtop:16000000,newsroom:fan-protests" })).toEqual(["p5", "p4"]);
      expect(await uris({ source: `${src.AFP},Reuters` })).toEqual(["p7", "p6", "p5", "p4", "p2", "p1"]);
      // A name holding a comma is found when asked for alone (in a list it reads as two names; its id always works).
      expect(await uris({ source: "Agence X, Paris" })).toEqual(["p3"]);
      expect(await uris({ source: `${src.AFP},Agence X, Paris` })).toEqual(["p7", "p4", "p2"]);
      expect(await uris({ source: `${src.AFP},${src["Agence X, Paris"]}` })).toEqual(["p7", "p4", "p3", "p2"]);
      // Dimensions are ANDed; a code no tag has adds nothing to its list.
      expect(await uris({ place: "ES,FR", topic: "medtop:02000000,medtop:99999999" })).toEqual(["p3", "p2", "p1"]);
      expect(await uris({ place: "DE" })).toEqual([]);
    });

    it("refuses a bad value, naming it", async () => {
      const res = await get(listRoute, "/api/articles?place=ES,esp");
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({ errors: [{ path: "query.place", message: expect.stringMatching(/"esp" is not an ISO 3166-1 alpha-2/) }] });
      const topic = await get(facetsRoute, "/api/articles/facets?topic=medtop:02000000,crime");
      expect(topic.status).toBe(422);
      expect(await topic.json()).toMatchObject({ errors: [{ path: "query.topic", message: expect.stringMatching(/"crime" is not a topic code/) }] });
      // Empty items (a trailing comma as the UI types) are dropped, not refused.
      expect(articleListParams.parse({ place: "ES,,FR," }).place).toBe("ES,FR");
      expect(articleListParams.safeParse({ place: "," }).success).toBe(true);
    });

    it("counts each dimension exactly under the other dimensions' lists", async () => {
      const filters = { place: "ES,FR", topic: "medtop:02000000,medtop:15000000", source: `${src.AFP},${src.Reuters}` };
      const facets = await articleFacets(store.db, filters, viewer);
      // Each count is what choosing that one value (with the other lists kept) would list.
      for (const dim of ["status", "place", "topic", "source"] as const) {
        for (const f of facets[dim] as ArticleFacets["place"]) {
          expect(f.count, `${dim}=${f.value}`).toBe((await findArticles(store.db, { ...filters, [dim]: f.value }, viewer)).total);
        }
      }
      expect(facets.total).toBe((await findArticles(store.db, filters, viewer)).total);
      expect(facets.total).toBe(4);
      const count = (d: keyof ArticleFacets, v: string) => (facets[d] as ArticleFacets["place"]).find((x) => x.value === v)?.count;
      // Place counted under topic and source only: UA has no crime or sport story.
      expect([count("place", "ES"), count("place", "FR"), count("place", "UA")]).toEqual([3, 1, undefined]);
    });
  });

  describe("search syntax", () => {
    it("ANDs words, the last as a prefix", async () => {
      expect(await uris({ q: "madrid police" })).toEqual(["p2", "p1"]);
      expect(await uris({ q: "madrid raid" })).toEqual(["p2"]);
      expect(await uris({ q: "madr" })).toEqual(["p6", "p2", "p1"]);
    });

    it("matches quoted phrases only with their words adjacent and in order", async () => {
      expect(await uris({ q: '"drug ring"' })).toEqual(["p1"]);
      expect(await uris({ q: "drug ring" })).toEqual(["p2", "p1"]);
      expect(await uris({ q: '"window closes"' })).toEqual(["p4"]);
    });

    it("excludes words and phrases; exclusions alone mean everything else", async () => {
      expect(await uris({ q: "madrid -football" })).toEqual(["p2", "p1"]);
      expect(await uris({ q: "transfer -\"transfer window\"" })).toEqual(["p5"]);
      expect(await uris({ q: "-football" })).toEqual(["p7", "p5", "p3", "p2", "p1"]);
      expect((await findArticles(store.db, { q: "-football -europol" }, viewer)).total).toBe(3);
    });

    it("reads OR between words and phrases as alternatives", async () => {
      expect(await uris({ q: "interpol OR europol madrid" })).toEqual(["p2", "p1"]);
      expect(await uris({ q: 'kharkiv OR "drug ring" OR lyon' })).toEqual(["p5", "p3", "p1"]);
      // Lower case is a word.
      expect(await uris({ q: "interpol or europol" })).toEqual([]);
    });

    it("folds accents and case, and degrades bad syntax to words", async () => {
      expect(await uris({ q: "BERNABEU" })).toEqual(["p6"]);
      expect(await uris({ q: '"drug ring' })).toEqual(["p2", "p1"]);
      expect(await uris({ q: "- OR ( *" })).toEqual([]);
    });

    it("counts and facets under the syntax as the list finds", async () => {
      for (const q of ["interpol OR europol", "-football", '"drug ring"', "madrid -football"]) {
        const page = await findArticles(store.db, { q, limit: 200 }, viewer);
        expect(page.total, q).toBe(page.items.length);
        expect((await articleFacets(store.db, { q }, viewer)).total, q).toBe(page.items.length);
      }
    });

    it("gives a search's excerpt around the first match in the body", async () => {
      const [item] = (await findArticles(store.db, { q: "interpol officers" }, viewer)).items;
      expect(item?.uri).toBe("p7");
      expect(item!.excerpt.startsWith("…")).toBe(true);
      expect(item!.excerpt).toContain("Interpol officers boarded");
      expect(item!.excerpt.length).toBeLessThanOrEqual(240);
      // Without a search, or a match at the start: the body's start.
      const plain = (await findArticles(store.db, { place: "FR", limit: 200 }, viewer)).items.find((i) => i.uri === "p7")!;
      expect(plain.excerpt.startsWith("Nothing much happened")).toBe(true);
      const early = (await findArticles(store.db, { q: "valencia" }, viewer)).items[0]!;
      expect(early.excerpt).toBe("Police said the drug ring ran boats from Valencia.");
    });
  });

  it("takes status=all as every status, in the list, the counts and a saved view", async () => {
    expect(await uris({ status: "all" })).toEqual(await uris({}));
    expect((await findArticles(store.db, { status: "all" }, viewer)).total).toBe(7);
    const facets = await articleFacets(store.db, { status: "all", place: "ES" }, viewer);
    expect(facets.total).toBe(3);
    expect(facets.status.map((f) => f.count)).toEqual([2, 1, 0]);
    expect(viewQuery.parse("status=all&place=ES,FR&sort=published&q=-football")).toBe("place=ES%2CFR&q=-football&sort=published&status=all");
  });

  describe("sort by publication time", () => {
    it("lists newest publication first, the id breaking ties, an article without one at its arrival", async () => {
      expect(await uris({ sort: "published" })).toEqual(["p2", "p6", "p5", "p4", "p3", "p7", "p1"]);
      expect(await uris({ sort: "published", status: "new" })).toEqual(["p6", "p5", "p3", "p1"]);
      expect(await uris({ sort: "published", q: "madrid OR europol" })).toEqual(["p2", "p6", "p3", "p1"]);
      expect(await uris({ sort: "arrived" })).toEqual(await uris({}));
    });

    const walk = async (params: ArticleListParams, limit: number) => {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let n = 0; n < 50; n++) {
        const page = await findArticles(store.db, { ...params, limit, cursor }, viewer);
        seen.push(...page.items.map((i) => i.uri));
        if (!page.nextCursor) return seen;
        cursor = page.nextCursor;
      }
      throw new Error("paging did not end");
    };

    it("pages without gaps or repeats in either order, by story and by article, with a search", async () => {
      // One article stands behind another in its story: the story view leaves it out.
      await store.db.article.update({ where: { id: id.p4! }, data: { storyLead: false } });
      try {
        for (const sort of ["arrived", "published"] as const) {
          for (const view of ["stories", "articles"] as const) {
            for (const q of [undefined, "-kharkiv", "madrid OR europol OR france"]) {
              const all = await uris({ sort, view, q });
              for (const limit of [1, 2, 3]) expect(await walk({ sort, view, q }, limit), `${sort} ${view} ${q} ${limit}`).toEqual(all);
            }
          }
        }
        expect(await uris({ sort: "published" })).not.toContain("p4");
        expect(await uris({ sort: "published", view: "articles" })).toContain("p4");
      } finally {
        await store.db.article.update({ where: { id: id.p4! }, data: { storyLead: true } });
      }
    });

    it("refuses a cursor of the other order or one it did not give", async () => {
      const page = await findArticles(store.db, { sort: "published", limit: 2 }, viewer);
      expect(page.nextCursor).toMatch(/^p\./);
      expect(articleListParams.safeParse({ cursor: page.nextCursor }).error?.issues[0]?.message).toMatch(/publication order, not of sort=arrived/);
      expect(articleListParams.safeParse({ sort: "published", cursor: "12" }).success).toBe(false);
      // Not JSON; a day that does not exist (the store would fail on it); not an instant at all.
      const forged = (v: unknown) => `p.${btoa(JSON.stringify(v)).replace(/=+$/, "")}`;
      for (const cursor of ["p.bm90IGpzb24", forged(["2026-02-30T00:00:00.000Z", 5]), forged(["99999", 5]), forged(["2026-01-01T00:00:00.000Z", 0])]) {
        const res = await get(listRoute, `/api/articles?sort=published&cursor=${encodeURIComponent(cursor)}`);
        expect(res.status, cursor).toBe(422);
        expect(await res.json()).toMatchObject({ errors: [{ path: "query.cursor", message: expect.stringMatching(/is not a cursor from this queue/) }] });
      }
      // The one the queue gave pages on.
      expect((await get(listRoute, `/api/articles?sort=published&limit=2&cursor=${page.nextCursor}`)).status).toBe(200);
    });

    it("counts new arrivals after the page's newest id, whatever the sort", async () => {
      const first = await findArticles(store.db, { sort: "published", q: "-nothingatall" }, viewer);
      expect(first.newest).toBe(Math.max(...Object.values(id)));
      expect((await findArticles(store.db, { sort: "published", after: first.newest }, viewer)).total).toBe(0);
      // Arrives now, published long ago: deep in the publication order, yet new.
      const late = await store.db.article.create({
        data: { uri: "late", headline: "Old Interpol file surfaces", bodyText: "From the archive.", contentHash: "late", firstCreated: new Date(now - 30 * DAY) },
      });
      try {
        const arrivals = await findArticles(store.db, { sort: "published", after: first.newest, limit: 1 }, viewer);
        expect(arrivals.total).toBe(1);
        expect(arrivals.items.map((i) => i.id)).toEqual([late.id]);
        expect((await findArticles(store.db, { sort: "published", q: "interpol", after: first.newest }, viewer)).total).toBe(1);
        expect((await findArticles(store.db, { sort: "published", q: "-interpol", after: first.newest }, viewer)).total).toBe(0);
        expect((await uris({ sort: "published" })).at(-1)).toBe("late");
      } finally {
        await store.db.article.delete({ where: { id: late.id } });
      }
    });
  });
});

// The same random queries over the same random texts give the rows a plain
// reading of the syntax gives (matchRanges, word by word), on each store: so
// both stores give the same rows.
describe.each(storeAndIndexVariants())("search syntax against its reading, on %s, answered by %s", (kind, by) => {
  let store: TestStore;
  const docs: { id: number; headline: string; body: string }[] = [];
  // Words that share prefixes, one with an accent (folded), none starting with "z".
  const vocab = ["port", "porto", "portal", "bank", "banks", "strike", "oil", "café", "cafe", "police", "raid", "wheat"];
  beforeAll(async () => {
    store = await openStore(kind);
    if (by === "the index") await facetIndex(store.db, { min: 0, wait: true });
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const words = (n: number) => Array.from({ length: n }, () => vocab[Math.floor(rnd() * vocab.length)]!);
    for (let i = 0; i < 60; i++) {
      const headline = words(3 + Math.floor(rnd() * 3)).join(" ");
      // "zq" opens each body: no phrase of the vocabulary spans headline and body (PostgreSQL's one vector would join them).
      const body = `zq ${words(6 + Math.floor(rnd() * 8)).join(rnd() < 0.3 ? ", " : " ")}.`;
      const a = await store.db.article.create({ data: { uri: `r${i}`, headline, bodyText: body, contentHash: `r${i}` } });
      docs.push({ id: a.id, headline, body });
    }
  }, 120_000);
  afterAll(async () => {
    await store?.drop();
  });

  const has = (d: { headline: string; body: string }, t: SearchTerm) =>
    [d.headline, d.body].some((text) => matchRanges(text, { all: [[t]], none: [] }, 1).length > 0);
  const reading = (q: string) => {
    // The query as the stores run it: each word with its inflected forms (lib/search/expand.ts).
    const s = searchQuery(q);
    if (s.all.length === 0 && s.none.length === 0) return [];
    return docs
      .filter((d) => s.all.every((g) => g.some((t) => has(d, t))) && !s.none.some((t) => has(d, t)))
      .map((d) => d.id)
      .sort((a, b) => b - a);
  };

  it("finds what the syntax says, for random queries", async () => {
    const word = fc.constantFrom(...vocab, "por", "ban", "caf", "Police", "PORT");
    const part = fc.oneof(
      word,
      word.map((w) => `-${w}`),
      fc.array(word, { minLength: 2, maxLength: 3 }).map((ws) => `"${ws.join(" ")}"`),
      fc.array(word, { minLength: 2, maxLength: 2 }).map((ws) => `-"${ws.join(" ")}"`),
      fc.constant("OR"),
    );
    const sizes: number[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(part, { minLength: 1, maxLength: 5 }), async (parts) => {
        const q = parts.join(" ");
        const page = await findArticles(store.db, { q, view: "articles", limit: 200 }, viewer);
        expect(page.items.map((i) => i.id), q).toEqual(reading(q));
        expect(page.total, q).toBe(page.items.length);
        sizes.push(page.total);
      }),
      { numRuns: 80, seed: 13 },
    );
    // The queries found some, none and most of the texts, not only one kind of answer.
    expect(sizes.some((n) => n === 0) && sizes.some((n) => n > 0 && n < 30) && sizes.some((n) => n >= 30)).toBe(true);
  }, 120_000);
});

// A last word is a prefix, on both stores, whether SQLite has a prefix index
// of its length (1 to 8 characters) or not: many words or few, with other
// words around it.
describe.each(storeAndIndexVariants())("a long prefix as the last word, on %s, answered by %s", (kind, by) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openStore(kind);
    if (by === "the index") await facetIndex(store.db, { min: 0, wait: true });
    for (let i = 1; i <= 70; i++) {
      await store.db.article.create({ data: { uri: `t${i}`, headline: `Tally ${i}`, bodyText: `The count read pressa${i} and pressagraph${i} at noon.`, contentHash: `t${i}` } });
    }
    await store.db.article.create({ data: { uri: "w", headline: "Smugglers held", bodyText: "Smuggling rings and a smuggler's boat.", contentHash: "w" } });
  }, 120_000);
  afterAll(async () => {
    await store?.drop();
  });
  const found = async (q: string) => (await findArticles(store.db, { q, view: "articles", limit: 200 }, viewer)).items.map((i) => i.uri).sort();

  it("finds every word the prefix starts, with few such words and with many", async () => {
    expect(await found("smugg")).toEqual(["w"]);
    expect(await found("pressa7")).toEqual(["t7", "t70"]);
    expect((await found("pressa")).length).toBe(70);
    // With other words around it: an AND and an exclusion in the same MATCH.
    expect(await found("tally -smugglers pressa7")).toEqual(["t7", "t70"]);
    expect(await found("pressb")).toEqual([]);
    expect((await findArticles(store.db, { q: "pressa1" }, viewer)).total).toBe(11);
    // Longer than any prefix index.
    expect((await found("pressagrap")).length).toBe(70);
    expect(await found("pressagraph7")).toEqual(["t7", "t70"]);
    expect(await found("tally -smugglers pressagraph7")).toEqual(["t7", "t70"]);
    expect(await found("pressagrapx")).toEqual([]);
  });
});

// A search of exclusions only reads the newest excluded articles first on
// SQLite (search-articles.ts): pages come out as the full reading gives them
// when those cover the page ("-oil") and when they do not ("-gas": only the
// newest article and the ten oldest are free of it).
describe.each(storeAndIndexVariants())("a search of exclusions only, page by page, on %s, answered by %s", (kind, by) => {
  let store: TestStore;
  const free: Record<string, number[]> = { oil: [], gas: [] };
  beforeAll(async () => {
    store = await openStore(kind);
    if (by === "the index") await facetIndex(store.db, { min: 0, wait: true });
    for (let i = 1; i <= 50; i++) {
      const oil = i > 10 && i % 5 !== 0;
      const gas = i > 10 && i !== 50;
      const words = [oil ? "oil" : "grain", gas ? "gas" : "coal"].join(" and ");
      const a = await store.db.article.create({ data: { uri: `x${i}`, headline: `Prices of ${words}`, bodyText: `Traders watched ${words}.`, contentHash: `x${i}` } });
      if (!oil) free.oil!.push(a.id);
      if (!gas) free.gas!.push(a.id);
    }
  }, 120_000);
  afterAll(async () => {
    await store?.drop();
  });

  it.each([
    ["-oil", "oil"],
    ["-gas", "gas"],
  ])("%s gives every article free of it, newest first, with no gap or repeat", async (q, word) => {
    for (const limit of [2, 3, 7]) {
      const ids: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await findArticles(store.db, { q, view: "articles", limit, cursor }, viewer);
        expect(page.items.length, `${q}, ${limit} a page`).toBeLessThanOrEqual(limit);
        ids.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(ids, `${q}, ${limit} a page`).toEqual([...free[word]!].sort((a, b) => b - a));
    }
  });
});
