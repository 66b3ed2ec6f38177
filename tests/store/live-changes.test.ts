// What the live-updates stream tells clients, read from the store.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { nextChanges, openCursor, type LiveEvent } from "../../lib/server/live/changes";
import { hubReads, subscribe } from "../../lib/server/live/hub";
import { runIngest } from "../../lib/server/ingest/run-ingest";
import { setStatus } from "../../lib/server/articles/set-status";
import { createSource } from "../../lib/server/sources/save-source";
import { bytes, rss } from "../support/feeds";

describe.each(storeKinds())("live changes (%s)", (kind) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await openStore(kind);
  });
  afterEach(async () => {
    await store.drop();
  });

  const ingest = (guid: string, title: string, body: string) =>
    runIngest(store.db, [{ name: `${guid}.xml`, read: async () => bytes(rss("Wire", [{ guid, title, body }])) }], { origin: "cli", actor: "cli", role: "system" });

  it("reports arrivals, others' changes and source edits once each, and nothing when nothing changed", async () => {
    await ingest("a-1", "Dam inspection passes", "Engineers found the dam sound after a week of checks, the water board said.");
    const cursor = await openCursor(store.db);
    expect(await nextChanges(store.db, cursor)).toBeUndefined();

    const run = await ingest("a-2", "Tram line extension approved", "The council approved the tram extension to the airport at its Tuesday meeting.");
    const newId = (await store.db.article.findUniqueOrThrow({ where: { uri: "a-2" } })).id;
    expect(run.totals.new).toBe(1);
    expect(await nextChanges(store.db, cursor)).toEqual({ articles: [newId], changed: [], entities: [] });
    expect(await nextChanges(store.db, cursor)).toBeUndefined();

    const old = await store.db.article.findUniqueOrThrow({ where: { uri: "a-1" } });
    await setStatus(store.db, old.id, "reviewed", old.version, { name: "editor", role: "editor" });
    await createSource(store.db, { name: "Harbour Post", feedUrl: "https://harbour.example/rss" }, { name: "admin", role: "admin" });
    expect(await nextChanges(store.db, cursor)).toEqual({ articles: [], changed: [old.id], entities: ["source"] });
    expect(await nextChanges(store.db, cursor)).toBeUndefined();
  });

  /** Resolves when `pred` holds, checking every 20 ms; fails after `ms`. */
  const until = async (pred: () => boolean, ms: number, what: string) => {
    const end = Date.now() + ms;
    while (!pred()) {
      if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  it("one reader per process tells every open tab; the store's reads do not grow with the tabs", async () => {
    await ingest("h-1", "Bridge reopens after repairs", "The bridge reopened to traffic on Monday after six weeks of repairs, the council said.");
    const seen: LiveEvent[][] = Array.from({ length: 50 }, () => []);
    const stops = seen.map((events) => subscribe(store.db, (e) => events.push(e)));
    try {
      // The first read opens the hub's cursor at "now".
      await until(() => hubReads(store.db) >= 1, 2000, "the hub's first read");
      await new Promise((r) => setTimeout(r, 150));
      const t0 = Date.now();
      const readsBefore = hubReads(store.db);
      await ingest("h-2", "Ferry timetable changes for winter", "The ferry company cut its winter sailings to four a day from next week.");
      const id = (await store.db.article.findUniqueOrThrow({ where: { uri: "h-2" } })).id;
      await until(() => seen.every((events) => events.some((e) => e.articles.includes(id))), 5000, "every tab to hear of the arrival");
      const arrivalMs = Date.now() - t0;
      // Fifty tabs, one read per poll (SQLite) or per notice (PostgreSQL), not fifty.
      const reads = hubReads(store.db) - readsBefore;
      expect(reads).toBeGreaterThanOrEqual(1);
      expect(reads).toBeLessThanOrEqual(Math.ceil(arrivalMs / 1000) + 2);
      // Each tab heard of it once.
      for (const events of seen) expect(events.flatMap((e) => e.articles).filter((a) => a === id)).toHaveLength(1);
      if (kind === "postgres") {
        // Told by the trigger's notice, not found by polling: idle, the hub does not read the store at all.
        expect(arrivalMs).toBeLessThan(1000);
        const idle = hubReads(store.db);
        await new Promise((r) => setTimeout(r, 1500));
        expect(hubReads(store.db)).toBe(idle);
      }
    } finally {
      for (const stop of stops) stop();
    }
    // With no tab left the hub stops reading.
    const after = hubReads(store.db);
    await new Promise((r) => setTimeout(r, 1300));
    expect(hubReads(store.db)).toBe(after);
  });
});
