// A search with many matches, sorted by publication time: past a few thousand
// matches SQLite's page is read along the publication index, each row probed
// against the matches (find-articles.ts), rather than reading every match and
// sorting. Whichever way a store reads it, the pages must be the order the
// rule says: newest publication first, the id breaking ties, story leads only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { findArticles } from "../../lib/server/articles/find-articles";
import type { ArticleListParams } from "../../lib/schemas/articles";
import { viewer } from "../support/actors";

const HOUR = 3_600_000;
const N = 5_200;

describe.each(storeKinds())("a search with many matches by publication time on %s", (kind) => {
  let store: TestStore;
  const rows: { uri: string; published: number; lead: boolean; match: boolean; status: string }[] = [];

  beforeAll(async () => {
    store = await openStore(kind);
    // A fixed sequence: publication times out of arrival order, many of them equal (whole hours).
    let s = 7;
    const rand = () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const base = Date.parse("2026-11-01T00:00:00Z");
    for (let i = 0; i < N; i++) {
      rows.push({
        uri: `many-${i}`,
        published: base + Math.floor(rand() * 400) * HOUR,
        lead: rand() > 0.05,
        match: rand() > 0.04,
        status: rand() < 0.3 ? "reviewed" : "new",
      });
    }
    for (let i = 0; i < N; i += 500) {
      await store.db.article.createMany({
        data: rows.slice(i, i + 500).map((r) => ({
          uri: r.uri,
          headline: r.match ? `Tokyo markets, item ${r.uri}` : `Osaka markets, item ${r.uri}`,
          bodyText: r.match ? "Shares rose in Tokyo on Monday as exporters gained." : "Shares rose in Osaka on Monday as exporters gained.",
          contentHash: r.uri,
          firstCreated: new Date(r.published),
          ingestedAt: new Date(base + 500 * HOUR),
          storyLead: r.lead,
          status: r.status,
        })),
      });
    }
  }, 120_000);
  afterAll(async () => store?.drop());

  /** Every page in turn, through the cursors. */
  const walk = async (params: ArticleListParams) => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let total = -1;
    for (let n = 0; n < 100; n++) {
      const page = await findArticles(store.db, { ...params, sort: "published", limit: 200, ...(cursor ? { cursor } : {}) }, viewer);
      total = page.total;
      seen.push(...page.items.map((a) => a.uri));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    return { seen, total };
  };

  const expected = (keep: (r: (typeof rows)[number]) => boolean) => {
    const ids = new Map<string, number>();
    rows.forEach((r, i) => ids.set(r.uri, i));
    return rows
      .filter((r) => r.lead && keep(r))
      .sort((a, b) => b.published - a.published || ids.get(b.uri)! - ids.get(a.uri)!)
      .map((r) => r.uri);
  };

  it("pages through thousands of matches newest publication first, the id breaking ties", async () => {
    const want = expected((r) => r.match);
    // Enough matches that SQLite reads along the publication index.
    expect(want.length).toBeGreaterThan(3000);
    const { seen, total } = await walk({ q: "tokyo" });
    expect(total).toBe(want.length);
    expect(seen).toEqual(want);
  }, 120_000);

  it("keeps the other filters on that path, and reads fewer matches by id", async () => {
    const many = expected((r) => r.match && r.status === "new");
    expect(many.length).toBeGreaterThan(3000);
    expect((await walk({ q: "tokyo", status: "new" })).seen).toEqual(many);
    // Few matches: read by id and sorted.
    const few = expected((r) => !r.match);
    expect(few.length).toBeGreaterThan(10);
    expect((await walk({ q: "osaka" })).seen).toEqual(few);
  }, 120_000);
});
