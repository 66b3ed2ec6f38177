// A rewrite told by names alone joins copies from two publishers, never one
// publisher's own stories (decision 011, addendum of 2026-12-07); an
// aggregator's feed carries many publishers, so sharing it keeps the rule
// open. Per item and in bulk, on both stores.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { bytes } from "../support/feeds";
import { runIngest, type RunOptions } from "../../lib/server/ingest/run-ingest";
import { LEAD_BRIEF, LONG_WIRE_STORY, NEWSPAPER_BRIEF, WIRE_STORY } from "../unit/dedup/fixtures";
import { DEFAULT_FINGERPRINT_CONFIG } from "../../lib/dedup/config";
import { ANCHOR_BAND, LEAD_BAND_BASE } from "../../lib/dedup/fingerprint";

const item = (uri: string, source: string, headline: string, body: string, hours: number) =>
  JSON.stringify({
    uri,
    headline,
    body_text: body,
    infosources: [{ name: source }],
    versioncreated: new Date(Date.UTC(2026, 11, 1) + hours * 3_600_000).toISOString(),
  });

describe.each(storeKinds())("rewrites by source on %s", (kind) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await openStore(kind);
  });
  afterEach(async () => {
    await store?.drop();
  });

  const ingest = (lines: string[], opts: Partial<RunOptions> = {}) =>
    runIngest(store.db, [{ name: "copy.ndjson", read: async () => bytes(lines.join("\n")) }], { origin: "cli", actor: "test", role: "system", ...opts });
  /** The bulk path in batches of two on the writer's thread, or the per-item path. */
  const bulkOr = (bulk: boolean): Partial<RunOptions> => (bulk ? { bulk: true, batchSize: 2, engineThreads: 0 } : {});
  const linksOf = async (uri: string) => {
    const a = await store.db.article.findUniqueOrThrow({ where: { uri }, include: { duplicateLinks: { include: { other: true } } } });
    return a.duplicateLinks.map((l) => `${l.kind} ${l.other.uri}`);
  };

  for (const bulk of [false, true]) {
    it(`joins another paper's brief of a wire story, not the wire's own brief (${bulk ? "bulk" : "per item"})`, async () => {
      await ingest(
        [
          item("wire:1", "Lakeside Wire", "Brenner to close Halverton plant", WIRE_STORY, 0),
          item("wire:2", "Lakeside Wire", "Halverton loses its car plant", NEWSPAPER_BRIEF, 6),
          item("gazette:1", "Halverton Gazette", "Halverton loses its car plant", NEWSPAPER_BRIEF.replace("Carmaker", "The carmaker"), 7),
        ],
        bulkOr(bulk),
      );
      expect(await linksOf("gazette:1")).toContain("same-story wire:1");
      expect(await linksOf("wire:2")).not.toContain("same-story wire:1");
    });
  }

  for (const bulk of [false, true]) {
    it(`joins another paper's brief of a long wire story by its lead (${bulk ? "bulk" : "per item"})`, async () => {
      await ingest(
        [
          item("wire:1", "Lakeside Wire", "Kestrel to buy 42 Altair jets", LONG_WIRE_STORY, 0),
          item("wire:2", "Lakeside Wire", "Brenner to close Halverton plant", WIRE_STORY, 1),
          item("courier:1", "Orlenburg Courier", "Kestrel Airways orders 42 Altair jets", LEAD_BRIEF, 5),
        ],
        bulkOr(bulk),
      );
      expect(await linksOf("courier:1")).toEqual(["same-story wire:1"]);
      // The story keeps its lead's keys; the brief, all lead, keeps none of its own.
      const leadRows = async (uri: string) => {
        const a = await store.db.article.findUniqueOrThrow({ where: { uri } });
        return store.db.dedupKey.count({ where: { articleId: a.id, band: { gte: LEAD_BAND_BASE, lt: ANCHOR_BAND } } });
      };
      expect(await leadRows("wire:1")).toBe(DEFAULT_FINGERPRINT_CONFIG.leadBands);
      expect(await leadRows("courier:1")).toBe(0);
    });
  }

  for (const bulk of [false, true]) {
    it(`leaves apart another paper's story sharing the wire story's names five days later (${bulk ? "bulk" : "per item"})`, async () => {
      await ingest(
        [
          item("wire:1", "Lakeside Wire", "Brenner to close Halverton plant", WIRE_STORY, 0),
          item("gazette:1", "Halverton Gazette", "Halverton loses its car plant", NEWSPAPER_BRIEF, 6),
          item("gazette:2", "Halverton Gazette", "Halverton and its car plant", NEWSPAPER_BRIEF.replace("Carmaker", "The carmaker"), 120),
        ],
        bulkOr(bulk),
      );
      expect(await linksOf("gazette:1")).toContain("same-story wire:1");
      expect((await linksOf("gazette:2")).filter((l) => l.endsWith("wire:1"))).toEqual([]);
    });
  }

  it("joins them when a polled aggregator's feed carries both", async () => {
    const roundup = await store.db.source.create({ data: { name: "News Roundup", kind: "aggregator" } });
    const wire = await store.db.source.create({ data: { name: "Lakeside Wire", kind: "wire" } });
    const lines = [item("roundup:1", "x", "Brenner to close Halverton plant", WIRE_STORY, 0), item("roundup:2", "x", "Halverton loses its car plant", NEWSPAPER_BRIEF, 6)];
    await ingest(lines, { sourceId: roundup.id, sourceAggregates: true });
    expect(await linksOf("roundup:2")).toContain("same-story roundup:1");
    // The same two from one wire's own feed are two of its stories.
    await ingest(lines.map((l) => l.replaceAll("roundup:", "wirefeed:")), { sourceId: wire.id });
    expect(await linksOf("wirefeed:2")).not.toContain("same-story wirefeed:1");
  });
});
