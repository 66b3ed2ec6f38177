// Requests asking at once share the reads of the store's newest article, the
// counts' stamp and the in-memory index's changes (lib/server/db/next-read.ts).
// What must hold: a request made after a write sees it, even while other
// requests' shared reads, begun before the write, are still under way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { wireStories } from "../support/bulk-corpus";
import { bytes } from "../support/feeds";
import { admin } from "../support/actors";
import { runIngest } from "../../lib/server/ingest/run-ingest";
import { findArticles } from "../../lib/server/articles/find-articles";
import { indexFacets } from "../../lib/server/articles/facet-index";
import { articleFilterParams, articleListParams } from "../../lib/schemas/articles";

const base = { origin: "cli" as const, actor: "test", role: "system" as const, ingestTime: new Date(), defaultSource: "Daily8" };

describe.each(storeKinds())("shared reads on %s", (kind) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openStore(kind);
  });
  afterAll(async () => {
    await store?.drop();
  });

  it("let a page and a count asked for after a write see it, while requests begun before it are still reading", async () => {
    const stories = wireStories(8, 41);
    const queue = articleListParams.parse({ view: "articles" });
    const filters = articleFilterParams.parse({ view: "articles" });
    const index = { min: 0, wait: true };
    // The index loaded first, whatever the store's size: the queue's pages then come from it too.
    expect(await indexFacets(store.db, filters, index)).toBeDefined();
    let expected = (await findArticles(store.db, queue, admin)).total;
    for (const [i, s] of stories.entries()) {
      // Requests in flight across the write: their shared reads begin before it.
      const busy = Array.from({ length: 6 }, (_, k) => (k % 2 ? findArticles(store.db, queue, admin) : indexFacets(store.db, filters, index)));
      const item = { uri: `shared-${i}`, headline: s.title, body_text: s.body };
      await runIngest(store.db, [{ name: `shared-${i}.ndjson`, read: async () => bytes(JSON.stringify(item)) }], { ...base, bulk: i % 2 === 0 });
      expected++;
      const [page, facets] = await Promise.all([findArticles(store.db, queue, admin), indexFacets(store.db, filters, index)]);
      expect(page.items[0]?.uri).toBe(`shared-${i}`);
      expect(page.newest).toBe(page.items[0]?.id);
      expect(page.total).toBe(expected);
      expect(facets?.total).toBe(expected);
      await Promise.all(busy);
    }
  });
});
