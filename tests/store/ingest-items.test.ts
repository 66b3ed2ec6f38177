// What an upload reports for each item (RunOptions.reportItems), against real
// stores: stored with its story, skipped and why, failed and where.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { bytes } from "../support/feeds";
import { runIngest, type IngestInput } from "../../lib/server/ingest/run-ingest";

const seed: IngestInput = {
  name: "seed-aggregator.txt",
  read: async () => readFileSync(path.join(import.meta.dirname, "../fixtures/pages/seed-aggregator.txt")),
};
const opts = { origin: "upload" as const, actor: "test", role: "system" as const, ingestTime: new Date("2026-11-28T12:00:00Z"), reportItems: true };

describe.each(storeKinds())("item reports in %s", (kind) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openStore(kind);
  });
  afterAll(async () => {
    await store?.drop();
  });

  it("lists each stored item with its article and, for the two Interpol copies, their story", async () => {
    const r = await runIngest(store.db, [seed], { ...opts, defaultSource: "Daily8" });
    const items = r.inputs[0]!.items!;
    expect(items.map((i) => i.outcome)).toEqual(["new", "new", "new", "new"]);
    const stored = await store.db.article.findMany({ where: { lastIngestRunId: r.runId }, include: { source: true } });
    expect(new Set(items.map((i) => i.articleId))).toEqual(new Set(stored.map((a) => a.id)));
    for (const i of items) {
      const a = stored.find((s) => s.id === i.articleId)!;
      expect(i.headline).toBe(a.headline);
      expect(i.storyId).toBe(a.storyId ?? undefined);
    }
    const interpol = items.filter((i) => /Interpol/.test(i.headline ?? ""));
    expect(interpol).toHaveLength(2);
    // Both copies are in one story, the first one too though it was stored before the copy came.
    expect(interpol[0]!.storyId).toBeDefined();
    expect(interpol[1]!.storyId).toBe(interpol[0]!.storyId);
    expect(interpol.map((i) => i.links ?? 0)).toEqual([0, 1]);
    // The page's own story was filed under the source given, not its file's name.
    expect(stored.find((a) => a.id === interpol[0]!.articleId)!.source?.name).toBe("Daily8");
  });

  it("says why each item of a repeated upload was skipped, naming the stored article", async () => {
    const first = await store.db.article.findMany({ select: { id: true, headline: true } });
    const r = await runIngest(store.db, [seed], { ...opts, defaultSource: "Daily8" });
    const items = r.inputs[0]!.items!;
    expect(items).toHaveLength(4);
    for (const i of items) {
      expect(i.outcome).toBe("skipped");
      expect(i.reason).toBe("already stored, unchanged");
      expect(first.find((a) => a.id === i.articleId)?.headline).toBe(i.headline);
    }
  });

  it("reports a broken item where it stands and an unreadable input as a whole, beside the good ones", async () => {
    const csv = ["uri,headline,body_text", "urn:t:1,One headline,Some body text for the one item.", "urn:t:2,,A body without its headline."].join("\n");
    const r = await runIngest(
      store.db,
      [
        { name: "wire.csv", read: async () => bytes(csv) },
        { name: "gone.xml", read: async () => Promise.reject(new Error("file is 30 bytes, over the 10-byte limit")) },
      ],
      opts,
    );
    expect(r.inputs[0]!.items!.map((i) => [i.outcome, i.location, i.reason])).toEqual([
      ["failed", "line 3", "missing headline"],
      ["new", "line 2", undefined],
    ]);
    expect(r.inputs[1]!.items).toEqual([{ location: "file", outcome: "failed", reason: "file is 30 bytes, over the 10-byte limit" }]);
  });

  it("holds no items when not asked to (the CLI, the worker, an archive import)", async () => {
    const r = await runIngest(store.db, [seed], { ...opts, reportItems: false });
    expect(r.inputs[0]!.items).toBeUndefined();
  });
});
