// The bulk ingest path (decision 016) against the per-item path: the same
// inputs into two fresh stores, one each way, and every table compared,
// timestamps aside, with ids read as what they name (a tag's code, an
// article's uri), since PostgreSQL's sequences skip ids on upserts and
// rolled-back batches. A bad item fails alone.
import Database from "better-sqlite3";
import pg from "pg";
import { dump } from "../support/store-dump";
import { afterAll, describe, expect, it, vi } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { bytes } from "../support/feeds";
import { comparisonInputs, wireStories } from "../support/bulk-corpus";
import { openConn } from "../../lib/server/ingest/bulk/conn";
import { RECENT_ROWS, RunIndex } from "../../lib/server/ingest/bulk/run-index";
import { fingerprint } from "../../lib/dedup/fingerprint";
import { runIngest, type IngestInput, type RunOptions } from "../../lib/server/ingest/run-ingest";
import { env, sqliteFile } from "../../lib/server/env";

const ingestTime = new Date("2026-11-28T12:00:00Z");
const base = { origin: "cli" as const, actor: "test", role: "system" as const, ingestTime, defaultSource: "Daily8" };

async function ingestAll(store: TestStore, inputs: IngestInput[], opts: Partial<RunOptions>, afterFirst?: (store: TestStore) => Promise<void>) {
  const totals = [];
  for (const [i, input] of inputs.entries()) {
    totals.push((await runIngest(store.db, [input], { ...base, ...opts })).totals);
    if (i === 0) await afterFirst?.(store);
  }
  return totals;
}

/** An editor has reviewed what the first input brought before the rest arrives: its stories' later copies take that status. */
const reviewFirst = async (store: TestStore) => {
  await store.db.article.updateMany({ data: { status: "reviewed" } });
};

