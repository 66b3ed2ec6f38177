// Feed polling against real feeds served over HTTP: conditional GET, feeds
// that change, slow, broken and oversized feeds, backoff, disabled feeds,
// default tags, claims, and OPML — checked by what the store holds.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { startFeedServer, type FeedServer } from "../support/feed-server";
import { rss, type FeedItem } from "../support/feeds";
import { pollSource, type PollOptions } from "../../lib/server/sources/poll-source";
import { pollDue } from "../../lib/server/sources/poll-due";
import { createSource, updateSource } from "../../lib/server/sources/save-source";
import { listSources } from "../../lib/server/sources/list-sources";
import { exportOpml, importOpml } from "../../lib/server/sources/opml-sources";
import { readOpml } from "../../lib/sources/opml";

const admin = { name: "admin", role: "admin" as const };
const MINUTE = 60_000;
// Tests reach a server on 127.0.0.1: allowed here explicitly, off by default.
const opts: PollOptions = { allowPrivate: true, timeoutMs: 2000, actor: "worker" };

const items: FeedItem[] = [
  { guid: "valley-1", title: "Reservoir back to normal", body: "Spring rain refilled the upper reservoir to 96 percent, the water board said on Tuesday.", pubDate: "Mon, 02 Mar 2026 08:00:00 GMT" },
  { guid: "valley-2", title: "Car park fees scrapped", body: "Patients will park for free at the county hospital from Monday, the health board announced.", pubDate: "Mon, 02 Mar 2026 09:00:00 GMT" },
];

