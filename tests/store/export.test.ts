// Export writes ninjs 2.x; ingesting the export into an empty store restores it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { bytes } from "../support/feeds";
import { runIngest } from "../../lib/server/ingest/run-ingest";
import { CSV_COLUMNS, exportArticles } from "../../lib/server/export/export-articles";
import type { Db } from "../../lib/server/db/client";
import { viewer } from "../support/actors";

const fixture = (p: string) => path.join(import.meta.dirname, "../fixtures", p);
const opts = { origin: "cli" as const, actor: "test", role: "system" as const, ingestTime: new Date("2026-11-28T12:00:00Z") };

async function exportText(db: Db, format: "ndjson" | "csv", filters = {}): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  await exportArticles(db, format, out, viewer, filters);
  out.end();
  return Buffer.concat(chunks).toString("utf8");
}

const lines = (ndjson: string) => ndjson.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);

describe.each(storeKinds())("export from %s", (kind) => {
  let store: TestStore;
  let restored: TestStore;
  beforeAll(async () => {
    [store, restored] = await Promise.all([openStore(kind), openStore(kind)]);
    await runIngest(
      store.db,
      ["pages/seed-aggregator.txt", "feeds/rss2.xml", "feeds/ninjs2-single.json"].map((p) => ({
        name: path.basename(p),
        read: async () => readFileSync(fixture(p)),
      })),
      { ...opts, defaultSource: "Daily8" },
    );
    // Editorial state the export must carry: a status, tags of both origins, a decided link.
    const first = await store.db.article.findFirstOrThrow({ orderBy: { id: "asc" } });
    await store.db.article.update({ where: { id: first.id }, data: { status: "reviewed" } });
    const crime = await store.db.tag.upsert({
      where: { scheme_code: { scheme: "medtop", code: "medtop:02000000" } },
      create: { scheme: "medtop", code: "medtop:02000000", name: "crime" },
      update: {},
    });
    const spain = await store.db.tag.upsert({
      where: { scheme_code: { scheme: "iso3166", code: "ES" } },
      create: { scheme: "iso3166", code: "ES", name: "Spain" },
      update: { name: "Spain" },
    });
    // Ingest already suggested tags; these set known values on top of them.
    await store.db.articleTag.deleteMany({ where: { articleId: first.id } });
    await store.db.articleTag.create({ data: { articleId: first.id, tagId: crime.id, origin: "machine", confidence: 0.82 } });
    await store.db.articleTag.create({ data: { articleId: first.id, tagId: spain.id, origin: "editor", state: "accepted", rel: "main" } });
    const desk = await store.db.tag.create({ data: { scheme: "newsroom", code: "newsroom:child-safety", name: "child safety" } });
    await store.db.articleTag.create({ data: { articleId: first.id, tagId: desk.id, origin: "editor", state: "accepted" } });
    await store.db.duplicateLink.updateMany({ data: { state: "confirmed" } });
  });
  afterAll(async () => {
    await Promise.all([store?.drop(), restored?.drop()]);
  });

  it("writes ninjs field names, subjects, places and duplicates", async () => {
    const items = lines(await exportText(store.db, "ndjson"));
    expect(items.length).toBe(await store.db.article.count());
    const first = items[0]!;
    expect(first).toMatchObject({
      headline: expect.stringMatching(/Interpol/),
      body_text: expect.any(String),
      status: "reviewed",
      infosources: [{ name: "Daily8" }],
      subjects: [
        { uri: "newsroom:child-safety", name: "child safety", creator: "editor", confidence: 1 },
        // The name editors see: the taxonomy's short name for a top-level topic.
        { uri: "http://cv.iptc.org/newscodes/mediatopic/02000000", name: "crime", creator: "machine", confidence: 0.82 },
      ],
      places: [{ code: "ES", name: "Spain", creator: "editor", confidence: 1, rel: "main" }],
    });
    expect(first.duplicates).toEqual([{ uri: expect.stringMatching(/^urn:wiredesk:express-tribune:/), kind: "exact", score: 1, status: "confirmed" }]);
    // Both sides of a link list it.
    const other = items.find((i) => i.uri === (first.duplicates as { uri: string }[])[0]!.uri)!;
    expect(other.duplicates).toEqual([{ uri: first.uri, kind: "exact", score: 1, status: "confirmed" }]);
    const ukraine = items.find((i) => String(i.headline).includes("Ukraine"))!;
    expect(ukraine.located).toBe("DRUZHKIVKA");
    expect(ukraine.versioncreated).toBe("2026-11-23T12:00:00.000Z");
  });

  it("filters by status and source", async () => {
    const reviewed = lines(await exportText(store.db, "ndjson", { status: "reviewed" }));
    expect(reviewed.length).toBeGreaterThanOrEqual(1);
    expect(reviewed).toHaveLength(await store.db.article.count({ where: { status: "reviewed" } }));
    expect(reviewed.every((i) => i.status === "reviewed")).toBe(true);
    const tribune = lines(await exportText(store.db, "ndjson", { source: "Express Tribune" }));
    expect(tribune).toHaveLength(2);
    expect(tribune.every((i) => (i.infosources as { name: string }[])[0]!.name === "Express Tribune")).toBe(true);
    expect(await exportText(store.db, "ndjson", { source: "No Such Paper" })).toBe("");
  });

  it("writes CSV with a header and one row an article", async () => {
    const rows = parse(await exportText(store.db, "csv"), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(await store.db.article.count());
    expect(rows[0]!.subjects).toBe("newsroom:child-safety; http://cv.iptc.org/newscodes/mediatopic/02000000");
    expect(rows[0]!.duplicates).toMatch(/ exact 1 confirmed$/);
  });

  it("restores its articles when the export is ingested into an empty store", async () => {
    const exported = await exportText(store.db, "ndjson");
    const r = await runIngest(restored.db, [{ name: "export.ndjson", read: async () => bytes(exported) }], opts);
    expect(r.totals.failed).toBe(0);
    expect(r.totals.new).toBe(await store.db.article.count());
    expect(await exportText(restored.db, "ndjson")).toBe(exported);
  });
});