/** Has the store refuse one uri, as a constraint would: the bulk transaction holding it fails. */
async function refuseUri(store: TestStore, refused: string) {
  if (store.kind === "sqlite") {
    const conn = new Database(sqliteFile(store.url));
    conn.exec(`CREATE TRIGGER "refuse_item" BEFORE INSERT ON "Article" WHEN NEW."uri" = '${refused}' BEGIN SELECT RAISE(ABORT, 'refused by the test trigger'); END;`);
    conn.close();
    return;
  }
  const client = new pg.Client({ connectionString: store.url });
  await client.connect();
  await client.query(`CREATE FUNCTION refuse_item() RETURNS trigger AS $$ BEGIN
      IF NEW."uri" = '${refused}' THEN RAISE EXCEPTION 'refused by the test trigger'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
  await client.query(`CREATE TRIGGER refuse_item BEFORE INSERT ON "Article" FOR EACH ROW EXECUTE FUNCTION refuse_item()`);
  await client.end();
}

// SQLite only: PostgreSQL's server keeps its own buffers.
describe("bulk ingest's own SQLite connection", () => {
  it("has the page cache the environment sets (decision 016)", async () => {
    const store = await openStore("sqlite");
    const conn = await openConn(store.url);
    try {
      const [row] = await conn.all<{ cache_size: number }>("PRAGMA cache_size");
      // Negative: KiB rather than pages. The default of 512 MiB, unless the run's environment sets another.
      expect(row!.cache_size).toBe(-env().WIREDESK_INGEST_CACHE_MB * 1024);
      expect(row!.cache_size).toBeLessThanOrEqual(-2 * 1024);
    } finally {
      await conn.close();
      await store.drop();
    }
  });
});

describe.each(storeKinds())("bulk ingest on %s", (kind) => {
  const stores: TestStore[] = [];
  const open = async () => {
    const s = await openStore(kind);
    stores.push(s);
    return s;
  };
  afterAll(async () => {
    for (const s of stores) await s.drop();
  });

  it.each([
    ["with the run's duplicate index in memory", {}],
    ["with the store's duplicate lookups", { memoryIndexMax: 0 }],
    // PostgreSQL holds new articles to write several a statement; here it writes them ahead of need at every second one.
    ...(kind === "postgres" ? [["with held articles written ahead while the run goes on", { writeAhead: 2 }] as const] : []),
  ] as [string, Partial<RunOptions>][])("stores what the per-item path stores, table for table, %s", async (_, how) => {
    const [perItem, bulk] = [await open(), await open()];
    const fresh = comparisonInputs();
    // The first two inputs again at the end: a re-run (an import resumed) skips what is stored.
    const inputs = [...fresh, fresh[0]!, fresh[1]!];
    const one = await ingestAll(perItem, inputs, { bulk: false }, reviewFirst);
    // Small batches, so that copies, repeated uris and updates fall within and across batch edges.
    const many = await ingestAll(bulk, inputs, { bulk: true, batchSize: 7, ...how }, reviewFirst);
    expect(many).toEqual(one);
    const [a, b] = [await dump(perItem), await dump(bulk)];
    // The comparison is worth something only if the inputs made every kind of row.
    expect(a.stories.length).toBeGreaterThan(5);
    expect(a.links.length).toBeGreaterThan(10);
    expect(a.versions.length).toBeGreaterThan(1);
    expect(a.articleTags.length).toBeGreaterThan(50);
    expect(a.errors.length).toBeGreaterThan(0);
    expect(a.audit.filter((e) => e.action === "story.join").length).toBeGreaterThan(5);
    expect(a.articles.filter((r) => r.includes("arrived after the story was reviewed")).length).toBeGreaterThan(0);
    expect(a.search.length).toBeGreaterThanOrEqual(a.articles.length);
    for (const table of Object.keys(a) as (keyof typeof a)[]) expect({ table, rows: b[table] }).toEqual({ table, rows: a[table] });
    // The mark that defers SQLite's full-text rows to a batch's end never outlives the batch.
    if (kind === "sqlite") {
      const conn = new Database(sqliteFile(bulk.url), { readonly: true });
      expect(conn.prepare(`SELECT count(*) AS n FROM "ArticleSearchDeferred"`).get()).toEqual({ n: 0 });
      conn.close();
    }
  }, 300_000);

  it("parses the next input and prepares the next batch on worker threads, with the same results as on the writer's thread", async () => {
    const [here, threads] = [await open(), await open()];
    // An input that cannot be read at all, between the others: parsed ahead on the worker, it still fails alone, named.
    const broken: IngestInput = { name: "broken.xml", read: async () => bytes(`<?xml version="1.0"?><inventory><item>not a feed</item></inventory>`) };
    const fresh = comparisonInputs();
    const inputs = [fresh[0]!, broken, ...fresh.slice(1)];
    // batchSize 2: inputs of 8 items or more get the engines' pool too (made at four batches).
    const opts = { ...base, bulk: true, batchSize: 2 };
    const a = await runIngest(here.db, inputs, { ...opts, engineThreads: 0 });
    const b = await runIngest(threads.db, inputs, { ...opts, engineThreads: 1 });
    const reportOf = (r: typeof a) => r.inputs.map(({ input, format, errors, new: n, updated, duplicates, skipped, failed }) => ({ input, format, errors, n, updated, duplicates, skipped, failed }));
    expect(reportOf(b)).toEqual(reportOf(a));
    expect(b.totals).toEqual(a.totals);
    expect(b.inputs[1]!.errors).toEqual([{ location: "file", message: "not a feed: the XML root element is <inventory>" }]);
    expect(a.totals.new).toBeGreaterThan(50);
    expect(await dump(threads)).toEqual(await dump(here));
  }, 300_000);

  it("leaves the work of threads that run out of memory to the writer's thread: the same results, and the run says so", async () => {
    const [here, starved] = [await open(), await open()];
    const inputs = comparisonInputs();
    const opts = { ...base, bulk: true, batchSize: 2 };
    const a = await runIngest(here.db, inputs, { ...opts, engineThreads: 0 });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      // Too little heap for the tagger's tables or the parsers: both threads end early in the run.
      const b = await runIngest(starved.db, inputs, { ...opts, engineThreads: 1, threadHeapMb: 8 });
      expect(b.totals).toEqual(a.totals);
      const said = warn.mock.calls.map((c) => String(c[0]));
      expect(said).toEqual(
        expect.arrayContaining([expect.stringMatching(/^ingest: the engines thread stopped \(.*memory.*\); the run goes on without it, more slowly$/), expect.stringMatching(/^ingest: the parser thread stopped/)]),
      );
      // Once a thread, however many batches were left.
      expect(said.filter((m) => m.startsWith("ingest: the engines thread"))).toHaveLength(1);
    } finally {
      warn.mockRestore();
    }
    expect(await dump(starved)).toEqual(await dump(here));
  }, 300_000);

  it("redoes a batch the store refuses item by item: the bad item fails alone, the rest as the per-item path stores them", async () => {
    const perItem = await open();
    await refuseUri(perItem, "item-5");
    const body = (i: number) => `Story ${i}: the harbour council met ${i} times this year and approved ${i * 3} new berths for ferries, the mayor said on Monday in ${["France", "Kenya", "Japan"][i % 3]}.`;
    const items = Array.from({ length: 10 }, (_, i) => JSON.stringify({ uri: `item-${i}`, headline: `Harbour item ${i}`, body_text: body(i), infosources: [{ name: "Port Wire" }] }));
    const input: IngestInput = { name: "batch.ndjson", read: async () => bytes(items.join("\n")) };
    const r1 = await runIngest(perItem.db, [input], { ...base, bulk: false });
    // On PostgreSQL also with the refused item in a write started ahead (./pending-postgres): its failure is said at the next flush.
    for (const how of kind === "postgres" ? [{}, { writeAhead: 2 }] : [{}]) {
      const bulk = await open();
      await refuseUri(bulk, "item-5");
      const r2 = await runIngest(bulk.db, [input], { ...base, bulk: true, batchSize: 10, ...how });
      expect(r2.totals).toEqual({ new: 9, updated: 0, duplicates: 0, skipped: 0, failed: 1 });
      expect(r2.totals).toEqual(r1.totals);
      expect(r2.inputs[0]!.errors).toEqual([{ location: "line 6", message: expect.stringMatching(/^the store refused the item: /) }]);
      expect(r2.inputs[0]!.errors).toEqual(r1.inputs[0]!.errors);
      expect(await dump(bulk)).toEqual(await dump(perItem));
      expect(await bulk.db.article.count()).toBe(9);
    }
  }, 120_000);

  it("keeps the run's duplicate index up to what other writers stored and re-indexed since its last batch", async () => {
    const store = await open();
    const [a, b, c] = wireStories(3, 7);
    const one = (uri: string, body: string, time: string) =>
      runIngest(store.db, [{ name: `${uri}.ndjson`, read: async () => bytes(JSON.stringify({ uri, headline: uri, body_text: body, versioncreated: time })) }], { ...base, bulk: false });
    await one("a", a!.body, "2026-11-01T08:00:00Z");
    const idA = (await store.db.article.findUniqueOrThrow({ where: { uri: "a" } })).id;
    const conn = await openConn(store.url);
    try {
      const index = (await RunIndex.open(conn, 1000))!;
      const ids = (text: string) => index.candidates(fingerprint(text)).map((h) => h.id);
      expect(ids(a!.body)).toEqual([idA]);
      // Another writer stores b, and gives a a new text (c's): an update re-indexes it.
      await one("b", b!.body, "2026-11-01T09:00:00Z");
      await one("a", c!.body, "2026-11-01T10:00:00Z");
      const idB = (await store.db.article.findUniqueOrThrow({ where: { uri: "b" } })).id;
      expect(ids(b!.body)).toEqual([]);
      await index.sync();
      expect(ids(b!.body)).toEqual([idB]);
      expect(ids(c!.body)).toEqual([idA]);
      expect(ids(a!.body)).toEqual([]);
    } finally {
      await conn.close();
    }
  }, 120_000);

  it("reads the text of an article the run wrote from memory until another writer updates it, and keeps only the most recent", async () => {
    const store = await open();
    const [a, c] = wireStories(2, 11);
    const one = (uri: string, body: string, time: string) =>
      runIngest(store.db, [{ name: `${uri}.ndjson`, read: async () => bytes(JSON.stringify({ uri, headline: uri, body_text: body, versioncreated: time })) }], { ...base, bulk: false });
    await one("a", a!.body, "2026-11-01T08:00:00Z");
    const stored = await store.db.article.findUniqueOrThrow({ where: { uri: "a" } });
    const conn = await openConn(store.url);
    try {
      const index = (await RunIndex.open(conn, RECENT_ROWS + 10))!;
      // As the run's own write would: the same article, with the row verification reads.
      index.remove(stored.id, fingerprint(a!.body));
      index.add(stored.id, fingerprint(a!.body), { ...stored, versionCreated: stored.versionCreated, firstCreated: stored.firstCreated, ingestedAt: stored.ingestedAt });
      await index.sync();
      expect(index.row(stored.id)?.bodyText).toBe(a!.body);
      // Another writer gives it a new text: the kept row would be stale, so it goes with the old keys.
      await one("a", c!.body, "2026-11-01T10:00:00Z");
      await index.sync();
      expect(index.row(stored.id)).toBeUndefined();
      expect(index.candidates(fingerprint(c!.body)).map((h) => h.id)).toEqual([stored.id]);
      // Bounded: past RECENT_ROWS the oldest row goes (its keys stay).
      const fp = fingerprint("a short text of no consequence for the index");
      for (let i = 1; i <= RECENT_ROWS + 1; i++) index.add(1_000_000 + i, fp, { ...stored, id: 1_000_000 + i });
      expect(index.row(1_000_001)).toBeUndefined();
      expect(index.row(1_000_002)?.id).toBe(1_000_002);
      expect(index.has(1_000_001)).toBe(true);
    } finally {
      await conn.close();
    }
  }, 120_000);
});