describe.each(storeKinds())("feed polling (%s)", (kind) => {
  let store: TestStore;
  let server: FeedServer;
  beforeAll(async () => {
    server = await startFeedServer();
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(async () => {
    store = await openStore(kind);
    server.seen.length = 0;
  });
  afterEach(async () => {
    await store.drop();
  });

  const add = (name: string, path: string, extra: Partial<Parameters<typeof createSource>[1]> = {}) =>
    createSource(store.db, { name, feedUrl: server.url(path), pollMinutes: 10, ...extra }, admin, { allowPrivate: true });

  it("ingests a feed, then asks again with If-None-Match and stores nothing new on 304", async () => {
    server.set("/etag.xml", { body: rss("Valley Ledger", items), etag: '"v1"' });
    const s = await add("Valley Ledger", "/etag.xml");
    const first = await pollSource(store.db, s.id, opts);
    expect(first).toMatchObject({ kind: "ingested", totals: { new: 2, failed: 0 } });
    const stored = await store.db.article.findMany({ where: { sourceId: s.id }, orderBy: { uri: "asc" } });
    expect(stored.map((a) => a.uri)).toEqual(["valley-1", "valley-2"]);
    const runs = await store.db.ingestRun.count();
    const audit = await store.db.auditEntry.count();

    const second = await pollSource(store.db, s.id, opts);
    expect(second.kind).toBe("not-modified");
    expect(server.seenAt("/etag.xml").map((r) => [r.ifNoneMatch, r.status])).toEqual([
      [undefined, 200],
      ['"v1"', 304],
    ]);
    expect(await store.db.article.count()).toBe(2);
    expect(await store.db.ingestRun.count()).toBe(runs);
    expect(await store.db.auditEntry.count()).toBe(audit);
    const after = await store.db.source.findUniqueOrThrow({ where: { id: s.id } });
    expect(after).toMatchObject({ etag: '"v1"', failureCount: 0, lastError: null, claimedUntil: null });
    expect(after.nextPollAt!.getTime() - after.lastSuccessAt!.getTime()).toBe(10 * MINUTE);
  });

  it("sends If-Modified-Since when the host gives only Last-Modified", async () => {
    const lm = "Mon, 02 Mar 2026 10:00:00 GMT";
    server.set("/lm.xml", { body: rss("Valley Ledger", items), lastModified: lm });
    const s = await add("Valley Ledger", "/lm.xml");
    await pollSource(store.db, s.id, opts);
    expect((await pollSource(store.db, s.id, opts)).kind).toBe("not-modified");
    expect(server.seenAt("/lm.xml").map((r) => [r.ifModifiedSince, r.status])).toEqual([
      [undefined, 200],
      [lm, 304],
    ]);
    expect(await store.db.article.count()).toBe(2);
  });

  it("takes a feed that changed between polls: a new item is added, an edited item updates its article", async () => {
    server.set("/changing.xml", { body: rss("Valley Ledger", items), etag: '"a"' });
    const s = await add("Valley Ledger", "/changing.xml");
    await pollSource(store.db, s.id, opts);
    const edited: FeedItem = { ...items[1]!, title: "Car park fees scrapped for good", body: "Patients and visitors will park for free at the county hospital from Monday, the health board announced, and the charge will not return.", pubDate: "Mon, 02 Mar 2026 11:00:00 GMT" };
    const added: FeedItem = { guid: "valley-3", title: "Market moves to Saturdays", body: "Stallholders voted to move the farmers' market to Saturdays to draw weekend visitors.", pubDate: "Mon, 02 Mar 2026 12:00:00 GMT" };
    server.set("/changing.xml", { body: rss("Valley Ledger", [items[0]!, edited, added]), etag: '"b"' });
    const second = await pollSource(store.db, s.id, opts);
    expect(second).toMatchObject({ kind: "ingested", totals: { new: 1, updated: 1, skipped: 1, failed: 0 } });
    expect(server.seenAt("/changing.xml")[1]).toMatchObject({ ifNoneMatch: '"a"', status: 200 });
    const all = await store.db.article.findMany({ orderBy: { uri: "asc" }, include: { versions: true } });
    expect(all.map((a) => [a.uri, a.version])).toEqual([
      ["valley-1", 1],
      ["valley-2", 2],
      ["valley-3", 1],
    ]);
    expect(all[1]!.headline).toBe("Car park fees scrapped for good");
    expect(all[1]!.versions.map((v) => v.headline)).toEqual(["Car park fees scrapped"]);
    expect((await store.db.source.findUniqueOrThrow({ where: { id: s.id } })).etag).toBe('"b"');
  });

  it("records a slow feed's timeout on that source, backs it off exponentially, and polls the others in the same round", async () => {
    server.set("/slow.xml", { body: rss("Slow", items), delayMs: 3000 });
    server.set("/good.xml", { body: rss("Good", items) });
    const slow = await add("Slow Times", "/slow.xml", { pollMinutes: 5 });
    const good = await add("Good News", "/good.xml");
    const round = await pollDue(store.db, { ...opts, timeoutMs: 300, concurrency: 2 });
    expect(round.map((o) => [o.sourceId, o.kind]).sort()).toEqual(
      [
        [slow.id, "failed"],
        [good.id, "ingested"],
      ].sort(),
    );
    expect(await store.db.article.count({ where: { sourceId: good.id } })).toBe(2);
    const delays: number[] = [];
    for (let i = 1; i <= 3; i++) {
      if (i > 1) await pollSource(store.db, slow.id, { ...opts, timeoutMs: 300 });
      const s = await store.db.source.findUniqueOrThrow({ where: { id: slow.id } });
      expect(s.failureCount).toBe(i);
      expect(s.lastError).toMatch(/timed out after 0.3 s/);
      expect(s.lastSuccessAt).toBeNull();
      expect(s.claimedUntil).toBeNull();
      delays.push(s.nextPollAt!.getTime() - s.lastErrorAt!.getTime());
    }
    expect(delays).toEqual([10 * MINUTE, 20 * MINUTE, 40 * MINUTE]);
    // Not due again yet: the next round leaves it alone.
    expect(await pollDue(store.db, { ...opts, timeoutMs: 300 })).toEqual([]);
    // Fixed: one good poll clears the count and the interval is back to normal.
    server.set("/slow.xml", { body: rss("Slow", [{ guid: "slow-1", title: "Slow but sure", body: "The tortoise crossed the finish line on Sunday afternoon to loud applause." }]) });
    expect((await pollSource(store.db, slow.id, opts)).kind).toBe("ingested");
    const healed = await store.db.source.findUniqueOrThrow({ where: { id: slow.id } });
    expect(healed.failureCount).toBe(0);
    expect(healed.lastError).toMatch(/timed out/); // kept, with its time, for the health column
    expect(healed.nextPollAt!.getTime() - healed.lastSuccessAt!.getTime()).toBe(5 * MINUTE);
  });

  it("fails a malformed feed as a whole, and loses only the broken item of a feed with one", async () => {
    server.set("/malformed.xml", { body: `<?xml version="1.0"?><rss version="2.0"><channel><title>X</title><item><title>Unclosed` });
    const bad = await add("Broken Wire", "/malformed.xml");
    const o = await pollSource(store.db, bad.id, opts);
    expect(o).toMatchObject({ kind: "failed", failureCount: 1 });
    const badRow = await store.db.source.findUniqueOrThrow({ where: { id: bad.id } });
    expect(badRow.lastError).toMatch(/^rss feed: no readable items \(item 1 \(line 1\): malformed XML at line 1/);
    expect(badRow.etag).toBeNull();
    expect(await store.db.article.count()).toBe(0);
    const runErrors = await store.db.ingestError.findMany({ where: { runId: (o as { runId: number }).runId } });
    expect(runErrors.map((e) => e.location)).toEqual(["item 1 (line 1)"]);

    const brokenItem = rss("Valley Ledger", [
      items[0]!,
      { guid: "x", raw: `<item><title>Half an item</title><guid>valley-x</guid><description>Never closed</item>` },
      items[1]!,
    ]);
    server.set("/one-broken.xml", { body: brokenItem });
    const partial = await add("Valley Ledger", "/one-broken.xml");
    const p = await pollSource(store.db, partial.id, opts);
    expect(p).toMatchObject({ kind: "ingested", totals: { new: 2, failed: 1 } });
    expect((await store.db.article.findMany({ orderBy: { uri: "asc" } })).map((a) => a.uri)).toEqual(["valley-1", "valley-2"]);
    expect((await store.db.source.findUniqueOrThrow({ where: { id: partial.id } })).failureCount).toBe(0);
    expect(await store.db.ingestError.count({ where: { runId: (p as { runId: number }).runId } })).toBe(1);
  });

  it("refuses an oversized feed and records why", async () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ guid: `big-${i}`, title: `Item ${i}`, body: `Body number ${i} of a very long feed that goes on and on.` }));
    server.set("/big.xml", { body: rss("Big", many) });
    const s = await add("Big Feed", "/big.xml");
    const o = await pollSource(store.db, s.id, { ...opts, maxBytes: 4096 });
    expect(o).toMatchObject({ kind: "failed" });
    expect((await store.db.source.findUniqueOrThrow({ where: { id: s.id } })).lastError).toMatch(/larger than 4 KiB limit/);
    expect(await store.db.article.count()).toBe(0);
  });

  it("does not poll a disabled feed, and polls it once enabled again", async () => {
    server.set("/off.xml", { body: rss("Off", items) });
    const s = await add("Switched Off", "/off.xml", { enabled: false });
    expect(await pollDue(store.db, opts)).toEqual([]);
    expect(server.seenAt("/off.xml")).toHaveLength(0);
    await updateSource(store.db, s.id, { enabled: true }, admin);
    expect((await pollDue(store.db, opts)).map((o) => o.kind)).toEqual(["ingested"]);
    const audit = await store.db.auditEntry.findMany({ where: { entityType: "source" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ["source.create", "admin"],
      ["source.update", "admin"],
    ]);
  });

  it("attaches items to the polled source and accepts its default tags on each", async () => {
    server.set("/tagged.xml", { body: rss("A title the feed gives itself", items) });
    const s = await add("Valley Ledger", "/tagged.xml", { defaultTags: ["ES", "medtop:11000000"] });
    await pollSource(store.db, s.id, opts);
    const arts = await store.db.article.findMany({ include: { tags: { include: { tag: true } } } });
    expect(arts).toHaveLength(2);
    for (const a of arts) {
      expect(a.sourceId).toBe(s.id);
      const fromSource = a.tags.filter((t) => t.origin === "source").map((t) => [t.tag.code, t.state]).sort();
      expect(fromSource).toEqual([
        ["ES", "accepted"],
        ["medtop:11000000", "accepted"],
      ]);
    }
    await expect(add("Other", "/other.xml", { defaultTags: ["medtop:99999999"] })).rejects.toThrow(/unknown tag code: medtop:99999999/);
  });

  it("lets only one of two concurrent pollers fetch a feed", async () => {
    server.set("/contended.xml", { body: rss("Valley Ledger", items), delayMs: 200 });
    const s = await add("Valley Ledger", "/contended.xml");
    const outcomes = await Promise.all([pollSource(store.db, s.id, opts), pollSource(store.db, s.id, opts)]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(["busy", "ingested"]);
    expect(server.seenAt("/contended.xml")).toHaveLength(1);
    expect(await store.db.article.count()).toBe(2);
  });

  it("shows each feed's health: last success, last error, items per day", async () => {
    server.set("/h1.xml", { body: rss("Healthy", items) });
    server.set("/h2.xml", { body: "not a feed at all", contentType: "text/plain" });
    const ok = await add("Healthy", "/h1.xml");
    const sick = await add("Sick", "/h2.xml");
    await pollDue(store.db, opts);
    const list = await listSources(store.db, admin);
    const byName = new Map(list.map((s) => [s.name, s]));
    expect(byName.get("Healthy")).toMatchObject({ id: ok.id, totalItems: 2, itemsPerDay: 0.3, lastError: null, failureCount: 0 });
    expect(byName.get("Healthy")!.lastSuccessAt).not.toBeNull();
    expect(byName.get("Sick")).toMatchObject({ id: sick.id, totalItems: 0, lastSuccessAt: null, failureCount: 1 });
    expect(byName.get("Sick")!.lastError).toBe("not an RSS, Atom or JSON feed (the URL serves plain text)");
  });

  it("round-trips sources through OPML", async () => {
    const opml = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>Reader export</title></head><body>
  <outline text="Politics">
    <outline type="rss" text="Capital &amp; Country" xmlUrl="https://capital.example/feed.xml" htmlUrl="https://capital.example/"/>
    <outline type="rss" text="Hill Notes" xmlUrl="https://hill.example/atom"/>
  </outline>
  <outline type="rss" text="Gopher" xmlUrl="gopher://old.example/feed"/>
  <outline type="rss" title="Harbour Gazette" xmlUrl="https://harbour.example/rss?x=1&amp;y=2"/>
</body></opml>`;
    const report = await importOpml(store.db, opml, admin, { pollMinutes: 30 });
    expect(report.added.map((a) => a.name)).toEqual(["Capital & Country", "Hill Notes", "Harbour Gazette"]);
    expect(report.errors).toEqual([{ location: "body/outline[2]", message: 'xmlUrl "gopher://old.example/feed" is not an http or https URL' }]);
    // Importing again adds nothing.
    const again = await importOpml(store.db, opml, admin);
    expect(again.added).toEqual([]);
    expect(again.existing).toHaveLength(3);

    const out = await exportOpml(store.db, admin);
    const back = readOpml(out);
    expect(back.errors).toEqual([]);
    expect(back.feeds).toEqual([
      { name: "Capital & Country", feedUrl: "https://capital.example/feed.xml" },
      { name: "Harbour Gazette", feedUrl: "https://harbour.example/rss?x=1&y=2" },
      { name: "Hill Notes", feedUrl: "https://hill.example/atom" },
    ]);
    expect((await store.db.source.findMany()).every((s) => s.pollMinutes === 30 || s.pollMinutes === null)).toBe(true);
    await expect(importOpml(store.db, `<!DOCTYPE x [<!ENTITY a "b">]><opml/>`, admin)).rejects.toThrow(/entity/);
  });
});
