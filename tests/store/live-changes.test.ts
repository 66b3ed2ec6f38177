// What the live-updates stream tells clients, read from the store.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { nextChanges, openCursor } from "../../lib/server/live/changes";
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
});
