// The ingest pipeline against real stores: what goes in, what is updated,
// what is linked, and what a broken item costs.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { bytes, rss } from "../support/feeds";
import { runIngest, type IngestInput } from "../../lib/server/ingest/run-ingest";
import { migrateStore } from "../../lib/server/db/migrate";

const fixture = (p: string) => path.join(import.meta.dirname, "../fixtures", p);
const fileInput = (p: string): IngestInput => ({ name: path.basename(p), read: async () => readFileSync(fixture(p)) });
const textInput = (name: string, text: string | Uint8Array): IngestInput => ({
  name,
  read: async () => (typeof text === "string" ? bytes(text) : text),
});
const ingestTime = new Date("2026-11-28T12:00:00Z");
const opts = { origin: "cli" as const, actor: "test", role: "system" as const, ingestTime };

describe.each(storeKinds())("ingest into %s", (kind) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openStore(kind);
  });
  afterAll(async () => {
    await store?.drop();
  });

  it("migrates a store once and records it in Prisma's table", async () => {
    const again = await migrateStore(store.url);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBeGreaterThanOrEqual(1);
    const rows = await store.db.$queryRawUnsafe<{ migration_name: string; checksum: string }[]>(
      `SELECT migration_name, checksum FROM "_prisma_migrations"`,
    );
    expect(rows.map((r) => r.migration_name)).toContain("20261128000000_init");
    expect(rows[0]!.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it("splits the seed page into four articles and links only the two Interpol copies, as exact", async () => {
    const r = await runIngest(store.db, [fileInput("pages/seed-aggregator.txt")], { ...opts, defaultSource: "Daily8" });
    expect(r.totals).toEqual({ new: 4, updated: 0, duplicates: 1, skipped: 0, failed: 0 });
    const articles = await store.db.article.findMany({
      where: { lastIngestRunId: r.runId },
      include: { source: true },
      orderBy: { id: "asc" },
    });
    expect(articles.map((a) => a.source?.name)).toEqual(["Daily8", "Express Tribune", "Express Tribune", "Business Recorder"]);
    const links = await store.db.duplicateLink.findMany({ include: { article: true, other: true } });
    expect(links).toHaveLength(1);
    expect(links[0]!.kind).toBe("exact");
    expect(links[0]!.score).toBe(1);
    expect(links[0]!.state).toBe("suggested");
    expect(links[0]!.article.headline).toMatch(/Interpol/);
    expect(links[0]!.other.headline).toBe(links[0]!.article.headline);
    expect(links[0]!.other.sourceId).not.toBe(links[0]!.article.sourceId);
    expect(new Set([links[0]!.articleId, links[0]!.otherId])).toEqual(
      new Set(articles.filter((a) => /Interpol/.test(a.headline)).map((a) => a.id)),
    );
    // Every item is on record in the audit log.
    expect(await store.db.auditEntry.count({ where: { action: "ingest.create" } })).toBe(4);
  });

  it("stores the same items once when the page is ingested again, even a day later", async () => {
    const before = await store.db.article.count();
    const later = new Date(ingestTime.getTime() + 86_400_000);
    const r = await runIngest(store.db, [fileInput("pages/seed-aggregator.txt")], { ...opts, ingestTime: later, defaultSource: "Daily8" });
    expect(r.totals).toEqual({ new: 0, updated: 0, duplicates: 0, skipped: 4, failed: 0 });
    expect(await store.db.article.count()).toBe(before);
    expect(await store.db.duplicateLink.count()).toBe(1);
  });

  it("updates an item when a newer version arrives and keeps the earlier text in its history", async () => {
    const v1 = rss("Meridian Wire", [
      { guid: "mw-flood-1", title: "Floods cut off villages", body: "Floods cut off six villages in the north. Two people died.", pubDate: "Mon, 23 Nov 2026 08:00:00 GMT" },
    ]);
    const v2 = rss("Meridian Wire", [
      { guid: "mw-flood-1", title: "Floods cut off villages, toll rises", body: "Floods cut off six villages in the north. Four people died, officials said.", pubDate: "Mon, 23 Nov 2026 11:30:00 GMT" },
    ]);
    const first = await runIngest(store.db, [textInput("wire-v1.xml", v1)], opts);
    expect(first.totals.new).toBe(1);
    const second = await runIngest(store.db, [textInput("wire-v2.xml", v2)], opts);
    expect(second.totals).toEqual({ new: 0, updated: 1, duplicates: 0, skipped: 0, failed: 0 });
    const a = await store.db.article.findUniqueOrThrow({ where: { uri: "mw-flood-1" }, include: { versions: true } });
    expect(a.version).toBe(2);
    expect(a.headline).toBe("Floods cut off villages, toll rises");
    expect(a.bodyText).toContain("Four people died");
    expect(a.firstCreated?.toISOString()).toBe("2026-11-23T08:00:00.000Z");
    expect(a.versionCreated?.toISOString()).toBe("2026-11-23T11:30:00.000Z");
    expect(a.versions).toHaveLength(1);
    expect(a.versions[0]!.version).toBe(1);
    expect(a.versions[0]!.bodyText).toContain("Two people died");
    const audit = await store.db.auditEntry.findFirstOrThrow({ where: { articleId: a.id, action: "ingest.update" } });
    expect(JSON.parse(audit.before!).version).toBe(1);
    expect(JSON.parse(audit.after!).version).toBe(2);
    // The older version arriving late changes nothing.
    const late = await runIngest(store.db, [textInput("wire-v1-again.xml", v1)], opts);
    expect(late.totals).toEqual({ new: 0, updated: 0, duplicates: 0, skipped: 1, failed: 0 });
    expect((await store.db.article.findUniqueOrThrow({ where: { uri: "mw-flood-1" } })).version).toBe(2);
  });

  it("keeps the same text under another uri and links it to the first copy", async () => {
    const body = "The central bank held its main rate at 4.25 percent on Thursday, citing stubborn services inflation.";
    await runIngest(store.db, [textInput("a.xml", rss("Capital Post", [{ guid: "cp-rates", title: "Bank holds rates", body }]))], opts);
    const r = await runIngest(
      store.db,
      [textInput("b.xml", rss("Northern Herald", [{ guid: "nh-rates", title: "Rates on hold", body: `  ${body.toUpperCase()}  ` }]))],
      opts,
    );
    expect(r.totals).toMatchObject({ new: 1, duplicates: 1 });
    const copy = await store.db.article.findUniqueOrThrow({ where: { uri: "nh-rates" }, include: { duplicateLinks: { include: { other: true } } } });
    expect(copy.duplicateLinks).toHaveLength(1);
    expect(copy.duplicateLinks[0]!.other.uri).toBe("cp-rates");
    expect(copy.duplicateLinks[0]!.kind).toBe("exact");
  });

  it("loses only the broken item of a feed, and records where it stood", async () => {
    const feed = rss("Meridian Wire", [
      { guid: "ok-1", title: "Port strike ends", body: "Dock workers returned after a four-day strike." },
      { guid: "no-body", title: "Headline without a body" },
      { guid: "ok-2", title: "Museum reopens", body: "The city museum reopened after a two-year renovation." },
    ]);
    const r = await runIngest(store.db, [textInput("mixed.xml", feed)], opts);
    expect(r.totals).toMatchObject({ new: 2, failed: 1 });
    const errors = await store.db.ingestError.findMany({ where: { runId: r.runId } });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.input).toBe("mixed.xml");
    expect(errors[0]!.location).toMatch(/item 2/);
    expect(errors[0]!.message).toMatch(/body/i);
    expect(await store.db.article.count({ where: { uri: { in: ["ok-1", "ok-2", "no-body"] } } })).toBe(2);
    const run = await store.db.ingestRun.findUniqueOrThrow({ where: { id: r.runId } });
    expect(run).toMatchObject({ status: "done", newCount: 2, failedCount: 1 });
  });

  it("reports an unreadable input whole and still takes the other inputs", async () => {
    const good = rss("Meridian Wire", [{ guid: "ok-3", title: "Bridge reopens", body: "The bridge reopened to traffic on Friday." }]);
    const r = await runIngest(
      store.db,
      [
        textInput("empty.xml", ""),
        textInput("image.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3])),
        textInput("broken.json", '{"uri": "x", "headline": '),
        textInput("good.xml", good),
      ],
      opts,
    );
    const byInput = Object.fromEntries(r.inputs.map((i) => [i.input, i]));
    expect(byInput["empty.xml"]!.errors[0]!.message).toMatch(/empty/i);
    expect(byInput["image.png"]!.errors[0]!.message).toMatch(/binary/i);
    expect(byInput["broken.json"]!.failed).toBe(1);
    expect(byInput["good.xml"]!.new).toBe(1);
    expect(await store.db.ingestError.count({ where: { runId: r.runId } })).toBe(3);
  });

  it("refuses XML entity expansion without storing anything from it", async () => {
    const r = await runIngest(store.db, [fileInput("feeds/billion-laughs.xml")], opts);
    expect(r.totals.new).toBe(0);
    expect(r.inputs[0]!.errors[0]!.message).toMatch(/entit/i);
  });

  it("stores an item whole or not at all", async () => {
    // A store-level failure in the middle of an item (its tag cannot be
    // written) must leave neither the article nor its audit entry behind.
    if (store.kind === "sqlite") {
      await store.db.$executeRawUnsafe(
        `CREATE TRIGGER refuse_tag BEFORE INSERT ON "ArticleTag" WHEN NEW."confidence" = 0.123 BEGIN SELECT RAISE(ABORT, 'refused by test'); END`,
      );
    } else {
      await store.db.$executeRawUnsafe(
        `CREATE FUNCTION refuse_tag() RETURNS trigger AS $$ BEGIN IF NEW."confidence" = 0.123 THEN RAISE EXCEPTION 'refused by test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
      );
      await store.db.$executeRawUnsafe(`CREATE TRIGGER refuse_tag BEFORE INSERT ON "ArticleTag" FOR EACH ROW EXECUTE FUNCTION refuse_tag()`);
    }
    const ndjson = [
      { uri: "atomic-1", headline: "Tagged story", body_text: "A story whose tag the store refuses.", subjects: [{ uri: "http://cv.iptc.org/newscodes/mediatopic/11000000", name: "politics", confidence: 0.123 }] },
      { uri: "atomic-2", headline: "Plain story", body_text: "A story with no tags at all goes in." },
    ]
      .map((o) => JSON.stringify(o))
      .join("\n");
    const r = await runIngest(store.db, [textInput("atomic.ndjson", ndjson)], opts);
    expect(r.totals).toMatchObject({ new: 1, failed: 1 });
    expect(r.inputs[0]!.errors[0]!.message).toMatch(/^the store refused the item: /);
    expect(r.inputs[0]!.errors[0]!.location).toBe("line 1");
    expect(await store.db.article.findUnique({ where: { uri: "atomic-1" } })).toBeNull();
    expect(await store.db.auditEntry.count({ where: { after: { contains: "atomic-1" } } })).toBe(0);
    expect(await store.db.article.findUnique({ where: { uri: "atomic-2" } })).not.toBeNull();
    await store.db.$executeRawUnsafe(`DROP TRIGGER refuse_tag${store.kind === "postgres" ? ` ON "ArticleTag"` : ""}`);
  });
});
