// A store indexed under another fingerprint configuration (here: before the
// lead bands) is brought to the current one when it is prepared: every stale
// article gets the keys its text gives now, and then finds what they find.
// On both stores.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { bytes } from "../support/feeds";
import { runIngest } from "../../lib/server/ingest/run-ingest";
import { reindexStale, staleIndexCount } from "../../lib/server/duplicates/reindex";
import { prepareStore } from "../../lib/server/db/prepare";
import { configId, DEFAULT_FINGERPRINT_CONFIG } from "../../lib/dedup/config";
import { ANCHOR_BAND, fingerprint, indexKeys, LEAD_BAND_BASE } from "../../lib/dedup/fingerprint";
import { LEAD_BRIEF, LONG_WIRE_STORY, WIRE } from "../unit/dedup/fixtures";

const item = (uri: string, source: string, headline: string, body: string, hours: number) =>
  JSON.stringify({ uri, headline, body_text: body, infosources: [{ name: source }], versioncreated: new Date(Date.UTC(2026, 5, 9) + hours * 3_600_000).toISOString() });

describe.each(storeKinds())("re-indexing on %s", (kind) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await openStore(kind);
  });
  afterEach(async () => {
    await store?.drop();
  });

  const ingest = (lines: string[]) =>
    runIngest(store.db, [{ name: "copy.ndjson", read: async () => bytes(lines.join("\n")) }], { origin: "cli", actor: "test", role: "system" });
  const keysOf = async (articleId: number) =>
    (await store.db.dedupKey.findMany({ where: { articleId }, select: { band: true, key: true } })).map((k) => `${k.band}:${k.key}`).sort();

  /** Takes an article back to what a store indexed before the lead bands held for it. */
  const asBeforeLeadBands = async (uri: string) => {
    const a = await store.db.article.findUniqueOrThrow({ where: { uri } });
    await store.db.dedupKey.deleteMany({ where: { articleId: a.id, band: { gte: LEAD_BAND_BASE, lt: ANCHOR_BAND } } });
    await store.db.article.update({ where: { id: a.id }, data: { dedupConfig: configId({ ...DEFAULT_FINGERPRINT_CONFIG, leadBands: 0 }) } });
    return a;
  };

  it("gives stale articles the current keys, once, and leaves the rest alone", async () => {
    await ingest([item("wire:1", "Lakeside Wire", "Kestrel to buy 42 Altair jets", LONG_WIRE_STORY, 0), item("wire:2", "Lakeside Wire", "Chile port strike", WIRE, 1)]);
    const stale = await asBeforeLeadBands("wire:1");
    // A key the text no longer gives (as another configuration's would be) goes.
    await store.db.dedupKey.create({ data: { articleId: stale.id, band: 3, key: 424242 } });
    const other = await store.db.article.findUniqueOrThrow({ where: { uri: "wire:2" } });
    const otherKeys = await keysOf(other.id);
    // The keys of the text as stored (ingest reads the dateline apart from the body).
    const want = indexKeys(fingerprint(stale.bodyText)).map((k) => `${k.band}:${k.key}`).sort();
    expect(await keysOf(stale.id)).not.toEqual(want);
    expect(await staleIndexCount(store.db)).toBe(1);

    const seen: [number, number][] = [];
    expect(await reindexStale(store.db, (done, total) => seen.push([done, total]))).toBe(1);
    expect(seen).toEqual([[1, 1]]);
    expect(await keysOf(stale.id)).toEqual(want);
    expect((await store.db.article.findUniqueOrThrow({ where: { id: stale.id } })).dedupConfig).toBe(configId(DEFAULT_FINGERPRINT_CONFIG));
    expect(await keysOf(other.id)).toEqual(otherKeys);
    expect(await staleIndexCount(store.db)).toBe(0);
    expect(await reindexStale(store.db)).toBe(0);
  });

  it("runs when the store is prepared, and a brief of an article indexed before the lead bands then finds it", async () => {
    await ingest([item("wire:1", "Lakeside Wire", "Kestrel to buy 42 Altair jets", LONG_WIRE_STORY, 0)]);
    await asBeforeLeadBands("wire:1");
    const prepared = await prepareStore(store.url);
    try {
      expect(prepared.reindexed).toBe(1);
    } finally {
      await prepared.db.$disconnect();
    }
    await ingest([item("courier:1", "Orlenburg Courier", "Kestrel Airways orders 42 Altair jets", LEAD_BRIEF, 5)]);
    const brief = await store.db.article.findUniqueOrThrow({ where: { uri: "courier:1" }, include: { duplicateLinks: { include: { other: true } } } });
    expect(brief.duplicateLinks.map((l) => `${l.kind} ${l.other.uri}`)).toEqual(["same-story wire:1"]);
  });
});
